import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.cancel())
    print(fut.cancel())
    print(fut.cancelled(), fut.done())
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.CancelledError as e:
            print("CancelledError", e.args)
    done = loop.create_future()
    done.set_result(1)
    print(done.cancel())

asyncio.run(main())
