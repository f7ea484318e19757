# Which tasks take a number for "Task-N" (CPython 3.11): asyncio.create_task always does (it
# names the task after making it); Task(name=...) and loop.create_task(name=...) do not.
import asyncio


async def c():
    pass


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(c(), name="a"), loop.create_task(c(), name="b"), asyncio.Task(c(), name="d"),
          asyncio.create_task(c()), loop.create_task(c()), asyncio.Task(c()), asyncio.ensure_future(c())]
    print([t.get_name() for t in ts])
    await asyncio.gather(*ts)


asyncio.run(main())
