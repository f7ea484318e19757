import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "value")
    print("waiting")
    print(await fut)
    print(fut.done(), fut.result())

asyncio.run(main())
