# bench: two tasks ping-ponging through sleep(0): 1,000,000 task switches in total.
# target: 0.1
import asyncio


async def player(turns, log):
    for _ in range(turns):
        log[0] += 1
        await asyncio.sleep(0)


async def main():
    log = [0]
    await asyncio.gather(player(500_000, log), player(500_000, log))
    print(log[0])


asyncio.run(main())
