# A coroutine made by `f()` as a statement is dropped at once: CPython warns right there,
# naming the line and showing its source, once per line (the default warning filter).
# One kept in a variable is only reported when collected at exit ("sys:1").
import asyncio


async def f():
    print("never runs")


class Service:
    async def stop(self):
        print("never runs either")


for i in range(3):
    f()
print("after the loop")
Service().stop()
kept = f()
print("end")
