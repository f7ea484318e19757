import asyncio

async def job(i):
    await asyncio.sleep(0.05 * (5 - i))
    return i

async def main():
    order = []
    for fut in asyncio.as_completed([job(i) for i in range(5)]):
        order.append(await fut)
    print(order)

asyncio.run(main())
