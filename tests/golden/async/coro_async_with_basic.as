import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        await asyncio.sleep(0)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print("exit", self.name, et)
        return False

async def main():
    async with Resource("a") as x, Resource("b") as y:
        print("body", x, y)
    print("after")

asyncio.run(main())
