import asyncio

finished = []

async def child(name):
    try:
        await asyncio.sleep(10)
    finally:
        finished.append(name)  # the group cancels in set order: sort before printing

async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
    finally:
        print("runner finally, children:", sorted(finished))

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner cancelled:", t.cancelled())

asyncio.run(main())
