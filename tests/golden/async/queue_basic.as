import asyncio

async def main():
    q = asyncio.Queue()
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    for i in range(3):
        q.put_nowait(i)
    await q.put("three")
    print(q.qsize(), q.empty())
    print(q.get_nowait(), await q.get(), q.get_nowait(), await q.get())
    print(q.empty())

asyncio.run(main())
