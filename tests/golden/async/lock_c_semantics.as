# Lock in C: repr, locked(), misuse, FIFO hand-off, cancelled waiters (before and after the
# wake-up), acquire() as a task's coroutine, async with, throw()/close() on the awaitable.
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


async def worker(lock, name, log, hold=0):
    try:
        async with lock:
            log.append(name + ' in')
            await asyncio.sleep(hold)
            log.append(name + ' out')
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise


async def main():
    lock = asyncio.Lock()
    print(r(lock), lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)
    print(await lock.acquire(), r(lock), lock.locked())
    lock.release()

    # FIFO hand-off with a waiter cancelled before its wake-up
    log = []
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n, log)) for n in 'abcd']
    await asyncio.sleep(0)
    print(r(lock))
    tasks[1].cancel()
    await asyncio.sleep(0)
    print(r(lock), log)
    lock.release()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, r(lock))

    # a waiter woken, then cancelled before it runs: the lock goes to the next one
    log = []
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n, log)) for n in 'xyz']
    await asyncio.sleep(0)
    lock.release()
    tasks[0].cancel()
    print(r(lock))
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, r(lock), [t.cancelled() for t in tasks])

    # all waiters cancelled: acquire() takes the free lock at once
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t.cancel()
    lock.release()
    print(r(lock))
    print(await lock.acquire(), t.cancelled() or t.done())
    await asyncio.sleep(0)
    lock.release()

    # acquire() as a task's coroutine, and its names
    c = lock.acquire()
    print(type(c).__name__, c.__name__, c.__qualname__, asyncio.iscoroutine(c))
    t = asyncio.create_task(c)
    print(await t, lock.locked())
    lock.release()

    # throw() and close() on the awaitable
    await lock.acquire()
    c = lock.acquire()
    c.send(None)
    print(r(lock))
    try:
        c.throw(ValueError('boom'))
    except ValueError as e:
        print('thrown', e, r(lock))
    c = lock.acquire()
    c.send(None)
    c.close()
    print(r(lock))
    lock.release()
    c = lock.acquire()
    try:
        c.send(None)
    except StopIteration as e:
        print('stop', e.value, lock.locked())
    try:
        c.send(None)
    except RuntimeError as e:
        print('RuntimeError', e)
    lock.release()

    # async with on an unlocked lock inside the body fails on exit
    try:
        async with lock:
            lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)

    # a subclass
    class MyLock(asyncio.Lock):
        pass
    ml = MyLock()
    async with ml:
        print(r(ml), ml.locked())
    print(ml.locked())
    try:
        asyncio.Lock(1)
    except TypeError:
        print('TypeError')


asyncio.run(main())
