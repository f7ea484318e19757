import asyncio

async def worker():
    task = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelling count", task.cancelling())
        task.uncancel()
        print("after uncancel", task.cancelling())
    await asyncio.sleep(0)
    return "recovered"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

asyncio.run(main())
