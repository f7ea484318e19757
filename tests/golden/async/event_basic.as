import asyncio

async def waiter(event):
    print("waiting")
    r = await event.wait()
    print("woke with", r)

async def main():
    event = asyncio.Event()
    print(event.is_set())
    t = asyncio.create_task(waiter(event))
    await asyncio.sleep(0)
    event.set()
    print("set called", event.is_set())
    await t
    print(await event.wait())
    event.clear()
    print(event.is_set())

asyncio.run(main())
