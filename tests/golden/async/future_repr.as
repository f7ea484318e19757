import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    print(repr(fut))
    fut.set_result(42)
    print(repr(fut))
    c = asyncio.get_running_loop().create_future()
    c.cancel()
    print(repr(c))
    e = asyncio.get_running_loop().create_future()
    e.set_exception(ValueError("v"))
    print(repr(e))
    e.exception()

asyncio.run(main())
