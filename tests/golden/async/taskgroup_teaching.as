import asyncio

async def task(name, delay):
    await asyncio.sleep(delay)
    print(f'Task {name} completed after {delay} seconds')

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(task('A', 0.05))
        tg.create_task(task('B', 0.1))
        tg.create_task(task('C', 0.15))
        print('All tasks created')
    print('All tasks completed')

asyncio.run(main())
