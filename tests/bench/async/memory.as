# bench: N tasks (argv[1], default 100,000) suspended on one asyncio.Event.
# tests/bench/run.py runs this with N = 0 and N = 100,000 and reports
# (peak RSS with the tasks - peak RSS without) / N as bytes per task.
# target: 0.2
# metric: memory
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


async def waiter(event, woken):
    await event.wait()
    woken[0] += 1


async def main():
    event = asyncio.Event()
    woken = [0]
    tasks = [asyncio.create_task(waiter(event, woken)) for _ in range(N)]
    await asyncio.sleep(0)  # every task runs up to event.wait(): the peak is here
    event.set()
    await asyncio.gather(*tasks)
    print(woken[0])


asyncio.run(main())
