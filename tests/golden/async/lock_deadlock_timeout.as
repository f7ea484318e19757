import asyncio

async def grab(first, second, name):
    async with first:
        await asyncio.sleep(0.01)
        async with second:
            print(name, "got both")

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    try:
        await asyncio.wait_for(asyncio.gather(grab(a, b, "x"), grab(b, a, "y")), timeout=0.1)
    except TimeoutError:
        print("deadlock broken by timeout")
    print(a.locked(), b.locked())

asyncio.run(main())
