# aspen: virtual-time
# Slow under CPython (50 s real): expectations generated once, see README.md.
# Times print as whole seconds so that CPython's real-time drift cannot show.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for d in (10, 15, 25):
        await asyncio.sleep(d)
        print(f"slept {d}, now at {loop.time() - t0:.0f}")

asyncio.run(main())
