import asyncio

async def coro():
    pass

c = coro()
try:
    asyncio.create_task(c)
except RuntimeError as e:
    print(e)
c.close()

async def main():
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print(e)
    try:
        asyncio.create_task(asyncio.sleep)
    except TypeError as e:
        print(e.__class__.__name__)

asyncio.run(main())
