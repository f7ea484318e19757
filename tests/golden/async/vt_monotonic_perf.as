# aspen: virtual-time
import asyncio
import time

async def main():
    m0, p0 = time.monotonic(), time.perf_counter()
    await asyncio.sleep(0.4)
    print(f"monotonic +{time.monotonic() - m0:.1f}")
    print(f"perf_counter +{time.perf_counter() - p0:.1f}")

asyncio.run(main())
