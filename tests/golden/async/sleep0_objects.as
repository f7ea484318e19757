# Each asyncio.sleep(0) is its own coroutine object: driven by hand, two never share state.
import asyncio

a = asyncio.sleep(0)
b = asyncio.sleep(0)
print(a is b)
print(a.send(None), b.send(None))
for c in (a, b):
    try:
        c.send(None)
    except StopIteration as e:
        print("stop", e.value)
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c = asyncio.sleep(0)
try:
    c.send(1)
except TypeError as e:
    print("TypeError:", e)
d = asyncio.sleep(0)
try:
    d.throw(ValueError("x"))
except ValueError as e:
    print("ValueError:", e)
e = asyncio.sleep(0)
e.close()
try:
    e.send(None)
except RuntimeError as err:
    print("RuntimeError:", err)
