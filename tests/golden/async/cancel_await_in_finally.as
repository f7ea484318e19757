import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup starting")
        await asyncio.sleep(0.01)
        print("cleanup finished after an await")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")

asyncio.run(main())
