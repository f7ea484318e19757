import asyncio

async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), timeout=0.05)
    except TimeoutError:
        print("get timed out")
    q.put_nowait("later")
    print(q.qsize(), await asyncio.wait_for(q.get(), timeout=1))

asyncio.run(main())
