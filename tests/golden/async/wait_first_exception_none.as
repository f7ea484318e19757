import asyncio

async def ok(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(ok(d)) for d in (0.01, 0.05)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception: waits for all", len(done), len(pending))
    print(sorted(t.result() for t in done))

asyncio.run(main())
