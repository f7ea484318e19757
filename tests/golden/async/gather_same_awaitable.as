import asyncio

count = 0

async def once():
    global count
    count += 1
    await asyncio.sleep(0)
    return count

async def main():
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t, t))
    c = once()
    print(await asyncio.gather(c, c))
    print("runs:", count)

asyncio.run(main())
