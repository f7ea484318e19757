# aspen: virtual-time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.5)
    except TimeoutError:
        print(f"timed out after {loop.time() - t0:.1f} s")

asyncio.run(main())
