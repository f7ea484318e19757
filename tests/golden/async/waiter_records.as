# Event.wait(), Lock.acquire() and Semaphore.acquire() return 32-byte waiter records (D13):
# how a task waiting on one shows it, cancel messages, and a woken waiter that is cancelled.
import asyncio


async def main():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(0)
    await lock.acquire()

    async def on_event():
        return await ev.wait()

    async def on_lock():
        async with lock:
            return "locked"

    async def on_sem():
        await sem.acquire()
        return "sem"

    tasks = [asyncio.create_task(f(), name=f.__name__) for f in (on_event, on_lock, on_sem)]
    await asyncio.sleep(0)
    for t in tasks:
        r = repr(t)
        print(r[:r.index(" coro=")], r[r.index(" wait_for="):])
    ev.set()
    lock.release()
    sem.release()
    for t in tasks:
        r = repr(t)
        print(r[:r.index(" coro=")], r[r.index(" wait_for="):] if "wait_for" in r else "")
    print(await asyncio.gather(*tasks))

    # cancel with a message while waiting on each primitive
    await lock.acquire()
    tasks = [asyncio.create_task(f()) for f in (on_event, on_lock, on_sem)]
    ev.clear()
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel("stop " + t.get_name())
    for t in tasks:
        r = repr(t)
        print(r[:r.index(" coro=")].replace(t.get_name(), "T"), r[r.index(" wait_for="):] if "wait_for" in r else "")
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([repr(x) for x in res])
    print(ev._nwaiters() if hasattr(ev, "_nwaiters") else 0, lock.locked(), sem.locked())


asyncio.run(main())


async def messages():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    await lock.acquire()
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()

    async def guarded(name, aw):
        try:
            await aw
        except asyncio.CancelledError as e:
            print(name, "cancelled with", e.args)
            raise

    waits = {"event": ev.wait(), "lock": lock.acquire(), "sem": sem.acquire()}
    tasks = [asyncio.create_task(guarded(k, v)) for k, v in waits.items()]
    await asyncio.sleep(0)
    for t, k in zip(tasks, waits):
        print(k, t.cancel(msg="bye " + k), t.cancelling())
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])
    # a woken waiter that is cancelled before it runs passes the lock on
    t1 = asyncio.create_task(guarded("first", lock.acquire()))
    t2 = asyncio.create_task(guarded("second", lock.acquire()))
    await asyncio.sleep(0)
    lock.release()
    t1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t1.cancelled(), t2.done(), lock.locked())


asyncio.run(messages())
