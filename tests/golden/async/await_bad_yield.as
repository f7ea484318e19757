import asyncio

class Weird:
    def __await__(self):
        yield 5

async def main():
    await Weird()

try:
    asyncio.run(main())
except RuntimeError as e:
    print(e)
