# aspen: virtual-time
import asyncio

async def job(name, delay, t0, loop):
    await asyncio.sleep(delay)
    print(f"{name} finished at {loop.time() - t0:.1f}")
    return delay

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    res = await asyncio.gather(job("c", 0.3, t0, loop), job("a", 0.1, t0, loop), job("b", 0.2, t0, loop))
    print(res, f"total {loop.time() - t0:.1f}")

asyncio.run(main())
