import asyncio

async def main(x):
    await asyncio.sleep(0)
    return {"answer": x}

print(asyncio.run(main(42)))
print(asyncio.run(main("again")))
try:
    asyncio.run(5)
except ValueError as e:
    print(e)
