import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        async with sem:
            print("two held, locked:", sem.locked())
    print("released, locked:", sem.locked())
    print(isinstance(sem, asyncio.Semaphore))

asyncio.run(main())
