for i in range(3):
    print(i)
else:
    print("done")
for i in []:
    print("never")
else:
    print("empty else")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n)
