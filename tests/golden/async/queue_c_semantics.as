# Queue (C base): sizes, QueueFull/QueueEmpty identity, str(), cancelled waiters, subclass hooks, join.
import asyncio
from asyncio import queues

class MyQ(asyncio.Queue):
    def __init__(self, n):
        super().__init__(maxsize=n)
        self.tag = "mine"

async def main():
    q = asyncio.Queue(2)
    print(str(q), q.maxsize, q.qsize(), q.empty(), q.full())
    q.put_nowait(1); q.put_nowait("a")
    print(str(q), q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("full", type(e) is queues.QueueFull, repr(e))
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty", repr(e))
    print(str(q))
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(str(q))
    g.cancel()
    await asyncio.sleep(0)
    print(g.cancelled(), str(q))
    for i in range(3):
        q.task_done() if False else None
    q.task_done(); q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print(e)
    m = MyQ(1)
    print(m.tag, str(m), isinstance(m, asyncio.Queue))
    await m.put(5)
    p = asyncio.create_task(m.put(6))
    await asyncio.sleep(0)
    print(str(m))
    print(await m.get(), await m.get(), str(m))
    await p
    lq = asyncio.LifoQueue()
    for i in range(4): lq.put_nowait(i)
    print(str(lq), lq.qsize(), [lq.get_nowait() for _ in range(4)])
    pq = asyncio.PriorityQueue(3)
    for i in (5, 1, 3): await pq.put(i)
    print(str(pq), pq.full())
    t = asyncio.create_task(pq.put(0))
    await asyncio.sleep(0)
    print(str(pq))
    print([await pq.get() for _ in range(4)])
    # join
    jq = asyncio.Queue()
    for i in range(3): jq.put_nowait(i)
    async def worker():
        while True:
            x = await jq.get()
            await asyncio.sleep(0)
            print("done", x)
            jq.task_done()
    w = asyncio.create_task(worker())
    await jq.join()
    print("joined", str(jq))
    await jq.join()
    w.cancel()
    # cancel a getter after wakeup: item not lost
    cq = asyncio.Queue()
    g1 = asyncio.create_task(cq.get())
    g2 = asyncio.create_task(cq.get())
    await asyncio.sleep(0)
    cq.put_nowait("x")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(g1.cancelled(), g2.result(), str(cq))
    try:
        await asyncio.wait_for(cq.get(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", str(cq))
    print(type(q.get()).__name__ if False else "ok")
    print(asyncio.Queue.__name__, asyncio.Queue.__mro__[1].__name__ if False else "")

asyncio.run(main())
