# Event, Lock and Semaphore in C: bound to the first loop that waits on them (a second
# asyncio.run gets RuntimeError, and no never-awaited warning), timeout/cancel on a
# waiter, Condition over the C Lock with a cancelled waiter.
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

ev = asyncio.Event()
lock = asyncio.Lock()
sem = asyncio.Semaphore(0)

async def first():
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    await t
    await lock.acquire()
    t2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print('t2 cancelled', r(lock))
    try:
        async with asyncio.timeout(0.01):
            await sem.acquire()
    except TimeoutError:
        print('timeout', r(sem))
    lock.release()

async def second():
    ev.clear()
    for prim, coro in ((ev, ev.wait()), (lock, None), (sem, sem.acquire())):
        try:
            if coro is None:
                await lock.acquire()
                t = asyncio.create_task(lock.acquire())
                await asyncio.sleep(0)
                print(t.done(), r(t.exception()) if t.done() else None)
                lock.release()
                continue
            await coro
        except RuntimeError as e:
            print('RuntimeError', r(e))

asyncio.run(first())
asyncio.run(second())

async def cond_test():
    cond = asyncio.Condition()
    out = []
    async def waiter(i):
        async with cond:
            await cond.wait()
            out.append(i)
    ts = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    ts[0].cancel()
    await asyncio.sleep(0.01)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts, return_exceptions=True)
    print(out, r(cond), [t.cancelled() for t in ts])
asyncio.run(cond_test())
