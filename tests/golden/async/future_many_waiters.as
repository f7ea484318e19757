import asyncio

async def waiter(name, fut):
    v = await fut
    print(name, "got", v)

async def main():
    fut = asyncio.get_running_loop().create_future()
    ts = [asyncio.create_task(waiter(n, fut)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    fut.set_result("shared")
    await asyncio.gather(*ts)

asyncio.run(main())
