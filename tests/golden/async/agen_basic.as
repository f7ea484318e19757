import asyncio

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def main():
    g = ticker(3)
    print(type(g).__name__)
    async for v in g:
        print("tick", v)
    print([v async for v in ticker(4)])

asyncio.run(main())
