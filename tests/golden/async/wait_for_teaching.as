import asyncio

async def my_task():
    await asyncio.sleep(0.2)
    return "Task done"

async def main():
    try:
        result = await asyncio.wait_for(my_task(), timeout=0.1)
        print(result)
    except asyncio.TimeoutError:
        print("Task did not complete within the specified time.")

asyncio.run(main())
