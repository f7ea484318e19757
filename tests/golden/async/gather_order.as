import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name

async def main():
    results = await asyncio.gather(job("slow", 0.15), job("fast", 0.05), job("mid", 0.1))
    print(results)

asyncio.run(main())
