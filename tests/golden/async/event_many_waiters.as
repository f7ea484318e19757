import asyncio

async def waiter(name, event):
    await event.wait()
    print(name, "released")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(f"w{i}", event)) for i in range(4)]
    await asyncio.sleep(0)
    print("setting")
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
