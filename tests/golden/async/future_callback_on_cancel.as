import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("cancelled?", f.cancelled()))
    fut.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
