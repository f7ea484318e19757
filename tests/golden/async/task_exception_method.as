import asyncio

async def bad():
    await asyncio.sleep(0)
    raise KeyError("missing")

async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print(t.done(), repr(t.exception()))
    try:
        t.result()
    except KeyError as e:
        print("result raised", repr(e))

asyncio.run(main())
