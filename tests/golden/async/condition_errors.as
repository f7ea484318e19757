import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print(e)
    try:
        cond.notify()
    except RuntimeError as e:
        print(e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print(e)
    print(cond.locked())

asyncio.run(main())
