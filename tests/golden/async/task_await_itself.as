import asyncio

async def main():
    try:
        await asyncio.current_task()
    except RuntimeError as e:
        print(str(e).split(":")[0])

asyncio.run(main())
