import asyncio

async def getter(name, q):
    item = await q.get()
    print(name, "got", item)

async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter("g1", q))
    g2 = asyncio.create_task(getter("g2", q))
    await asyncio.sleep(0)
    g1.cancel()
    q.put_nowait("only item")
    await asyncio.gather(g1, g2, return_exceptions=True)
    print("g1 cancelled:", g1.cancelled(), "left in queue:", q.qsize())

asyncio.run(main())
