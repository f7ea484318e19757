# aspen: virtual-time
# Hello, Aspen! Three cooks share one kitchen (one thread): each step is an await,
# and while one dish waits the others get cooked. The steps add up to 2.8 seconds,
# but the meal is ready in 1.2.
import asyncio
import time

async def cook(dish, steps, step_time):
    for i in range(1, steps + 1):
        await asyncio.sleep(step_time)
        print(f"  {dish:<6} step {i} of {steps}", flush=True)
    return f"{dish} ready"

async def main():
    start = time.perf_counter()
    print("The kitchen opens")
    soup = asyncio.create_task(cook("soup", 3, 0.4))
    salad = asyncio.create_task(cook("salad", 2, 0.3))
    bread = asyncio.create_task(cook("bread", 1, 1.0))
    dishes = await asyncio.gather(soup, salad, bread)
    print(", ".join(dishes))
    print(f"Served in {time.perf_counter() - start:.1f} seconds")

asyncio.run(main())
