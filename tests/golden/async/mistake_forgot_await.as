import asyncio

async def fetch():
    return "data"

async def main():
    result = fetch()
    print(type(result).__name__)
    print(result == "data")

asyncio.run(main())
