import asyncio

loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop())

async def hello():
    await asyncio.sleep(0)
    return "hello from get_event_loop"

print(loop.run_until_complete(hello()))
loop.close()
