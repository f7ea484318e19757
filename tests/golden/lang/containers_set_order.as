# set iteration order must match CPython's table layout for ints
print({3, 1, 2, 10, 100})
print({5, 13, 21, 29, 37, 45})
s = set()
for i in range(0, 200, 7):
    s.add(i)
print(s)
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
print(s)
s.add(100); s.add(3); s.add(-1)
print(s)
print({-1, -2, -3, 0, 1})
print({2**40, 2**40 + 1, 7})
a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
b = {10, 11, 12, 13, 14, 15, 40, 72}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union([99, 98], (97,)), a.intersection(b, {11, 12}), a.difference(b, {1}))
print(a.symmetric_difference([1, 2, 300]))
p = set(range(30))
out = []
while p:
    out.append(p.pop())
    if len(out) == 5:
        p.add(1000)
print(out)
print(frozenset({1, 2}) | {3}, {3} | frozenset({1, 2}))
print(set(), frozenset(), frozenset([1]), set([frozenset()]))
print(sorted({'b', 'a', 'c'}))
print(set({1: 2, 3: 4}), set("a"))
x = set(range(100))
x -= set(range(10, 90))
print(x)
y = set(range(50)); y &= {1, 2, 49, 77}; print(y)
z = {1, 2}; z ^= {2, 3}; print(z)
z |= {8}; print(z)
