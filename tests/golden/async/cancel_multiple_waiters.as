import asyncio

async def target():
    await asyncio.sleep(10)

async def watcher(name, t):
    try:
        await t
    except asyncio.CancelledError:
        print(name, "saw cancellation")

async def main():
    t = asyncio.create_task(target())
    ws = [asyncio.create_task(watcher(n, t)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(*ws)
    print(t.cancelled(), [w.cancelled() for w in ws])

asyncio.run(main())
