import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.1))
        b = tg.create_task(job("b", 0.05))
        print("tasks created")
    print("group exited")
    print(a.result(), b.result())

asyncio.run(main())
