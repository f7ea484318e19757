# A Task subclass waits on plain futures, Event, Lock, Semaphore and gather(); a callback that is a
# Task subclass used to be called as a function ('MyTask' object is not callable) and the task
# hung. Reprs name the subclass in cb=[MyTask.task_wakeup()] as CPython does.
import asyncio

class MyTask(asyncio.Task):
    def cancel(self, msg=None):
        print("MyTask.cancel", msg)
        return super().cancel(msg)

async def body(ev, lock, sem, fut):
    r = [await ev.wait()]
    async with lock:
        r.append(lock.locked())
    async with sem:
        r.append(sem.locked())
    r.append(await fut)
    r.append(await asyncio.gather(asyncio.sleep(0, 1), ev.wait()))
    return r

async def main():
    loop = asyncio.get_running_loop()
    ev, lock, sem = asyncio.Event(), asyncio.Lock(), asyncio.Semaphore(1)
    fut = loop.create_future()
    await lock.acquire()
    await sem.acquire()
    t = MyTask(body(ev, lock, sem, fut), name="mt")
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0], repr(t).split(" wait_for=")[-1])
    ev.set()
    await asyncio.sleep(0)
    print(repr(t).split(" wait_for=")[-1])
    lock.release()
    await asyncio.sleep(0)
    print(repr(t).split(" wait_for=")[-1])
    sem.release()
    await asyncio.sleep(0)
    fut.set_result("F")
    print(await t)
    ev2 = asyncio.Event()
    t2 = MyTask(ev2.wait())
    await asyncio.sleep(0)
    t2.cancel("bye")
    try: await t2
    except asyncio.CancelledError as e: print("t2", repr(e))
    async with asyncio.timeout(0.01):
        try:
            await ev2.wait()
        except asyncio.CancelledError:
            print("timeout cancel")
            raise

try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError")
