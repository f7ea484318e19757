import asyncio

async def echo():
    received = None
    while True:
        received = yield f"echo {received}"
        if received == "stop":
            return

async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend("a"))
    print(await g.__anext__())
    print(await g.asend("b"))
    try:
        await g.asend("stop")
    except StopAsyncIteration:
        print("stopped")

asyncio.run(main())
