a = [1, 2, 3]
a.append(4); a.extend(range(5, 7)); a.insert(0, 0); a.insert(-1, 'x'); a.insert(100, 'end')
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
for bad in [[], [1]]:
    try:
        bad.pop(5) if bad else bad.pop()
    except IndexError as e:
        print(e)
try:
    a.remove(42)
except ValueError as e:
    print(e)
try:
    a.index(42)
except ValueError as e:
    print(e)
try:
    ['a'].index('b')
except ValueError as e:
    print(e)
print(a.index(3), a.count(3), [1, 1, 2].count(1), [1, 2, 3, 2].index(2, 2))
b = a.copy(); b.reverse(); print(b, a)
b.clear(); print(b)
print([1, 2] + [3], [1] * 3, 3 * [0], [1, 2] * 0, [1] * -2)
c = [1]; c += (2, 3); c += "ab"; print(c)
c *= 2; print(c)
try:
    [1] + (2,)
except TypeError as e:
    print(e)
try:
    [1] * 2.0
except TypeError as e:
    print(e)
try:
    k = 'x'; [1][k]
except TypeError as e:
    print(e)
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    x = [1]; x[5] = 0
except IndexError as e:
    print(e)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1], [] <= [])
try:
    [1, 'a'] < [1, 2]
except TypeError as e:
    print(e)
l = [1, 2]; l.append(l); print(l)
d = {'k': []}; d['k'].append(d); print(d)
print(list(), list("abc"), list((1, 2)), list({3: 4}), list(range(3)))
try:
    hash([])
except TypeError as e:
    print(e)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], len([0] * 7))
print(list(reversed([1, 2, 3])), [x * 2 for x in [1, 2]])
r = [1, 2, 3]
it = reversed(r); r.append(4); print(list(it))
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 1
print(L([1, 2]), L([1]) + [2], type(L() + []).__name__, L("ab").tag)
try:
    [].sort(1)
except TypeError as e:
    print(e)
