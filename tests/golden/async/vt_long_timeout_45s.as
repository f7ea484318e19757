# aspen: virtual-time
# Slow under CPython (45 s real): expectations generated once, see README.md.
# Times print as whole seconds so that CPython's real-time drift cannot show.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(asyncio.sleep(3600), timeout=45)
    except TimeoutError:
        print(f"gave up after {loop.time() - t0:.0f} s, not 3600")

asyncio.run(main())
