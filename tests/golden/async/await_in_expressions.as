import asyncio

async def val(x):
    await asyncio.sleep(0)
    return x

async def main():
    print(await val(2) + await val(3))
    print((await val(4)) * 2)
    print(await val(True) and await val("yes"))
    print([await val(1), await val(2)][-1])
    print(f"{await val('f-string')}")
    x = await val(10) if await val(False) else await val(20)
    print(x)
    print(max(await val(3), await val(9)))

asyncio.run(main())
