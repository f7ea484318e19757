l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.insert(0, 0); l.insert(100, 99); l.insert(-1, 98); print(l)
print(l.pop(), l.pop(0), l)
l.remove(98); print(l)
print(l.index(2), l.count(2), l.index(5, 2))
l.reverse(); print(l)
c = l.copy(); c.clear(); print(c, l)
try:
    l.remove(42)
except ValueError as e:
    print(e)
try:
    l.index(42)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
