import asyncio

async def worker():
    print("body never runs")

async def main():
    t = asyncio.create_task(worker())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before it started")

asyncio.run(main())
