import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled too")
        raise

async def outer(t):
    await t

async def main():
    inner_t = asyncio.create_task(inner())
    outer_t = asyncio.create_task(outer(inner_t))
    await asyncio.sleep(0)
    outer_t.cancel()
    await asyncio.gather(outer_t, return_exceptions=True)
    print(outer_t.cancelled(), inner_t.cancelled())

asyncio.run(main())
