import asyncio

async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        finally:
            print("lock re-acquired in finally:", cond.locked())

async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled(), "lock free:", not cond.locked())

asyncio.run(main())
