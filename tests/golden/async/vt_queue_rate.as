# aspen: virtual-time
import asyncio

async def producer(q):
    for i in range(4):
        await asyncio.sleep(0.1)
        await q.put(i)
    await q.put(None)

async def consumer(q, loop, t0):
    while (item := await q.get()) is not None:
        print(f"item {item} at {loop.time() - t0:.1f}")

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q, loop, loop.time()))

asyncio.run(main())
