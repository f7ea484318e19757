import asyncio

class Greeter:
    def __init__(self, name):
        self.name = name
    async def greet(self, other):
        await asyncio.sleep(0)
        return f"{self.name} greets {other}"
    @staticmethod
    async def static():
        return "static"
    @classmethod
    async def cls(cls):
        return cls.__name__

async def main():
    g = Greeter("Ann")
    print(await g.greet("Bob"))
    print(await Greeter.static())
    print(await Greeter.cls())
    call = lambda: g.greet("Eve")
    print(await call())

asyncio.run(main())
