s = {1, 2, 3}
print(2 in s, 5 in s, len(s))
s.remove(2)
try:
    s.remove(2)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
s.discard(99)
print(s, s.copy(), s == {1, 3}, s != {1, 3})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2}, {1, 2} < {1, 2})
print({1, 2}.issubset([1, 2, 3]), {1, 2, 3}.issuperset((1,)), {1}.isdisjoint([2, 3]), {1}.isdisjoint({1}))
print({1, 2} == frozenset({1, 2}), frozenset({1}) == {1})
d = {frozenset({1, 2}): "a", frozenset(): "b"}
print(d[frozenset({2, 1})], d[frozenset()])
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print({frozenset({1})} & {frozenset({1})})
print({1} in {frozenset({1})})
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    hash({1})
except TypeError as e:
    print(e)
try:
    {1} | [2]
except TypeError as e:
    print(e)
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
s2 = {1, 2, 3, 4}
s2.intersection_update({2, 3, 9}, [3])
print(s2)
s2 = {1, 2, 3, 4}
s2.difference_update([1], {4})
print(s2)
s2.symmetric_difference_update([2, 7])
print(s2)
s2.update([5], (6,), {7: 0})
print(s2)
s2.clear()
print(s2, len(s2))
class S(set):
    pass
print(S([1, 2]), S(), type(S([1]) | {2}).__name__)
class F(frozenset):
    pass
print(F([3]), F())
r = set([1]); r.add(r.__class__.__name__); print(sorted(map(str, r)))
print(set.union({1}, {2}), frozenset.intersection(frozenset({1, 2}), [2]))
print(sum({1, 2, 3}), max(frozenset({4, 9})))
