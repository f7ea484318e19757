import asyncio

async def display(num, loop):
    end_time = loop.time() + 0.5
    step = 0
    while True:
        print(f"Loop: {num} step: {step}")
        if (loop.time() + 0.2) >= end_time:
            break
        step += 1
        await asyncio.sleep(0.2)

loop = asyncio.new_event_loop()
asyncio.ensure_future(display(1, loop), loop=loop)
asyncio.ensure_future(display(2, loop), loop=loop)
loop.call_later(0.7, loop.stop)
loop.run_forever()
loop.close()
print("stopped")
