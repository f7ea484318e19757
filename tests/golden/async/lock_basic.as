import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    async with lock:
        print(lock.locked())
    print(lock.locked())
    print(await lock.acquire())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)

asyncio.run(main())
