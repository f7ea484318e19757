import asyncio

async def steps(log):
    try:
        log.append("step 1")
        await asyncio.sleep(0)
        log.append("step 2")
        await asyncio.sleep(0)
        log.append("step 3")
        await asyncio.sleep(0)
        log.append("step 4")
    finally:
        log.append("finally")

async def main():
    for turns in range(5):
        log = []
        t = asyncio.create_task(steps(log))
        for _ in range(turns):
            await asyncio.sleep(0)
        t.cancel()
        try:
            await t
            state = "completed"
        except asyncio.CancelledError:
            state = "cancelled"
        print(turns, state, log)

asyncio.run(main())
