import asyncio

async def broken():
    await asyncio.sleep(0)
    raise ValueError("inner error")

async def main():
    try:
        await asyncio.wait_for(broken(), timeout=1)
    except ValueError as e:
        print("propagated:", e)

asyncio.run(main())
