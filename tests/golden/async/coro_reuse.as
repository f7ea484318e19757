import asyncio

async def f():
    return 7

async def main():
    c = f()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print(e)

asyncio.run(main())
