import asyncio

async def slow_cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(0.01)
        print("slow cleanup done")

async def fail():
    await asyncio.sleep(0)
    raise ValueError("x")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup())
            tg.create_task(fail())
    except* ValueError:
        print("group waited for the cleanup before raising")

asyncio.run(main())
