import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, ValueError("boom"))
    try:
        await fut
    except ValueError as e:
        print("caught", e)
    print(fut.exception())

asyncio.run(main())
