# Handle reprs name C methods by their qualname (Future.set_result, list.append).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    h = loop.call_soon(fut.set_result, 1)
    print(h)
    h2 = loop.call_soon(print, "x")
    print(h2)
    l = []
    h3 = loop.call_soon(l.append, 3)
    print(h3)
    await asyncio.sleep(0)
    print(fut.result(), l)


asyncio.run(main())
