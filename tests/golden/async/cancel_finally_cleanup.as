import asyncio

async def worker():
    print("acquire")
    try:
        await asyncio.sleep(10)
    finally:
        print("release in finally")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
