# bench: 100,000 tasks each sleeping a distinct short delay (i microseconds, at most 0.1 s).
# Deadlines grow with i, so the wake-up order is fixed: the checksum includes inversions (0).
# target: 0.2
import asyncio

N = 100_000


async def sleeper(i, order):
    await asyncio.sleep(i * 1e-6)
    order.append(i)


async def main():
    order = []
    await asyncio.gather(*[sleeper(i, order) for i in range(N)])
    inversions = 0
    for k in range(1, len(order)):
        if order[k] < order[k - 1]:
            inversions += 1
    print(len(order), sum(order), inversions)


asyncio.run(main())
