import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_soon(print, "soon", i)
    print("scheduled")
    await asyncio.sleep(0)
    print("after one turn")

asyncio.run(main())
