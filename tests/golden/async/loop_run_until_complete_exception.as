import asyncio

async def broken():
    await asyncio.sleep(0)
    raise ValueError("raised through run_until_complete")

loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(broken())
except ValueError as e:
    print(e)
print(loop.is_running())
loop.close()
