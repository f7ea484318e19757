async def f():
    print("never printed")

c = f()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print(e)
print("ok")
