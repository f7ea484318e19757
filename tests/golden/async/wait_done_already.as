import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f1.set_result(1)
    f2 = loop.create_future()
    done, pending = await asyncio.wait([f1, f2], return_when=asyncio.FIRST_COMPLETED)
    print(done == {f1}, pending == {f2})
    f2.set_result(2)
    done, pending = await asyncio.wait({f1, f2}, timeout=0)
    print(len(done), len(pending))

asyncio.run(main())
