import asyncio

async def failing():
    await asyncio.sleep(0)
    raise RuntimeError("task failed")

async def steady():
    for i in range(3):
        await asyncio.sleep(0)
        print("steady", i)
    return "steady done"

async def main():
    f = asyncio.create_task(failing())
    s = asyncio.create_task(steady())
    try:
        await f
    except RuntimeError as e:
        print("caught at await:", e)
    print(await s)

asyncio.run(main())
