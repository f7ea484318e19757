import asyncio

async def down(n):
    if n == 0:
        await asyncio.sleep(0)
        return "bottom"
    return await down(n - 1)

async def main():
    for depth in (1, 10, 200):
        print(depth, await down(depth))

asyncio.run(main())
