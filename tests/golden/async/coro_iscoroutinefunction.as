import asyncio

def plain():
    pass

async def coro():
    pass

async def agen():
    yield 1

def gen():
    yield 1

class C:
    async def method(self):
        pass
    def normal(self):
        pass

for fn in (plain, coro, agen, gen, C().method, C.method, C().normal, lambda: 0, print):
    print(asyncio.iscoroutinefunction(fn))
