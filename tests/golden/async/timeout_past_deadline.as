import asyncio

async def main():
    try:
        async with asyncio.timeout(-1):
            print("body starts")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("expired at the first await")

asyncio.run(main())
