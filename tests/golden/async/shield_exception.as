import asyncio

async def fails():
    await asyncio.sleep(0)
    raise ValueError("inside shield")

async def main():
    try:
        await asyncio.shield(fails())
    except ValueError as e:
        print("propagated through shield:", e)
    print(await asyncio.shield(asyncio.sleep(0, "value")))

asyncio.run(main())
