import asyncio

async def broken():
    raise ValueError("nobody looks at me")

async def main():
    asyncio.create_task(broken())
    await asyncio.sleep(0.01)
    print("main done")

asyncio.run(main())
print("end")
