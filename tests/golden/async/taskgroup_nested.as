import asyncio

async def fail():
    await asyncio.sleep(0.05)
    raise KeyError("inner")

async def outer_sibling():
    try:
        await asyncio.sleep(10)
    finally:
        print("outer sibling cleaned up")

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(outer_sibling())
            tg.create_task(inner_group())
    except ExceptionGroup as eg:
        print(eg)
        inner = eg.exceptions[0]
        print(type(inner).__name__, inner)
        print(repr(inner.exceptions[0]))

asyncio.run(main())
