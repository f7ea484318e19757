# A coroutine driven with send() inside a task, both awaiting sleep(0): each keeps its own state.
import asyncio

async def leaf(n):
    for i in range(n):
        await asyncio.sleep(0)
    return n

async def manual():
    c = leaf(2)
    try:
        while True:
            c.send(None)
            await asyncio.sleep(0)
    except StopIteration as e:
        return e.value

print(asyncio.run(manual()))
