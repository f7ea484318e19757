import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.15, print, "third")
    loop.call_later(0.05, print, "first")
    loop.call_later(0.1, print, "second")
    loop.call_soon(print, "soon before any timer")
    await asyncio.sleep(0.2)

asyncio.run(main())
