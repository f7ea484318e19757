a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection([1, 3]), a.difference({1}), a.symmetric_difference([4, 6]))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a > a, a.issubset(a), a.isdisjoint({7}), a.issuperset([1]))
print(len(a), 3 in a, 7 not in a, set(), set([3, 1, 3]), {1, 2} == {2, 1})
print(sorted({"b", "a", "c"}), sorted(set("banana")))
c = {1, 2}
c |= {3}
c &= {2, 3, 4}
c -= {9}
c ^= {5}
print(c)
