# Python 3.11: an asynchronous comprehension may sit inside another comprehension in an async
# function (the outer one awaits it); await in a generator expression makes an async generator.
import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def main():
    print([[x async for x in agen(i)] for i in range(4)])
    print([[await double(x) for x in range(i)] for i in range(3)])
    print({i: [x async for x in agen(i)] for i in range(3)})
    g = ([x async for x in agen(i)] for i in range(3))
    print([y async for y in g])


asyncio.run(main())


async def more():
    # await inside a generator expression makes it an async generator
    agen2 = (await double(x) for x in range(3))
    print(type(agen2).__name__, [v async for v in agen2])
    print([[await double(x) async for x in agen(i)] for i in range(3)])
    print({i: {await double(x) for x in range(i)} for i in range(3)})


asyncio.run(more())


def sync_maker(y):
    return (await x for x in y)   # an async generator expression, allowed in a plain def


print(type(sync_maker([])).__name__)
