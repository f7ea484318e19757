import asyncio

async def ok(x):
    await asyncio.sleep(0)
    return x

async def bad(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def main():
    results = await asyncio.gather(ok(1), bad("a"), ok(3), bad("b"), return_exceptions=True)
    for r in results:
        print(repr(r))

asyncio.run(main())
