import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    keep = loop.call_later(0.05, log.append, "kept")
    drop = loop.call_later(0.05, log.append, "dropped")
    drop.cancel()
    await asyncio.sleep(0.1)
    print(log, keep.cancelled(), drop.cancelled())

asyncio.run(main())
