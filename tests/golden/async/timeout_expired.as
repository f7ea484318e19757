import asyncio

async def main():
    async with asyncio.timeout(5) as ok:
        await asyncio.sleep(0)
    print("ok expired:", ok.expired())
    try:
        async with asyncio.timeout(0.01) as late:
            await asyncio.sleep(1)
    except TimeoutError:
        pass
    print("late expired:", late.expired())

asyncio.run(main())
