# bench: 500,000 items through an asyncio.Queue(maxsize=100), one producer, one consumer.
# target: 0.15
import asyncio

N = 500_000


async def producer(q):
    for i in range(N):
        await q.put(i)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        if item is None:
            return
        out[0] += 1
        out[1] = (out[1] + item) % 1_000_003


async def main():
    q = asyncio.Queue(maxsize=100)
    out = [0, 0]
    await asyncio.gather(producer(q), consumer(q, out))
    print(out[0], out[1])


asyncio.run(main())
