import asyncio

async def victim():
    await asyncio.sleep(10)

async def fine():
    await asyncio.sleep(0.05)
    return "fine"

async def main():
    v2 = asyncio.create_task(victim())
    asyncio.get_running_loop().call_later(0.01, v2.cancel)
    res = await asyncio.gather(v2, fine(), return_exceptions=True)
    print([type(r).__name__ for r in res])
    v3 = asyncio.create_task(victim())
    asyncio.get_running_loop().call_later(0.01, v3.cancel)
    try:
        await asyncio.gather(v3, fine())
    except asyncio.CancelledError:
        print("gather raised CancelledError")

asyncio.run(main())
