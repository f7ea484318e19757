import asyncio

async def ok(delay):
    await asyncio.sleep(delay)
    return "ok"

async def bad():
    await asyncio.sleep(0.05)
    raise ValueError("bad")

async def main():
    tasks = [asyncio.create_task(ok(0.01)), asyncio.create_task(bad()), asyncio.create_task(ok(0.3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    print(sorted(repr(t.exception()) for t in done))
    print(pending == {tasks[2]})
    tasks[2].cancel()
    await asyncio.sleep(0)

asyncio.run(main())
