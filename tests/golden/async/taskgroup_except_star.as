import asyncio

async def raise_value():
    raise ValueError("v")

async def raise_type():
    raise TypeError("t")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_value())
            tg.create_task(raise_type())
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [str(e) for e in eg.exceptions])
    print("handled")

asyncio.run(main())
