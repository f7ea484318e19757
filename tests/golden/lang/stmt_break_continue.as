out = []
for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    out.append(i)
print(out)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
