import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for i in range(3):
        fut.add_done_callback(lambda f, i=i: print("callback", i, f.result()))
    fut.set_result("x")
    print("set_result returned; callbacks are scheduled, not run")
    await asyncio.sleep(0)
    print("after a turn")
    fut.add_done_callback(lambda f: print("late callback"))
    await asyncio.sleep(0)

asyncio.run(main())
