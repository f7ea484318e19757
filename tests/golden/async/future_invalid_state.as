import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    for action in (lambda: fut.set_result(2), lambda: fut.set_exception(ValueError())):
        try:
            action()
        except asyncio.InvalidStateError as e:
            print(e)
    c = loop.create_future()
    c.cancel()
    try:
        c.set_result(1)
    except asyncio.InvalidStateError as e:
        print(e)
    p = loop.create_future()
    try:
        p.result()
    except asyncio.InvalidStateError as e:
        print(e)
    print(issubclass(asyncio.InvalidStateError, Exception))

asyncio.run(main())
