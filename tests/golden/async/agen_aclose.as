import asyncio

async def resource():
    print("open")
    try:
        for i in range(10):
            yield i
    finally:
        await asyncio.sleep(0)
        print("closed")

async def main():
    g = resource()
    async for v in g:
        print(v)
        if v == 2:
            break
    print("loop left")
    await g.aclose()
    await g.aclose()
    print("done")

asyncio.run(main())
