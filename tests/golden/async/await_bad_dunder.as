import asyncio

class Bad:
    def __await__(self):
        return 5

class Coro:
    def __await__(self):
        async def inner():
            return 1
        return inner()

async def main():
    try:
        await Bad()
    except TypeError as e:
        print(e)
    try:
        await Coro()
    except TypeError as e:
        print(e)

asyncio.run(main())
