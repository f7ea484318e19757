# Driving an Event.wait()/Lock.acquire() coroutine by hand: a second send() while it waits is
# CPython's 'await wasn't used with future', after which the coroutine is finished.
import asyncio


async def main():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    await lock.acquire()
    for make in (ev.wait, lock.acquire):
        c = make()
        print(c.send(None) is not None)
        try:
            c.send(None)
        except RuntimeError as e:
            print("RuntimeError:", e)
        try:
            c.send(None)
        except RuntimeError as e:
            print("RuntimeError:", e)
    print(ev._nwaiters() if hasattr(ev, "_nwaiters") else len(ev._waiters), lock.locked())
    ev.set()
    lock.release()
    print(await ev.wait(), await lock.acquire())


asyncio.run(main())
