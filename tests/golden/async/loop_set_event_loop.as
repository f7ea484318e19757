import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)

async def main():
    return asyncio.get_running_loop() is loop

print(loop.run_until_complete(main()))
other = asyncio.new_event_loop()
print(other is loop)
asyncio.set_event_loop(other)
print(asyncio.get_event_loop() is other)
other.close()
loop.close()
asyncio.set_event_loop(None)
