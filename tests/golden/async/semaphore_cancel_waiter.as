import asyncio

async def user(name, sem):
    async with sem:
        print(name, "acquired")

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    u1 = asyncio.create_task(user("u1", sem))
    u2 = asyncio.create_task(user("u2", sem))
    await asyncio.sleep(0)
    sem.release()  # wakes u1 ...
    u1.cancel()    # ... cancelled before it runs: the permit must reach u2
    await asyncio.gather(u1, u2, return_exceptions=True)
    print("u1 cancelled:", u1.cancelled(), "locked:", sem.locked())
    async with sem:
        print("permit still available")

asyncio.run(main())
