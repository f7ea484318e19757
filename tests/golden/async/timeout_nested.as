import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print("not the inner one")
    except TimeoutError:
        print("outer fired:", outer.expired(), "inner:", inner.expired())
    try:
        async with asyncio.timeout(5) as outer:
            async with asyncio.timeout(0.05) as inner:
                await asyncio.sleep(10)
    except TimeoutError:
        print("inner fired:", inner.expired(), "outer:", outer.expired())

asyncio.run(main())
