import asyncio

async def save(log):
    await asyncio.sleep(0.05)
    log.append("saved")

async def handler(log):
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.shield(save(log))
        log.append("handler finally done")

async def main():
    log = []
    t = asyncio.create_task(handler(log))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(log)

asyncio.run(main())
