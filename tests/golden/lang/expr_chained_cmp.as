def v(n):
    print("eval", n)
    return n
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 <= x < 3)
print(1 == 1 != 2, x is x is not None)
print("a" < "b" < "c" in "abc")
print(1 < 2 > 0 == 0)
