class Managed:
    def __init__(self, suppress=False):
        self.suppress = suppress
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress
with Managed() as m:
    print("inside", type(m).__name__)
with Managed(suppress=True):
    raise KeyError("suppressed")
print("after suppressed")
try:
    with Managed():
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)
def f():
    with Managed():
        return "returned"
print(f())
for i in range(2):
    with Managed():
        if i == 0:
            continue
        break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
