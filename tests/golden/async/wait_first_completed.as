import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("slow", 0.2), ("fast", 0.05), ("mid", 0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done])
    print(sorted(t.get_name() == tasks[0].get_name() for t in pending), len(pending))
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print(sorted(t.cancelled() for t in pending))

asyncio.run(main())
