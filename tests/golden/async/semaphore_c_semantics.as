# Semaphore in C: repr, locked(), permits reserved for woken waiters, cancellation before and
# after the wake-up (no permit lost), BoundedSemaphore, subclasses overriding acquire/release
# under `async with`, misuse.
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


async def worker(sem, name, log):
    try:
        async with sem:
            log.append(name + ' in')
            await asyncio.sleep(0)
            log.append(name + ' out')
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise


async def main():
    sem = asyncio.Semaphore(2)
    print(r(sem), sem.locked())
    print(await sem.acquire(), await sem.acquire(), r(sem), sem.locked())

    log = []
    tasks = [asyncio.create_task(worker(sem, n, log)) for n in 'abcd']
    await asyncio.sleep(0)
    print(r(sem))
    tasks[0].cancel()
    await asyncio.sleep(0)
    print(r(sem), log)
    sem.release()
    print(r(sem))
    tasks[1].cancel()            # woken with a reserved permit, then cancelled
    sem.release()
    print(r(sem))
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log, r(sem), [t.cancelled() for t in tasks])

    # all waiters cancelled: not locked
    s0 = asyncio.Semaphore(0)
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    print(s0.locked(), r(s0))
    t.cancel()
    await asyncio.sleep(0)
    print(s0.locked(), r(s0), t.cancelled())
    s0.release()
    print(s0.locked(), r(s0))

    # BoundedSemaphore
    b = asyncio.BoundedSemaphore(1)
    async with b:
        print(r(b))
    try:
        b.release()
    except ValueError as e:
        print('ValueError', e)
    print(r(b))

    # subclasses: async with uses the overriding methods
    class Counting(asyncio.Semaphore):
        def __init__(self, value):
            super().__init__(value)
            self.calls = []

        async def acquire(self):
            self.calls.append('acquire')
            return await super().acquire()

        def release(self):
            self.calls.append('release')
            super().release()

    c = Counting(1)
    async with c:
        print(c.locked(), c.calls)
    print(c.locked(), c.calls)

    # the awaitable
    a = sem.acquire()
    print(type(a).__name__, a.__name__, a.__qualname__)
    print(await a)
    sem.release()

    # misuse
    for bad in (-1, 'x'):
        try:
            asyncio.Semaphore(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    print(r(asyncio.Semaphore()), r(asyncio.Semaphore(value=3)))


asyncio.run(main())
