import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.05
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print(cm.when() == deadline)
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout_at fired")
    async with asyncio.timeout_at(loop.time() + 5):
        await asyncio.sleep(0.01)
    print("finished in time")

asyncio.run(main())
