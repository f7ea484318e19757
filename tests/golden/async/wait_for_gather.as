import asyncio

async def f():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("f cancelled")
        raise

async def g():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("g cancelled")
        raise

async def main():
    try:
        result_f, result_g = await asyncio.wait_for(asyncio.gather(f(), g()), timeout=0.05)
    except asyncio.TimeoutError:
        print("oops took longer than 0.05s!")

asyncio.run(main())
