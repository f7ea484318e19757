import asyncio

async def main():
    cond = asyncio.Condition()
    state = {"n": 0}

    async def bump():
        for _ in range(5):
            await asyncio.sleep(0)
            async with cond:
                state["n"] += 1
                cond.notify_all()

    t = asyncio.create_task(bump())
    async with cond:
        result = await cond.wait_for(lambda: state["n"] >= 3 and state["n"])
        print("predicate true at", result)
    await t
    print("final", state["n"])

asyncio.run(main())
