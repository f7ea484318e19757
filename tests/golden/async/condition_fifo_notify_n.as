import asyncio

async def waiter(name, cond):
    async with cond:
        await cond.wait()
        print(name, "woke")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(f"w{i}", cond)) for i in range(5)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.01)
    print("two woke; now the rest")
    async with cond:
        cond.notify(10)
    await asyncio.gather(*tasks)

asyncio.run(main())
