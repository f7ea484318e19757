import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later(0)")
    loop.call_soon(print, "call_soon")
    loop.call_later(-1, print, "call_later(-1)")
    await asyncio.sleep(0.01)

asyncio.run(main())
