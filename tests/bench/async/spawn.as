# bench: 200,000 create_task() of a trivial coroutine, then one gather() over them all.
# target: 0.1
import asyncio


async def work(i):
    return i & 0xFF


async def main():
    tasks = [asyncio.create_task(work(i)) for i in range(200_000)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results))


asyncio.run(main())
