# aspen: virtual-time
import asyncio
import time

async def delay(seconds):
    await asyncio.sleep(seconds)

async def main():
    start = time.perf_counter()
    await delay(0.3)
    await delay(0.2)
    print(f"sequential: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    await asyncio.gather(delay(0.3), delay(0.2))
    print(f"concurrent: {time.perf_counter() - start:.1f} s")

asyncio.run(main())
