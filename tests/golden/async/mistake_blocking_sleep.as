import asyncio
import time

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)

async def blocker():
    print("blocking start")
    time.sleep(0.05)  # blocks the whole loop: ticker cannot run meanwhile
    print("blocking end")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
