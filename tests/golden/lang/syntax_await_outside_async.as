print("never printed")
def f():
    await something()
