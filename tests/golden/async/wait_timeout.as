import asyncio

async def task1():
    await asyncio.sleep(0.2)
    return "Task 1 done"

async def task2():
    await asyncio.sleep(0.05)
    return "Task 2 done"

async def main():
    tasks = [asyncio.create_task(task1()), asyncio.create_task(task2())]
    completed_tasks, pending_tasks = await asyncio.wait(tasks, timeout=0.1)
    for task in completed_tasks:
        print(task.result())
    print(len(pending_tasks), "pending, not cancelled:", not tasks[0].cancelled())
    print(await tasks[0])

asyncio.run(main())
