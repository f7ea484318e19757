import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
        q.put_nowait(item)
    while not q.empty():
        print(await q.get())

asyncio.run(main())
