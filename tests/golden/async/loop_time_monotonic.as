import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.05)
    t1 = loop.time()
    print(type(t0).__name__, t1 >= t0 + 0.05, t1 - t0 < 1.0)

asyncio.run(main())
