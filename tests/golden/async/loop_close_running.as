import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.close()
    except RuntimeError as e:
        print(e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        print(e)
    c = asyncio.sleep(0)
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print(e)
    c.close()

asyncio.run(main())
