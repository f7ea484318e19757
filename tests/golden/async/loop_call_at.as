import asyncio

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    done = loop.create_future()
    loop.call_at(now + 0.1, done.set_result, "call_at fired")
    h = loop.call_at(now + 0.05, print, "earlier call_at")
    print(type(h).__name__, h.when() == now + 0.05)
    print(await done)

asyncio.run(main())
