# Custom awaitables, wait_for, shield, TaskGroup and a callback cancel inside deep chains.
import asyncio


class Ready:
    def __init__(self, loop, value, rounds):
        self.loop, self.value, self.rounds = loop, value, rounds

    def __await__(self):
        for _ in range(self.rounds):
            f = self.loop.create_future()
            self.loop.call_soon(f.set_result, None)
            yield from f
        return self.value


async def inner(loop, k):
    got = await Ready(loop, k, 3)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.001)
    except TimeoutError:
        got += 100
    return got + await asyncio.shield(outer_leaf(loop, k))


async def outer_leaf(loop, k):
    await asyncio.sleep(0)
    return k * 1000


async def chain(loop, d, k):
    if d == 0:
        return await inner(loop, k)
    return await chain(loop, d - 1, k)


async def canceller(t):
    await asyncio.sleep(0.002)
    t.cancel()


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.gather(*(chain(loop, d, d) for d in range(1, 6))))
    t = asyncio.create_task(chain(loop, 8, 7))
    f = loop.create_future()
    f.add_done_callback(lambda _: t.cancel())
    loop.call_later(0.0005, f.set_result, 1)
    try:
        print(await t)
    except asyncio.CancelledError:
        print("cancelled by callback", t.cancelled())
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(chain(loop, d, 2)) for d in range(3)]
    print([x.result() for x in ts])


asyncio.run(main())
