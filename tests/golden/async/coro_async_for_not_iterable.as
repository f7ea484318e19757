import asyncio

class NoAnext:
    def __aiter__(self):
        return self

async def main():
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(e)
    try:
        async for x in NoAnext():
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
