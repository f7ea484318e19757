import asyncio

async def main():
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print(e)
    loop = asyncio.get_running_loop()
    print(round(cm.when() - loop.time(), 1))

asyncio.run(main())
