import asyncio

async def stage(name, inq, outq):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(None)
            return
        await outq.put(f"{name}({item})")

async def main():
    q1, q2, q3 = asyncio.Queue(1), asyncio.Queue(1), asyncio.Queue()
    t1 = asyncio.create_task(stage("f", q1, q2))
    t2 = asyncio.create_task(stage("g", q2, q3))
    for i in range(3):
        await q1.put(i)
    await q1.put(None)
    await asyncio.gather(t1, t2)
    while (item := q3.get_nowait()) is not None:
        print(item)

asyncio.run(main())
