d = dict(a=1, b=2)
print(d, dict([("x", 1), ["y", 2]]), dict({1: 2}, z=3), dict(), dict(zip("ab", range(2))))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print(d.get("a"), d.get("q"), d.get("q", 5), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(d.pop("a"), d.pop("zz", None), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    {}[(1, 2)]
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(e)
e = {1: 'a', 2: 'b', 3: 'c'}
del e[2]
e[4] = 'd'; e[2] = 'B'
print(e, list(e), list(reversed(e)), len(e), 2 in e, 9 in e)
try:
    del e[9]
except KeyError as ex:
    print("KeyError", ex)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 2, 3: 4} == {3: 4, 1: 2})
print({1: 'a'} | {2: 'b'}, {1: 'a', 2: 'x'} | {2: 'b'})
f = {1: 1}; f |= [(2, 2)]; f |= {3: 3}; print(f)
try:
    {} | [1]
except TypeError as ex:
    print(ex)
try:
    dict([1, 2])
except TypeError as ex:
    print(ex)
try:
    dict([(1, 2, 3)])
except ValueError as ex:
    print(ex)
try:
    dict({}, {})
except TypeError as ex:
    print(ex)
try:
    {[1]: 2}
except TypeError as ex:
    print(ex)
try:
    hash({})
except TypeError as ex:
    print(ex)
g = {}; g['self'] = g; print(g)
u = {'a': 1}; u.update({'b': 2}, c=3); u.update([('d', 4)]); u.update(e=5); print(u)
print(u.copy(), u.copy() is u)
u.clear(); print(u)
print({1: 1, 1.0: 2, True: 3})
print({0: 'x'}.get(False), {'a': 1}.keys() == {'a'}, {(1, 2): 3}[(1, 2)])
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m['a'], m['zz'], m.get('zz'), 'zz' in m, m)
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 10)
    def __eq__(self, o):
        return isinstance(o, H) and self.v == o.v
    def __repr__(self):
        return "H(%d)" % self.v
hd = {H(1): 'a', H(11): 'b', H(21): 'c'}
print(hd[H(11)], H(31) in hd, hd)
class Boom:
    def __hash__(self):
        raise RuntimeError("no hash")
try:
    {}[Boom()] = 1
except RuntimeError as ex:
    print(ex)
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise ValueError("no eq")
bd = {BadEq(): 1}
try:
    bd[BadEq()]
except ValueError as ex:
    print(ex)
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], sum(big), list(big)[:5])
try:
    for k in big:
        del big[k]
except RuntimeError as ex:
    print(ex)
try:
    dd = {1: 1}
    for k in dd:
        dd[2] = 2
except RuntimeError as ex:
    print(ex)
class MyDict(dict):
    pass
md = MyDict({1: 2})
print(md, type(md.copy()).__name__, md == {1: 2}, isinstance(md, dict))
