# aspen: virtual-time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for d in (0.2, 0.3, 0.5):
        await asyncio.sleep(d)
        print(f"{loop.time() - t0:.1f}")

asyncio.run(main())
