x = 5
print(-x, +x, ~x, not x, -(-x), ~~x)
print(-2.5, +(-2.5), -0.0, not 0.0)
print(-True, ~False, +True)
print(- 2 ** 2, (-2) ** 2, -2 ** -1)
print(not not [], not not [0])
