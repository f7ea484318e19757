import asyncio

async def slow_worker(q):
    item = await q.get()
    await asyncio.sleep(0.05)
    print("processed", item)
    q.task_done()

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    asyncio.create_task(slow_worker(q))
    await q.join()
    print("join returned after task_done")

asyncio.run(main())
