import asyncio

async def putter(name, q):
    await q.put(name)

async def main():
    q = asyncio.Queue(maxsize=1)
    await q.put("first")
    tasks = [asyncio.create_task(putter(f"p{i}", q)) for i in range(4)]
    await asyncio.sleep(0)
    got = []
    for _ in range(5):
        got.append(await q.get())
    print(got)
    await asyncio.gather(*tasks)

asyncio.run(main())
