import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(2, print, "never")
    print(round(h.when() - loop.time(), 1))
    h.cancel()
    print(type(h).__name__)

asyncio.run(main())
