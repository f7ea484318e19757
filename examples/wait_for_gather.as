# aspen: virtual-time
# Teaching text, "wait_for() with gather()": when the timeout expires the gather is
# cancelled, and with it every task inside. The text shows only the try block;
# f() and g() and the surrounding main() are filled in here so that it runs.
import asyncio

async def f():
    await asyncio.sleep(3)
    print("f finished in time")
    return "f"

async def g():
    try:
        await asyncio.sleep(10)
        return "g"
    except asyncio.CancelledError:
        print("g cancelled by the timeout")
        raise

async def main():
    try:
        result_f, result_g = await asyncio.wait_for(
            asyncio.gather(f(), g()),
            timeout=5.0
        )
    except asyncio.TimeoutError:
        print("oops took longer than 5s!")

asyncio.run(main())
