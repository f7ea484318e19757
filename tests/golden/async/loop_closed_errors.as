import asyncio

async def coro():
    return 1

loop = asyncio.new_event_loop()
loop.close()
loop.close()
c = coro()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print(e)
c.close()
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print(e)
try:
    loop.run_forever()
except RuntimeError as e:
    print(e)
