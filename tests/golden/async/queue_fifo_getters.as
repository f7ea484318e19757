import asyncio

async def getter(name, q):
    print(name, "got", await q.get())

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(f"g{i}", q)) for i in range(4)]
    await asyncio.sleep(0)
    for i in range(4):
        q.put_nowait(i)
    await asyncio.gather(*tasks)

asyncio.run(main())
