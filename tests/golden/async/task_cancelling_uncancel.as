import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    print(t.cancelling())
    t.cancel()
    print(t.cancelling())
    t.cancel()
    print(t.cancelling())
    print(t.uncancel())
    print(t.uncancel())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())

asyncio.run(main())
