import asyncio

loop = asyncio.new_event_loop()
t = loop.create_task(asyncio.sleep(10))
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(t)
except RuntimeError as e:
    print(e)
t.cancel()
loop.run_until_complete(asyncio.sleep(0))
print(t.cancelled())
loop.close()
