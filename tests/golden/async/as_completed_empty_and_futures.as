import asyncio

async def main():
    print(list(asyncio.as_completed([])))
    loop = asyncio.get_running_loop()
    a, b = loop.create_future(), loop.create_future()
    loop.call_later(0.1, a.set_result, "a")
    loop.call_later(0.05, b.set_result, "b")
    its = asyncio.as_completed([a, b])
    print([await f for f in its])

asyncio.run(main())
