import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(ValueError("bad value"))
    print(repr(fut.exception()))
    try:
        fut.result()
    except ValueError as e:
        print("result raised", e)
    f2 = loop.create_future()
    f2.set_exception(KeyError)
    print(repr(f2.exception()))
    f3 = loop.create_future()
    try:
        f3.set_exception(StopIteration())
    except TypeError as e:
        print(e)

asyncio.run(main())
