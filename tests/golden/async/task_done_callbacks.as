import asyncio

async def job():
    await asyncio.sleep(0)
    return 5

async def main():
    t = asyncio.create_task(job(), name="job")
    t.add_done_callback(lambda task: print("cb1", task.get_name(), task.result()))
    t.add_done_callback(lambda task: print("cb2", task is t))
    await t
    print("after await")
    await asyncio.sleep(0)
    print("after one more turn")
    t.add_done_callback(lambda task: print("cb3 added late"))
    print("late callback scheduled, not yet run")
    await asyncio.sleep(0)

asyncio.run(main())
