import asyncio

async def fails():
    await asyncio.sleep(0.05)
    raise ValueError("first failure")

async def keeps_going():
    await asyncio.sleep(0.15)
    print("sibling finished anyway")
    return "late"

async def main():
    sib = asyncio.ensure_future(keeps_going())
    try:
        await asyncio.gather(fails(), sib)
    except ValueError as e:
        print("gather raised", e)
    print("sibling done?", sib.done())
    print(await sib)

asyncio.run(main())
