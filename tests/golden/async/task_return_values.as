import asyncio

async def produce(x):
    await asyncio.sleep(0)
    if x == 0:
        return None
    return [x] * x

async def main():
    tasks = [asyncio.create_task(produce(i)) for i in range(4)]
    for t in tasks:
        print(await t)

asyncio.run(main())
