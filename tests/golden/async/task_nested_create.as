import asyncio

async def child(n):
    print("child", n)
    if n < 3:
        t = asyncio.create_task(child(n + 1))
        await t
    print("child", n, "done")

asyncio.run(child(0))
