import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, "soon cancelled: never printed")
    h2 = loop.call_later(0.05, print, "later cancelled: never printed")
    h3 = loop.call_soon(print, "soon kept")
    h1.cancel()
    h2.cancel()
    print(h1.cancelled(), h2.cancelled(), h3.cancelled())
    await asyncio.sleep(0.1)
    h2.cancel()
    print("done")

asyncio.run(main())
