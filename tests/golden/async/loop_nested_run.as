import asyncio

async def inner():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    c = inner()
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print(e)
    c.close()

asyncio.run(main())
