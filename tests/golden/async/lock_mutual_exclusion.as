import asyncio

counter = 0

async def increment(lock, n):
    global counter
    for _ in range(n):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1

async def unsafe(n):
    global counter
    for _ in range(n):
        value = counter
        await asyncio.sleep(0)
        counter = value + 1

async def main():
    global counter
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, 20) for _ in range(5)))
    print("with lock:", counter)
    counter = 0
    await asyncio.gather(*(unsafe(20) for _ in range(5)))
    print("race without lock:", counter)

asyncio.run(main())
