import asyncio

async def me():
    asyncio.current_task().cancel()
    print("still running until the next await")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled at the await")
        raise

async def main():
    t = asyncio.create_task(me())
    try:
        await t
    except asyncio.CancelledError:
        print(t.cancelled())

asyncio.run(main())
