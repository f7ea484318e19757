import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.05)
            print(cm.when() is not None)
            await asyncio.sleep(10)
    except TimeoutError:
        print("rescheduled deadline fired, expired:", cm.expired())
    async with asyncio.timeout(0.01) as cm2:
        cm2.reschedule(None)
        await asyncio.sleep(0.05)
    print("reschedule(None) disabled it, expired:", cm2.expired())

asyncio.run(main())
