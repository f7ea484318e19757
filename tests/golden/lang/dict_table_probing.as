# The dict's index table: collisions, deletions and reinsertion, growth with tombstones,
# keys equal across types, and the protocol calls `d[k] += 1` makes (hash and eq per lookup).

# keys that share their low bits (same home slot) and keys with equal hashes
d = {}
for i in range(300):
    d[i << 20] = i
d[2**61 - 1] = "max"      # hash 0, like the key 0
d[-1] = "m1"              # hash -2, like -2
d[-2] = "m2"
print(len(d), d[0], d[2**61 - 1], d[-1], d[-2], d[299 << 20], (5 << 20) + 1 in d)
del d[0]
print(0 in d, d[2**61 - 1], len(d))

# deletion then reinsertion: reinserted keys go last
d = {i: i for i in range(20)}
for i in range(0, 20, 2):
    del d[i]
for i in range(18, -1, -4):
    d[i] = -i
print(list(d.items())[:5], list(d)[-5:], len(d))

# churn: inserts and deletes, table rebuilt many times
d = {}
for i in range(5000):
    d[str(i)] = i
    if i >= 7:
        del d[str(i - 7)]
print(list(d), sum(d.values()))

# augmented assignment on existing and fresh (equal, not identical) string keys
names = {}
for i in range(1000):
    names["k" + str(i)] = i
for i in range(0, 1000, 3):
    names["k" + str(i)] += 1000
for i in range(0, 1000, 5):
    del names["k" + str(i)]
print(len(names), sum(names.values()), names["k3"], names.get("k5"), "k10" in names)
c = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    c[w] = c.get(w, 0) + 1
    c[w] += 1
print(c)

# 1, 1.0 and True are one key; the stored key keeps its first form
d = {1: "int"}
d[1.0] = "float"
d[True] += "!"
print(d, d[1], 1.0 in d, 2 in d)

# user keys: every lookup hashes, and compares when the hashes match
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        print("hash", self.v)
        return hash(self.v)
    def __eq__(self, other):
        print("eq", self.v, other.v if isinstance(other, K) else other)
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return "K(%d)" % self.v
d = {K(1): 1, K(2): 2}
d[K(1)] += 10
print(d)
k = K(2)
d[k] += 1
print(d[k], k in d)
del d[K(1)]
print(d)

# an __eq__ that empties the dict: the lookup starts over on the new table
class Evil:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        self.d.clear()
        return False
d = {}
d[7] = "seven"
e = Evil(d)
d[e] = "evil"
print(len(d), d[e])

# a KeyError names the missing key
d = {"a": 1}
try:
    del d["b"]
except KeyError as ex:
    print("KeyError", ex)
try:
    d["z"] += 1
except KeyError as ex:
    print("KeyError", ex)
print(d)
