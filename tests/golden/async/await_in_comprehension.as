import asyncio

async def sq(x):
    await asyncio.sleep(0)
    return x * x

async def main():
    print([await sq(i) for i in range(5)])
    print({i: await sq(i) for i in range(3)})
    print(sorted({await sq(i) for i in (2, -2, 3)}))
    print([x for x in range(6) if await sq(x) > 5])

asyncio.run(main())
