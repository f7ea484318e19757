import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)

async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop())
    print(loop.is_running())
    return loop

loop = asyncio.run(main())
print(loop.is_running(), loop.is_closed())
