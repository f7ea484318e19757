# A finished child of gather() shows no wait_for= and _fut_waiter is None, even while the
# gather's note for it is queued (the note shares the task's waiter slot, D13).
import asyncio


async def child():
    await asyncio.sleep(0)
    return 7


def early(f):
    print("early:", repr(f).split(" coro=")[0], repr(f).endswith(" result=7>"), f._fut_waiter)


async def main():
    t = asyncio.create_task(child(), name="c")
    t.add_done_callback(early)
    g = asyncio.gather(t)
    t.add_done_callback(lambda f: print("late:", repr(f).endswith(" result=7>"), f._fut_waiter))
    print(await g)
    print(repr(t).endswith(" result=7>"), t._fut_waiter)


asyncio.run(main())
