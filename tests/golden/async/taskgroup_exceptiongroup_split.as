import asyncio

async def boom(exc):
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(ValueError(1)))
            tg.create_task(boom(KeyError(2)))
            tg.create_task(boom(ValueError(3)))
    except ExceptionGroup as eg:
        match, rest = eg.split(ValueError)
        print(sorted(str(e) for e in match.exceptions))
        print([repr(e) for e in rest.exceptions])

asyncio.run(main())
