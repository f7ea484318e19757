s = {1, 2}
s.add(3); s.add(1); print(s)
s.remove(1); print(s)
s.discard(99); s.discard(2); print(s)
s.update([4, 5], (6,)); print(s)
print(s.pop() in {3, 4, 5, 6}, len(s))
c = s.copy(); c.clear(); print(c, len(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
print({x * x for x in range(-3, 4)})
