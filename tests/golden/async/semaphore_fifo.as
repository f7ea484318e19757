import asyncio

async def user(name, sem):
    async with sem:
        print(name, "in")
        await asyncio.sleep(0)
        print(name, "out")

async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(*(user(f"u{i}", sem) for i in range(4)))

asyncio.run(main())
