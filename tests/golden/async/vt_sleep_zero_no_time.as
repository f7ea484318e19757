# aspen: virtual-time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for _ in range(1000):
        await asyncio.sleep(0)
    print(f"{loop.time() - t0:.1f}")

asyncio.run(main())
