import asyncio

async def guarded(n):
    try:
        async with asyncio.timeout(0.2):
            await asyncio.sleep(n)
            return f"slept {n}"
    except TimeoutError:
        return f"gave up on {n}"

async def main():
    print(await asyncio.gather(guarded(0.01), guarded(5), guarded(0)))

asyncio.run(main())
