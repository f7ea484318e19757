import asyncio

async def user(name, lock):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0)
        print(name, "releases")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(f"u{i}", lock) for i in range(4)))

asyncio.run(main())
