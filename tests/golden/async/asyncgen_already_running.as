# An async generator runs one __anext__/athrow/aclose at a time: a second one while the first
# awaits inside it is CPython's RuntimeError 'anext(): ... already running'.
import asyncio


async def agen():
    for i in range(3):
        await asyncio.sleep(0)
        yield i


async def main():
    g = agen()
    a = g.__anext__()
    b = g.__anext__()
    print(await a)
    try:
        print(await b)
    except RuntimeError as e:
        print("RuntimeError:", e)
    t1 = asyncio.ensure_future(g.__anext__())
    t2 = asyncio.ensure_future(g.__anext__())
    res = await asyncio.gather(t1, t2, return_exceptions=True)
    print([repr(r) for r in res])
    await g.aclose()


asyncio.run(main())


async def closing():
    g = agen()
    t1 = asyncio.ensure_future(g.__anext__())
    await asyncio.sleep(0)   # t1 is inside the generator, awaiting sleep(0)
    for make in (g.aclose, lambda: g.athrow(ValueError("x")), g.__anext__):
        try:
            await make()
        except RuntimeError as e:
            print("RuntimeError:", e)
    print(await t1)
    print(await g.__anext__())
    await g.aclose()
    print([x async for x in g])


asyncio.run(closing())
