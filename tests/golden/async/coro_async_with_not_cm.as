import asyncio

class OnlySync:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

async def main():
    try:
        async with OnlySync():
            pass
    except TypeError as e:
        print(e)
    try:
        async with object():
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
