import asyncio

async def started():
    print("body never runs")

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("already done")
    print(await asyncio.wait_for(done, 0))
    try:
        await asyncio.wait_for(started(), 0)
    except TimeoutError:
        print("timeout=0 on a coroutine")
    try:
        await asyncio.wait_for(asyncio.sleep(1), -5)
    except TimeoutError:
        print("negative timeout")

asyncio.run(main())
