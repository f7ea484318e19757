import asyncio

async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(name, "woke")

async def main():
    await asyncio.gather(
        sleeper("c", 0.15),
        sleeper("a", 0.05),
        sleeper("d", 0.2),
        sleeper("b", 0.1),
    )

asyncio.run(main())
