# gather() in C: done children, duplicates, custom future-likes, cancel messages,
# return_exceptions with cancelled children, outer cancel, callback order, misuse.
import asyncio


async def val(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def boom(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


class MyFuture(asyncio.Future):
    pass


async def main():
    loop = asyncio.get_running_loop()

    # children already done when gather() is called, and duplicates
    done = loop.create_future()
    done.set_result('d')
    t = asyncio.create_task(val(1))
    await asyncio.sleep(0)
    print(await asyncio.gather(done, t, done, t))

    # a duplicated coroutine object runs once
    c = val(7)
    print(await asyncio.gather(c, c, val(8)))

    # a Future subclass and a plain Future set later
    f1 = MyFuture()
    f2 = loop.create_future()
    loop.call_soon(f1.set_result, 'sub')
    loop.call_later(0.001, f2.set_result, 'plain')
    print(await asyncio.gather(f1, f2))

    # return_exceptions with a cancelled child (message) and a failing child
    t1 = asyncio.create_task(val('ok', 0.01))
    t2 = asyncio.create_task(val('slow', 1))
    t3 = asyncio.create_task(boom('bad'))
    g = asyncio.gather(t1, t2, t3, return_exceptions=True)
    await asyncio.sleep(0)
    t2.cancel('stop it')
    res = await g
    print([type(r).__name__ + ':' + str(r) for r in res])

    # without return_exceptions, the first failure wins; the others keep running
    t1 = asyncio.create_task(boom('first', 0.01))
    t2 = asyncio.create_task(boom('second', 0.02))
    try:
        await asyncio.gather(t1, t2)
    except ValueError as e:
        print('error', e, t2.done())
    await asyncio.sleep(0.05)
    print(t2.done(), t2.exception())

    # a cancelled child fails the outer future with its CancelledError
    t1 = asyncio.create_task(val(1, 1))
    g = asyncio.gather(t1)
    loop.call_soon(t1.cancel, 'child msg')
    try:
        await g
    except asyncio.CancelledError as e:
        print('cancelled', e.args, g.cancelled(), g.done())

    # cancelling the outer future cancels the children
    t1 = asyncio.create_task(val(1, 1))
    t2 = asyncio.create_task(val(2, 1))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    print(type(g).__name__, g.cancel('outer msg'), g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print('outer cancelled', e.args, t1.cancelled(), t2.cancelled())
    print(g.cancel(), g.cancelled())

    # done callbacks of the outer run after the children's
    order = []
    f = loop.create_future()
    f.add_done_callback(lambda _: order.append('f-cb'))
    g = asyncio.gather(f)
    g.add_done_callback(lambda _: order.append('g-cb'))
    f.set_result(3)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(order, g.result())

    # the same sleep() and Event.wait() awaitables twice: one task each
    s = asyncio.sleep(0.001, 'slept')
    ev = asyncio.Event()
    w = ev.wait()
    loop.call_later(0.002, ev.set)
    print(await asyncio.gather(s, w, s, w))

    # one task in several gathers, pending and finished
    t = asyncio.create_task(val(9, 0.001))
    g1 = asyncio.gather(t)
    g2 = asyncio.gather(t, t, return_exceptions=True)
    print(await g1, await g2)
    g3 = asyncio.gather(t, val(10))
    g4 = asyncio.gather(g3, t)
    print(await g4, await g3)

    # misuse
    try:
        asyncio.gather(1)
    except TypeError as e:
        print('TypeError', e)
    try:
        asyncio.gather(done, bogus=True)
    except TypeError as e:
        print('TypeError', e)
    g = asyncio.gather()
    print(g.done(), g.result())
    print(await asyncio.gather(val(5), return_exceptions=False))


asyncio.run(main())
