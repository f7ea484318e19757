import asyncio

print(issubclass(asyncio.CancelledError, BaseException))
print(issubclass(asyncio.CancelledError, Exception))
print(asyncio.TimeoutError is TimeoutError)
print(issubclass(asyncio.InvalidStateError, Exception))
print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))
print(asyncio.CancelledError.__name__, asyncio.CancelledError.__module__)

async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print("not caught by except Exception")
    except BaseException as e:
        print("caught as BaseException:", type(e).__name__)

asyncio.run(main())
