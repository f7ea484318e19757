import asyncio

async def faulty():
    yield 1
    raise ValueError("inside agen")

async def main():
    try:
        async for v in faulty():
            print(v)
    except ValueError as e:
        print("caught", e)

asyncio.run(main())
