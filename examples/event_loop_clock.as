# aspen: virtual-time
# Teaching text, "Asyncio by example": two coroutines on one loop, started with
# ensure_future and driven by run_forever.
# Changed from the text, only where the original is nondeterministic or endless:
# - it printed datetime.datetime.now(); this prints the loop time since start,
#   in whole seconds (CPython really sleeps, and its timer drift must not show);
# - it slept random.randint(0, 5) seconds; this sleeps a fixed sequence of such
#   draws (chosen so the two coroutines never wake at the same instant);
# - run_forever never returned; loop.call_later(53, loop.stop) ends it after the
#   last print (the coroutines stop printing once 50 seconds are nearly up).
import asyncio

DRAWS = {1: [0, 4, 5, 3, 0, 5, 4, 5], 2: [1, 5, 1, 4, 3, 4, 1, 3]}

async def my_sleep_func(num, step):
    await asyncio.sleep(DRAWS[num][step % len(DRAWS[num])])

async def display_date(num, loop):
    start = loop.time()
    end_time = loop.time() + 50.0
    step = 0
    while True:
        print("Loop: {} Time: {:.0f}".format(num, loop.time() - start))
        if (loop.time() + 1.0) >= end_time:
            break
        await my_sleep_func(num, step)
        step += 1

loop = asyncio.get_event_loop()

asyncio.ensure_future(display_date(1, loop))
asyncio.ensure_future(display_date(2, loop))

loop.call_later(53, loop.stop)
loop.run_forever()
print("loop stopped")
