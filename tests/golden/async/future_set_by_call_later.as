import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "late value")
    loop.call_soon(print, "call_soon runs first")
    print(await fut)

asyncio.run(main())
