async def compute():
    pass

c = compute()
print(c.__name__, c.__qualname__)
print(compute.__name__)
c.close()
