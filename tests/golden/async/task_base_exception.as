import asyncio

async def stop():
    await asyncio.sleep(0)
    raise SystemExit(3)

async def main():
    t = asyncio.create_task(stop())
    try:
        await t
    except SystemExit as e:
        print("SystemExit", e.code)

try:
    asyncio.run(main())
except SystemExit as e:
    print("escaped", e.code)
