# A second task awaiting the same pending Event.wait() / Lock.acquire() / Semaphore.acquire()
# gets CPython's RuntimeError, and the first one still wakes up (it used to stay blocked for
# ever: the second took the record's task slot).
import asyncio


async def case(name, prim, make, release):
    w = make()

    async def a():
        return await w

    t1 = asyncio.create_task(a())
    await asyncio.sleep(0)
    t2 = asyncio.create_task(a())
    await asyncio.sleep(0)
    print(name, t2.done(), repr(t2.exception()))
    release()
    await asyncio.sleep(0)
    print(name, t1.done(), t1.result())


async def main():
    ev = asyncio.Event()
    await case("event", ev, ev.wait, ev.set)
    lock = asyncio.Lock()
    await lock.acquire()
    await case("lock", lock, lock.acquire, lock.release)
    print("locked", lock.locked())
    sem = asyncio.Semaphore(0)
    await case("semaphore", sem, sem.acquire, sem.release)
    print("value", sem._value)


asyncio.run(main())
