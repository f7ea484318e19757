class Tx:
    def __enter__(self):
        print("begin")
        return self
    def __exit__(self, et, ev, tb):
        if et is None:
            print("commit")
        else:
            print("rollback because", repr(ev))
        return isinstance(ev, KeyError)
with Tx():
    print("ok work")
with Tx():
    raise KeyError("swallowed")
try:
    with Tx():
        raise ValueError("escapes")
except ValueError as e:
    print("outside:", e)
class Failing:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with Failing():
        print("never either")
except RuntimeError as e:
    print(e)
