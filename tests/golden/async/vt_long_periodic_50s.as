# aspen: virtual-time
# Slow under CPython (50 s real): expectations generated once, see README.md.
# Times print as whole seconds so that CPython's real-time drift cannot show.
import asyncio

loop = asyncio.new_event_loop()
t0 = loop.time()

def tick(n):
    print(f"tick {n} at {loop.time() - t0:.0f}")
    if n < 10:
        loop.call_at(t0 + 5 * (n + 1), tick, n + 1)  # absolute deadlines: no drift
    else:
        loop.stop()

loop.call_soon(tick, 0)
loop.run_forever()
loop.close()
