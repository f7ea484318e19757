try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("msg")
except ValueError as e:
    print(repr(e))
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("reraised", e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(e)
err = KeyError("saved")
try:
    raise err
except KeyError as e:
    print(e is err)
