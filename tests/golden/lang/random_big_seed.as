import random
random.seed(2 ** 100 + 12345)
print(random.randint(0, 10 ** 30))
random.seed(-5)
print(random.random())
random.seed(5)
print(random.random())
random.seed(10)
print(random.randint(1, 2 ** 64), random.choice("xyz"))
