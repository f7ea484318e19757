import asyncio

async def main():
    for obj in (5, "s", None, [1]):
        try:
            await obj
        except TypeError as e:
            print(e)

asyncio.run(main())
