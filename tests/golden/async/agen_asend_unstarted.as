import asyncio

async def g():
    x = yield 1
    print("got", x)
    yield 2

async def main():
    a = g()
    try:
        await a.asend("early")
    except TypeError as e:
        print(e)
    b = g()
    print(await b.asend(None))
    print(await b.asend("late"))
    await b.aclose()

asyncio.run(main())
