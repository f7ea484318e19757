i = 0
while i < 3:
    print("loop", i)
    i += 1
else:
    print("else ran", i)
while True:
    i -= 1
    if i == 1:
        break
else:
    print("not printed")
print("after", i)
n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print("multiple of 3:", n)
