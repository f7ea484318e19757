async def f():
    return 1

c = f()
try:
    for x in c:
        pass
except TypeError as e:
    print(e)
try:
    next(c)
except TypeError as e:
    print(e)
c.close()
