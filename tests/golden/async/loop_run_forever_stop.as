import asyncio

loop = asyncio.new_event_loop()

def tick(n):
    print("tick", n, loop.is_running())
    if n == 3:
        loop.stop()
    else:
        loop.call_soon(tick, n + 1)

loop.call_soon(tick, 1)
loop.run_forever()
print("stopped", loop.is_running())
loop.call_soon(tick, 3)
loop.run_forever()
loop.close()
