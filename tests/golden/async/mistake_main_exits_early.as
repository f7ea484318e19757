import asyncio

async def background():
    try:
        print("background started")
        await asyncio.sleep(10)
        print("never finished")
    finally:
        print("background cancelled by asyncio.run")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
print("program ends")
