import asyncio

async def two():
    yield "a"
    yield "b"

async def main():
    g = two()
    it = aiter(g)
    print(it is g)
    print(await anext(g))
    print(await anext(g))
    print(await anext(g, "default"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")

asyncio.run(main())
