import asyncio

class Swallow:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None, ev)
        return et is ValueError

async def main():
    async with Swallow():
        raise ValueError("swallowed")
    print("continued")
    try:
        async with Swallow():
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", e)

asyncio.run(main())
