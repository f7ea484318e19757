import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(type(fut).__name__, fut.done(), fut.cancelled())
    fut.set_result([1, 2])
    print(fut.done(), fut.result(), fut.exception())
    print(await fut)
    f2 = asyncio.Future()
    print(f2.get_loop() is loop)
    f2.set_result(None)
    print(await f2)

asyncio.run(main())
