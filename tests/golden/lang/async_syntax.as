# Coroutines run in a later issue: here only the syntax is compiled, never run.
async def fetch(x):
    await sleep_somehow(x)
    async for item in source():
        print(item)
    async with lock() as l:
        return l
async def agen():
    yield 1
class Svc:
    async def method(self):
        return await self.other()
print(fetch.__name__, agen.__name__, Svc.method.__name__)
print(callable(fetch))
