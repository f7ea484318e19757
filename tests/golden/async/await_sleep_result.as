import asyncio

async def main():
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0, "result"))
    print(await asyncio.sleep(0.01, result=[1, 2]))
    print(await asyncio.sleep(-1, "negative is fine"))

asyncio.run(main())
