import asyncio

async def worker(i, start, log):
    await start.wait()
    log.append(i)
    await asyncio.sleep(0)

async def main():
    start = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(worker(i, start, log)) for i in range(5)]
    await asyncio.sleep(0.01)
    print("before start:", log)
    start.set()
    await asyncio.gather(*tasks)
    print("after start:", log)

asyncio.run(main())
