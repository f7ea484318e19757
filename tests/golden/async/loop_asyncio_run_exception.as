import asyncio

async def main():
    await asyncio.sleep(0)
    raise LookupError("from main")

try:
    asyncio.run(main())
except LookupError as e:
    print("asyncio.run re-raised", repr(e))
