import asyncio

async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"failed after {delay}")
    return delay

async def main():
    for fut in asyncio.as_completed([job(0.15), job(0.05, True), job(0.1)]):
        try:
            print("result", await fut)
        except ValueError as e:
            print("error", e)

asyncio.run(main())
