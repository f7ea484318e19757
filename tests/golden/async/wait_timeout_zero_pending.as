import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(0.05, "slept"))
    done, pending = await asyncio.wait([t], timeout=0)
    print(len(done), len(pending))
    done, pending = await asyncio.wait([t], timeout=1)
    print(len(done), len(pending), t.result())

asyncio.run(main())
