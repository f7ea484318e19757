import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("inside the block it is a CancelledError")
                raise
    except TimeoutError:
        print("outside it becomes TimeoutError")
    print("continues")

asyncio.run(main())
