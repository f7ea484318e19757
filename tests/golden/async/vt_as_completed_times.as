# aspen: virtual-time
import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for fut in asyncio.as_completed([job(0.3), job(0.1), job(0.2)]):
        value = await fut
        print(f"got {value} at {loop.time() - t0:.1f}")

asyncio.run(main())
