import asyncio

async def leaf(x):
    await asyncio.sleep(0)
    return x + 1

async def middle(x):
    y = await leaf(x)
    return y * 10

async def top():
    a = await middle(1)
    b = await middle(a)
    return a, b

print(asyncio.run(top()))
