import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(10))
    try:
        await asyncio.wait_for(t, timeout=0.05)
    except TimeoutError:
        print("timed out; task cancelled:", t.cancelled())

asyncio.run(main())
