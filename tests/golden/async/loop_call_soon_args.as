import asyncio

def show(*args):
    print("args:", args)

async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(show, 1, "two", [3])
    print(type(h).__name__, h.cancelled())
    loop.call_soon(show)
    await asyncio.sleep(0)

asyncio.run(main())
