import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result(1)
    print(asyncio.shield(done) is done)
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    print(outer is inner)
    inner.cancel()
    await asyncio.sleep(0)
    print("outer cancelled with inner:", outer.cancelled())

asyncio.run(main())
