import asyncio

async def main():
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), timeout=0.05)
    except TimeoutError:
        print("event not set in time")
    asyncio.get_running_loop().call_later(0.05, event.set)
    print(await asyncio.wait_for(event.wait(), timeout=1))

asyncio.run(main())
