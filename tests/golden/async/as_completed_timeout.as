import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 5, 10)]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.15):
            print("got", await fut)
    except asyncio.TimeoutError:
        print("as_completed timed out")
    print([t.done() for t in tasks])
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
