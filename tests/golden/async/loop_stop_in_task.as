import asyncio

async def stopper(loop):
    await asyncio.sleep(0)
    print("stopping the loop from a task")
    loop.stop()

loop = asyncio.new_event_loop()
loop.create_task(stopper(loop))
loop.run_forever()
print("run_forever returned")
loop.close()
