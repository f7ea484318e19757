import asyncio

async def slow():
    await asyncio.sleep(0)
    return "ok"

async def main():
    t = asyncio.create_task(slow())
    print(t.done(), t.cancelled())
    for method in (t.result, t.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    await t
    print(t.done(), t.cancelled(), t.result(), t.exception())

asyncio.run(main())
