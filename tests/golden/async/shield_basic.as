import asyncio

async def important():
    await asyncio.sleep(0.1)
    print("important work finished")
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    async def guard():
        return await asyncio.shield(inner)
    outer = asyncio.create_task(guard())
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    print(await inner)

asyncio.run(main())
