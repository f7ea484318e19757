import asyncio

async def main():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(e)
    s = asyncio.Semaphore(0)
    print(s.locked())
    s.release()
    s.release()
    print(s.locked())

asyncio.run(main())
