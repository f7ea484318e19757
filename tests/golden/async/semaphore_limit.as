import asyncio

active = 0

async def job(i, sem):
    global active
    async with sem:
        active += 1
        print(f"job {i} running, active={active}")
        await asyncio.sleep(0)
        active -= 1

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(i, sem) for i in range(5)))
    print("all done, locked:", sem.locked())

asyncio.run(main())
