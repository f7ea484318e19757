# bench: an arithmetic loop of 10 million iterations on small ints, in a function (locals).
# target: 0.5
def main():
    acc = 0
    odd = 0
    for i in range(10_000_000):
        acc = (acc + i * 7 - (i >> 3)) % 1_000_003
        if i & 1:
            odd += 1
    print(acc, odd)


main()
