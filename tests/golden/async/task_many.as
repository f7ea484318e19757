import asyncio

async def square(i):
    await asyncio.sleep(0)
    return i * i

async def main():
    tasks = [asyncio.create_task(square(i)) for i in range(1000)]
    total = 0
    for t in tasks:
        total += await t
    print(total)
    print(len(asyncio.all_tasks()))

asyncio.run(main())
