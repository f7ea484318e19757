import asyncio

async def putter(q, item):
    await q.put(item)
    print("put", item)

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter(q, "p1"))
    p2 = asyncio.create_task(putter(q, "p2"))
    await asyncio.sleep(0)
    p1.cancel()
    print(await q.get())
    await asyncio.gather(p1, p2, return_exceptions=True)
    print("p1 cancelled:", p1.cancelled())
    print([q.get_nowait() for _ in range(q.qsize())])

asyncio.run(main())
