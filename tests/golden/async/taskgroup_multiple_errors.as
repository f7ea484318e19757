import asyncio

async def fail(n):
    await asyncio.sleep(0)
    raise ValueError(f"error {n}")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(fail(i))
    except ExceptionGroup as eg:
        print(eg.message)
        print(len(eg.exceptions), sorted(str(e) for e in eg.exceptions))

asyncio.run(main())
