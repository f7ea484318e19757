import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.cancel("the reason")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print(e.args)
    try:
        await fut
    except asyncio.CancelledError as e:
        print(e.args)

asyncio.run(main())
