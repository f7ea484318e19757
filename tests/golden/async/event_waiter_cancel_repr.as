# Event in C: cancelling waiters (before and after set()), repr with waiters, the wait()
# awaitable as a task's coroutine, wait_for() on it, misuse of the awaitable.
import asyncio


def r(obj):
    s = repr(obj)
    i = s.find(' at 0x')
    if i < 0:
        return s
    j = i + 6
    while j < len(s) and s[j] in '0123456789abcdef':
        j += 1
    return s[:i] + ' at ADDR' + s[j:]


async def waiter(ev, name, log):
    try:
        res = await ev.wait()
        log.append((name, 'woke', res))
    except asyncio.CancelledError as e:
        log.append((name, 'cancelled', e.args))
        raise


async def main():
    ev = asyncio.Event()
    log = []
    print(r(ev), ev.is_set())
    tasks = [asyncio.create_task(waiter(ev, i, log)) for i in range(4)]
    await asyncio.sleep(0)
    print(r(ev))
    tasks[1].cancel('bye')
    await asyncio.sleep(0)
    print(r(ev), log)
    ev.set()
    print(r(ev))
    tasks[2].cancel()            # woken but not yet resumed: the cancel wins
    await asyncio.sleep(0)
    print(r(ev), sorted(log, key=str))
    for t in tasks:
        print(t.cancelled(), t.done())
    print(await ev.wait(), r(ev))
    ev.clear()

    # the awaitable itself as a task's coroutine
    c = ev.wait()
    print(type(c).__name__, c.__name__, c.__qualname__, asyncio.iscoroutine(c),
          asyncio.isfuture(c))
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    print(t.done(), r(ev))
    ev.set()
    print(await t, r(ev))
    ev.clear()

    # wait_for with a timeout: the waiter leaves the FIFO
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print('timeout', r(ev))
    t = asyncio.create_task(asyncio.wait_for(ev.wait(), 5))
    await asyncio.sleep(0)
    ev.set()
    print(await t, r(ev))

    # throw() and close() on the awaitable
    ev.clear()
    c = ev.wait()
    c.send(None)
    print(r(ev))
    try:
        c.throw(ValueError('x'))
    except ValueError as e:
        print('thrown', e, r(ev))
    c2 = ev.wait()
    c2.close()
    ev.set()
    c3 = ev.wait()
    try:
        c3.send(None)
    except StopIteration as e:
        print('stop', e.value)

    # an Event subclass
    class MyEvent(asyncio.Event):
        def __init__(self):
            super().__init__()
            self.extra = 1
    me = MyEvent()
    t = asyncio.create_task(me.wait())
    await asyncio.sleep(0)
    print(r(me), me.extra)
    me.set()
    print(await t)
    try:
        asyncio.Event(1)
    except TypeError:
        print('TypeError')


asyncio.run(main())
