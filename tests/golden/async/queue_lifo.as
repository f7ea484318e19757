import asyncio

async def main():
    q = asyncio.LifoQueue()
    for x in "abc":
        await q.put(x)
    print([q.get_nowait() for _ in range(3)])
    print(isinstance(q, asyncio.Queue))

asyncio.run(main())
