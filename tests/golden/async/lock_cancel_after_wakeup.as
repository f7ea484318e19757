import asyncio

async def waiter(name, lock):
    async with lock:
        print(name, "acquired")

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    w1 = asyncio.create_task(waiter("w1", lock))
    w2 = asyncio.create_task(waiter("w2", lock))
    await asyncio.sleep(0)
    lock.release()   # wakes w1 ...
    w1.cancel()      # ... cancelled before it runs: w2 must still get the lock
    await asyncio.gather(w1, w2, return_exceptions=True)
    print("w1 cancelled:", w1.cancelled(), "locked:", lock.locked())

asyncio.run(main())
