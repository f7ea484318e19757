# Calling asyncio.sleep(0) or sleep(1) without await: CPython's never-awaited warning for each.
import asyncio
async def main():
    asyncio.sleep(0)
    asyncio.sleep(1)
    print("done")
asyncio.run(main())
