import asyncio

async def main():
    async with asyncio.timeout(0) as cm:
        print("no await in body")
    print("no error, expired:", cm.expired())

asyncio.run(main())
