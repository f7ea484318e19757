import asyncio

def bad():
    raise RuntimeError("callback error")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, bad)
    loop.call_later(0.05, print, "later callback still runs")
    await asyncio.sleep(0.1)
    print("main finished")

asyncio.run(main())
