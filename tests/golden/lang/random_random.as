import random
random.seed(1)
print([random.random() for _ in range(5)])
random.seed(2024)
print(random.random())
random.seed(1)
a = random.random()
random.seed(1)
print(a == random.random())
