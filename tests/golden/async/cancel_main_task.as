import asyncio

async def main():
    asyncio.current_task().cancel()
    try:
        await asyncio.sleep(0)
    finally:
        print("main finally")

try:
    asyncio.run(main())
except asyncio.CancelledError:
    print("asyncio.run raised CancelledError")
