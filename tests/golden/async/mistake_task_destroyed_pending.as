import asyncio

async def forever():
    await asyncio.Event().wait()

loop = asyncio.new_event_loop()
t = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0))
print("pending:", not t.done())
loop.close()
del t
print("end")
