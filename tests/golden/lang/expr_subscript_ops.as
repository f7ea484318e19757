d = {}
d[1, 2] = "tuple key"
print(d, d[(1, 2)])
m = [[1, 2], [3, 4]]
m[1][0] += 10
print(m, m[-1][-1])
s = "hello"
print(s[0], s[-1], s[len(s) // 2])
print("abc"[1:][0], [1, 2, 3][::-1][0])
