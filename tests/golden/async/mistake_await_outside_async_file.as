import asyncio

def not_async():
    await asyncio.sleep(1)

print("never printed")
