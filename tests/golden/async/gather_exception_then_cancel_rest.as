import asyncio

async def fails():
    await asyncio.sleep(0)
    raise KeyError("k")

async def sleeper():
    try:
        await asyncio.sleep(10)
    finally:
        print("sleeper finally")

async def main():
    s = asyncio.create_task(sleeper())
    try:
        await asyncio.gather(fails(), s)
    except KeyError:
        print("KeyError from gather; sleeper still pending:", not s.done())
    s.cancel()
    await asyncio.sleep(0)
    print("sleeper cancelled:", s.cancelled())

asyncio.run(main())
