# aspen: virtual-time
import asyncio

async def job(i, sem, loop, t0):
    async with sem:
        await asyncio.sleep(0.2)
        print(f"job {i} done at {loop.time() - t0:.1f}")

async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    t0 = loop.time()
    await asyncio.gather(*(job(i, sem, loop, t0) for i in range(5)))

asyncio.run(main())
