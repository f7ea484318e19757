# The exception being handled is visible through await chains, also after the task was
# suspended and resumed deep inside them: sys.exc_info(), implicit __context__ and bare raise.
import asyncio
import sys


async def leaf(tag):
    print(tag, "before", repr(sys.exc_info()[1]))
    await asyncio.sleep(0)
    print(tag, "after", repr(sys.exc_info()[1]))
    raise ValueError(tag)


async def middle(tag):
    return await leaf(tag)


async def reraiser():
    await asyncio.sleep(0)
    raise


async def handler(tag):
    try:
        raise KeyError(tag)
    except KeyError:
        try:
            await middle(tag)
        except ValueError as e:
            print(tag, "context", repr(e.__context__))
        try:
            await reraiser()
        except KeyError as e:
            print(tag, "bare raise gives", repr(e))
        print(tag, "still handling", repr(sys.exc_info()[1]))
    print(tag, "done", repr(sys.exc_info()[1]))


async def plain():
    try:
        await middle("plain")
    except ValueError as e:
        print("plain context", repr(e.__context__))


def gen():
    print("gen sees", repr(sys.exc_info()[1]))
    yield 1
    print("gen resumed sees", repr(sys.exc_info()[1]))
    yield 2


async def main():
    await asyncio.gather(handler("a"), handler("b"), plain())
    g = gen()
    try:
        raise OSError("outer")
    except OSError:
        next(g)
    next(g)


asyncio.run(main())
