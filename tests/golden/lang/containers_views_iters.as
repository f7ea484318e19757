d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
print('a' in k, 1 in v, ('a', 1) in it, ('a', 2) in it, 'zz' in k)
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(k & {'a', 'q'}, {'b'} & k, sorted(k | {'z'}), sorted(['z'] and ({'z'} | k)), sorted(k - {'a'}), sorted({'a', 'q'} - k), sorted(k ^ {'a', 'q'}))
print(it & {('a', 1)}, k == {'a', 'b', 'c'}, k == {'a'}, k != {'a'}, k <= {'a', 'b', 'c', 'd'}, k > {'a'}, k < k)
print(d.keys() == {'c': 0, 'b': 0, 'a': 0}.keys(), k.isdisjoint(['x']), k.isdisjoint('a'))
d['d'] = 4
print(list(k), list(v), list(it))
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate([], 2**70)))
e = enumerate([1]); print(next(e), iter(e) is e)
print(list(zip()), list(zip("ab", [1, 2, 3])), list(zip(range(3), "abc", (True, False, None))))
print(list(zip("ab", "cd", strict=True)))
for args in [("ab", "abc"), ("abc", "ab"), ("ab", "ab", "a"), ("ab", "ab", "abc")]:
    try:
        list(zip(*args, strict=True))
    except ValueError as ex:
        print(ex)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str, range(3))))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
print(list(reversed(range(5))), list(reversed((1, 2, 3))), list(reversed("abc")), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq(), [x for x in Seq()])
try:
    reversed(5)
except TypeError as ex:
    print(ex)
try:
    reversed({1, 2})
except TypeError as ex:
    print(ex)
class C:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(C(), 4)))
it2 = iter([1, 2])
print(next(it2), next(it2), next(it2, 'done'))
try:
    next(iter(()))
except StopIteration:
    print("stop")
li = [1, 2, 3]
x = iter(li)
next(x)
li.append(4)
print(list(x), list(x))
s = {1, 2}
try:
    for y in s:
        s.discard(y)
except RuntimeError as ex:
    print(ex)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(2))).__name__, type(iter(set())).__name__,
      type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__,
      type(reversed([])).__name__, type(enumerate([])).__name__, type(zip()).__name__)
print(dict(enumerate("xy")), dict(zip("ab", "cd")), max(map(len, ["a", "abc"])), sum(filter(None, [1, 0, 2])))
