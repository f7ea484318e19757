# aspen: virtual-time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(0.1)
            cm.reschedule(cm.when() + 0.3)
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"timed out at {loop.time() - t0:.1f}, expired={cm.expired()}")

asyncio.run(main())
