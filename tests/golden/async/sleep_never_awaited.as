# Calling asyncio.sleep(0) without await: CPython's never-awaited warning.
import asyncio


async def main():
    asyncio.sleep(0)
    print("done")


asyncio.run(main())
