import asyncio

async def quick():
    await asyncio.sleep(0.01)
    return "in time"

async def main():
    print(await asyncio.wait_for(quick(), timeout=1))
    print(await asyncio.wait_for(quick(), timeout=None))
    print(await asyncio.wait_for(asyncio.sleep(0, "plain"), 5))

asyncio.run(main())
