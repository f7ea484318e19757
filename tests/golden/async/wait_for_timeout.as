import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled before TimeoutError surfaces")
        raise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError as e:
        print(type(e).__name__, type(e.__cause__).__name__)
    except TimeoutError:
        print("not reached")

asyncio.run(main())
