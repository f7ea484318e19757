import asyncio

async def quick():
    return 1

async def main():
    t = asyncio.create_task(quick())
    await t
    print(t.cancel())
    print(t.cancelled(), t.result())

asyncio.run(main())
