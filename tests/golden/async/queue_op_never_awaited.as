# Queue.put()/get()/join() forgotten as statements: CPython's never-awaited warning at the
# line (a LifoQueue's put is still 'Queue.put'); an awaited one cannot be awaited again.
import asyncio


async def main():
    q = asyncio.Queue()
    q.put(1)
    q.get()
    q.join()
    put = q.put(2)
    await put
    try:
        await put
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(q.qsize(), await q.get())
    lq = asyncio.LifoQueue()
    lq.put(3)
    print("end")


asyncio.run(main())
