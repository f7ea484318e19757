import asyncio

async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with lock:
        print(cond.locked())
    async with cond:
        print(lock.locked())
    print(lock.locked(), cond.locked())

asyncio.run(main())
