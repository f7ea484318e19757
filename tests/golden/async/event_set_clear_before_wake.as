import asyncio

async def waiter(event):
    await event.wait()
    print("waiter woke even though the event was cleared again")

async def main():
    event = asyncio.Event()
    t = asyncio.create_task(waiter(event))
    await asyncio.sleep(0)
    event.set()
    event.clear()
    await t
    print(event.is_set())

asyncio.run(main())
