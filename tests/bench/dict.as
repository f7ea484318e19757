# bench: dict insert, lookup, membership, update and delete with int and str keys.
# target: 0.5
def main():
    d = {}
    for i in range(500_000):
        d[i * 7] = i
    total = 0
    for i in range(500_000):
        total += d[i * 7]
    hits = 0
    for i in range(500_000):
        if i in d:
            hits += 1
    names = {}
    for i in range(200_000):
        names["k" + str(i)] = i
    for i in range(0, 200_000, 2):
        names["k" + str(i)] += 1
    for i in range(0, 200_000, 3):
        del names["k" + str(i)]
    s = 0
    for k in names:
        s += names[k]
    print(len(d), total, hits, len(names), s)


main()
