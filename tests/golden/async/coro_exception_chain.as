import asyncio

async def inner():
    await asyncio.sleep(0)
    raise ValueError("from inner")

async def middle():
    try:
        await inner()
    except ValueError as e:
        raise KeyError("wrapped") from e

async def main():
    try:
        await middle()
    except KeyError as e:
        print(repr(e), "caused by", repr(e.__cause__))

asyncio.run(main())
