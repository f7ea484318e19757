import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "swallowed the cancellation"

async def main():
    print(await asyncio.wait_for(stubborn(), timeout=0.05))

asyncio.run(main())
