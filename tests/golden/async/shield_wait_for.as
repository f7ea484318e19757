import asyncio

async def slow():
    await asyncio.sleep(0.1)
    return "slow result"

async def main():
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=0.05)
    except TimeoutError:
        print("timed out, but the shielded task lives on")
    print(await t)

asyncio.run(main())
