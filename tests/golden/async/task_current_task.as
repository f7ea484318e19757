import asyncio

async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.get_coro().__name__)
    t = asyncio.create_task(who(), name="helper")
    print(await t)
    print(asyncio.current_task() is me)

try:
    asyncio.current_task()
except RuntimeError as e:
    print(e)
asyncio.run(main())
