import asyncio

async def fails():
    await asyncio.sleep(0.05)
    raise ValueError("boom")

cancelled = []

async def sibling(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled.append(name)  # the group cancels in set order: sort before printing
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("s1"))
            tg.create_task(fails())
            tg.create_task(sibling("s2"))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg)
        print([repr(e) for e in eg.exceptions])
    print("cancelled:", sorted(cancelled))

asyncio.run(main())
