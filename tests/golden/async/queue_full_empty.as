import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print(q.full())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print(type(e).__name__, repr(str(e)))
    q.get_nowait()
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e).__name__, repr(str(e)))
    print(q.qsize())

asyncio.run(main())
