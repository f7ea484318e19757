import asyncio

async def count(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    tasks = [asyncio.create_task(count(c, 3)) for c in "xyz"]
    for t in tasks:
        await t

asyncio.run(main())
