import asyncio

async def producer(name, n):
    for i in range(n):
        await asyncio.sleep(0)
        yield f"{name}{i}"

async def consume(name, n):
    async for item in producer(name, n):
        print(item)

async def main():
    await asyncio.gather(consume("a", 3), consume("b", 2), consume("c", 3))

asyncio.run(main())
