import asyncio

def bad_callback(f):
    raise ValueError("callback blew up")

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(bad_callback)
    fut.add_done_callback(lambda f: print("second callback still runs"))
    fut.set_result(1)
    await asyncio.sleep(0)
    print("loop survived")

asyncio.run(main())
