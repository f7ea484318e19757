# Forgetting `await` on asyncio's own awaitables: CPython warns at the line that drops them,
# once per line. One still referenced at exit is reported as "sys:1", without the tracemalloc
# hint (CPython's shutdown can no longer import tracemalloc).
import asyncio


async def main():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    for delay in (0, 0.001):
        asyncio.sleep(delay)
    ev.wait()
    lock.acquire()
    sem.acquire()
    print("locked:", lock.locked(), "value:", sem._value)
    global kept
    kept = asyncio.sleep(1)


asyncio.run(main())
print("end")
