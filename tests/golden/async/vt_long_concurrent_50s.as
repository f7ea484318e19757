# aspen: virtual-time
# Slow under CPython (50 s real): expectations generated once, see README.md.
# Times print as whole seconds so that CPython's real-time drift cannot show.
import asyncio
import time

async def sleeper(name, d, t0):
    await asyncio.sleep(d)
    print(f"{name} woke at {time.monotonic() - t0:.0f}")

async def main():
    t0 = time.monotonic()
    await asyncio.gather(sleeper("a", 50, t0), sleeper("b", 20, t0), sleeper("c", 35, t0))
    print(f"elapsed {time.monotonic() - t0:.0f}")

asyncio.run(main())
