import asyncio

async def child():
    try:
        await asyncio.sleep(10)
    finally:
        print("child cancelled by body error")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0)
            raise RuntimeError("body failed")
    except* RuntimeError as eg:
        print("caught", [str(e) for e in eg.exceptions])

asyncio.run(main())
