import asyncio

async def long():
    try:
        await asyncio.sleep(10)
    finally:
        print("long cleaned up")

async def main():
    t = asyncio.create_task(long())
    asyncio.get_running_loop().call_later(0.05, t.cancel)
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled by a timer callback")

asyncio.run(main())
