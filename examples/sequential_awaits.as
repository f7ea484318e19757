# aspen: virtual-time
# Teaching text, "Why can async code with await run sequentially?": awaiting one
# coroutine after another runs them one at a time (1 + 3 + 2 = 6 seconds).
import asyncio
import time

async def delay(seconds: int) -> None:
    print (f"delay ({seconds=}) started", flush=True)
    await asyncio.sleep (seconds)
    print (f"delay ({seconds=}) finished", flush=True)

async def main():
    start_time = time.perf_counter()
    await delay(1)
    await delay(3)
    await delay(2)
    print(f"elapsed time: {time.perf_counter() - start_time:.1f} seconds")

asyncio.run(main())  # elapsed time: 6.0 seconds
