import asyncio

async def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("handled", e)
            n += 100
        n += 1

async def fragile():
    yield 1
    yield 2

async def main():
    g = resilient()
    print(await g.asend(None))
    print(await g.athrow(ValueError("x")))
    print(await g.asend(None))
    await g.aclose()
    f = fragile()
    print(await f.__anext__())
    try:
        await f.athrow(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    try:
        await f.__anext__()
    except StopAsyncIteration:
        print("exhausted")

asyncio.run(main())
