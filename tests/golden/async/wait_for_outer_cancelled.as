import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally")

async def outer():
    await asyncio.wait_for(inner(), timeout=5)

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled, not timed out")

asyncio.run(main())
