# A non-matching typed except clause must leave the stack as it found it: later clauses,
# enclosing loops and sys.exc_info() see no leftovers.
import sys


def f():
    seen = []
    for i in range(3):
        try:
            raise TimeoutError(i)
        except KeyError:
            seen.append("key")
        except (ValueError, IndexError):
            seen.append("value")
        except TimeoutError as e:
            seen.append(("timeout", e.args[0]))
        seen.append(sys.exc_info()[0])
    print(seen)


def g(*a):
    return a[0] * 100


def h(a, b, c):
    return [g(*a), g(*b), g(*c), g(*a), g(*b), g(*c), g(*a), g(*b), g(*c),
            g(*a), g(*b), g(*c), g(*a), g(*b), g(*c)]


def gen(a, b):
    yield [g(*a), g(*b), g(*a), g(*b), g(*a), g(*b), g(*a), g(*b), g(*a, **{}), g(*b)]


f()
print(h([1], [2], [3]))
print(next(gen([4], [5])))
