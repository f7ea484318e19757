import asyncio

async def coro():
    return 1

async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(e)
    t = asyncio.create_task(coro())
    try:
        await asyncio.wait([t], return_when="sometimes")
    except ValueError as e:
        print(e)
    c = coro()
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print(e)
    c.close()
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print(e)
    await t

asyncio.run(main())
