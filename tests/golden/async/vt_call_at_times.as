# aspen: virtual-time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    done = loop.create_future()
    def report(label):
        print(f"{label} at {loop.time() - t0:.1f}")
    loop.call_at(t0 + 0.3, report, "call_at +0.3")
    loop.call_later(0.1, report, "call_later 0.1")
    loop.call_at(t0 + 0.2, report, "call_at +0.2")
    loop.call_later(0.4, done.set_result, None)
    await done
    report("done")

asyncio.run(main())
