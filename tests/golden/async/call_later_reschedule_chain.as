import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    def step(n):
        print("step", n)
        if n < 3:
            loop.call_later(0.01, step, n + 1)
        else:
            done.set_result(n)
    loop.call_later(0.01, step, 0)
    print("final", await done)

asyncio.run(main())
