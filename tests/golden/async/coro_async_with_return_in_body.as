import asyncio

class CM:
    async def __aenter__(self):
        print("enter")
    async def __aexit__(self, *exc):
        print("exit", exc[0])

async def f():
    async with CM():
        return "returned"

async def g():
    for i in range(3):
        async with CM():
            if i == 1:
                break
            continue
    return i

async def main():
    print(await f())
    print(await g())

asyncio.run(main())
