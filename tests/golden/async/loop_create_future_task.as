import asyncio

async def work():
    return "from loop.create_task"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.get_loop() is loop)
    t = loop.create_task(work(), name="by loop")
    print(t.get_name(), t.get_loop() is loop)
    print(await t)
    loop.call_soon(fut.set_result, 3)
    print(await fut)

asyncio.run(main())
