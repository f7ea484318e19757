import asyncio

async def one():
    return 1

async def main():
    results = asyncio.gather(one(), one())
    print(type(results).__name__)
    print(await results)

asyncio.run(main())
