import random
random.seed(42)
print([random.randint(1, 100) for _ in range(10)])
random.seed(42)
print(random.randint(1, 100))
random.seed(0)
print([random.randint(0, 9) for _ in range(15)])
random.seed(123456789)
print(random.randint(-10 ** 12, 10 ** 12), random.randrange(10), random.randrange(0, 100, 5))
