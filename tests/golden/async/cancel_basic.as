import asyncio

async def sleeper():
    await asyncio.sleep(10)
    print("not reached")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(t.cancel())
    print(t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print(t.cancelled(), t.done())

asyncio.run(main())
