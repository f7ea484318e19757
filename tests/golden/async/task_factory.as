# loop.set_task_factory / get_task_factory: create_task (asyncio's and the loop's) goes through
# the factory; a name is given afterwards with set_name.
import asyncio


class LoggingTask(asyncio.Task):
    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(coro, loop=loop, name=name)
        print("made", self.get_name())


def factory(loop, coro):
    return LoggingTask(coro, loop=loop)


async def work(n):
    await asyncio.sleep(0)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory())
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t1 = asyncio.create_task(work(1))
    t2 = asyncio.create_task(work(2), name="second")
    t3 = loop.create_task(work(3), name="third")
    print(type(t1).__name__, t1.get_name(), t2.get_name(), t3.get_name())
    print(await asyncio.gather(t1, t2, t3))
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_task_factory(None)
    t4 = asyncio.create_task(work(4))
    print(type(t4).__name__, t4.get_name(), await t4)


asyncio.run(main())
