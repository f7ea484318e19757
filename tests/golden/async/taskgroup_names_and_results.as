import asyncio

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(i), name=f"sq{i}") for i in range(4)]
    print([(t.get_name(), t.result()) for t in tasks])

asyncio.run(main())
