import asyncio

async def f():
    raise StopIteration(3)

async def main():
    try:
        await f()
    except RuntimeError as e:
        print(type(e).__name__, e)
        print(type(e.__cause__).__name__)

asyncio.run(main())
