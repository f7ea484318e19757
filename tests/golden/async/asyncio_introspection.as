# Introspection as CPython shows it: qualnames of C methods (list.append, Event.wait),
# iscoroutinefunction of asyncio's C awaitable makers, Future._cancel_message, ** errors.
import asyncio


def f(**kw):
    return kw


try:
    f(**{1: 2})
except TypeError as e:
    print(e)
try:
    print(f(**{'a': 1}, **{'a': 2}))
except TypeError as e:
    print(e)


async def main():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore()
    q = asyncio.Queue()
    for fn in (asyncio.sleep, ev.wait, lock.acquire, sem.acquire, q.put, q.get, q.join, ev.set, asyncio.gather):
        print(getattr(fn, '__qualname__', fn), asyncio.iscoroutinefunction(fn))
    fut = asyncio.get_running_loop().create_future()
    print(fut._cancel_message)
    fut.cancel("bye")
    print(fut._cancel_message)
    fut._cancel_message = "changed"
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print(repr(e))


asyncio.run(main())
