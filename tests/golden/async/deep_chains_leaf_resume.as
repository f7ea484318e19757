# Deep await chains resumed at their leaf: values, exceptions, handlers, finally blocks that
# await, cancellation, async generators and manually driven coroutines inside tasks.
import asyncio
import sys

log = []


async def leaf(tag, n, fail=None):
    total = 0
    for i in range(n):
        await asyncio.sleep(0)
        total += i
    if fail:
        raise fail(f"{tag} failed after {n}")
    return total


async def level(tag, depth, n, fail=None, catch_at=-1):
    try:
        if depth == 0:
            return await leaf(tag, n, fail)
        r = await level(tag, depth - 1, n, fail, catch_at)
        return r + depth
    except ValueError as e:
        if depth == catch_at:
            log.append((tag, "caught at", depth, str(e), repr(sys.exc_info()[1])))
            await asyncio.sleep(0)
            return -depth
        raise
    finally:
        if depth % 3 == 0:
            await asyncio.sleep(0)
            log.append((tag, "finally", depth))


async def agen(n):
    for i in range(n):
        await level("g", 4, 1)
        yield i


async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out


async def manual():
    c = level("m", 5, 2)
    try:
        while True:
            c.send(None)
            await asyncio.sleep(0)
    except StopIteration as e:
        return e.value


async def main():
    results = await asyncio.gather(
        level("a", 10, 3),
        level("b", 12, 2, ValueError, catch_at=7),
        level("c", 6, 2, KeyError),
        consume(),
        manual(),
        return_exceptions=True,
    )
    for r in results:
        print(repr(r))
    t = asyncio.create_task(level("d", 9, 1000))
    for _ in range(5):
        await asyncio.sleep(0)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    for entry in log:
        print(entry)


asyncio.run(main())
