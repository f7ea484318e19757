# aspen: virtual-time
import asyncio

async def sleeper(name):
    await asyncio.sleep(0.1)
    print(name, "woke")

async def main():
    loop = asyncio.get_running_loop()
    for i in range(3):
        loop.call_later(0.2, print, "callback", i)
    await asyncio.gather(*(sleeper(f"t{i}") for i in range(4)))
    await asyncio.sleep(0.15)

asyncio.run(main())
