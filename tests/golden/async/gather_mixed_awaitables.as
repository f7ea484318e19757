import asyncio

async def coro():
    return "coro"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future")
    task = asyncio.create_task(coro())
    print(await asyncio.gather(coro(), fut, task, asyncio.sleep(0, "sleep")))

asyncio.run(main())
