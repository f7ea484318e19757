import asyncio

def cb(t):
    print("cb ran")

def other(t):
    print("other ran")

async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    t.add_done_callback(cb)
    t.add_done_callback(other)
    t.add_done_callback(cb)
    print(t.remove_done_callback(cb))
    print(t.remove_done_callback(cb))
    await t
    await asyncio.sleep(0)

asyncio.run(main())
