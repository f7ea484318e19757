import asyncio

async def agen(n):
    for i in range(n):
        yield i

async def double(x):
    await asyncio.sleep(0)
    return 2 * x

async def main():
    print([x async for x in agen(5)])
    print([x async for x in agen(10) if x % 3 == 0])
    print({x: x * x async for x in agen(3)})
    print(sorted({x % 2 async for x in agen(6)}))
    print([await double(x) async for x in agen(4)])
    print([y for x in range(3) async for y in agen(x)])
    g = (x + 1 async for x in agen(3))
    print(type(g).__name__, [v async for v in g])

asyncio.run(main())
