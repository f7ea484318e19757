import asyncio

class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        yield  # a bare yield gives the loop one turn, like sleep(0)
        return self.value

class ViaFuture:
    def __await__(self):
        fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(fut.set_result, "from future")
        return (yield from fut)

async def other():
    print("other task ran")

async def main():
    asyncio.create_task(other())
    print(await Ready(5))
    print(await ViaFuture())

asyncio.run(main())
