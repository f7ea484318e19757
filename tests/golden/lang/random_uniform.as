import random
random.seed(99)
print([random.uniform(1, 10) for _ in range(4)])
print(random.uniform(-1, 1), random.uniform(5, 5))
random.seed(8)
print(random.random(), random.randint(1, 6))
random.seed(3)
state_vals = [random.randint(1, 6) for _ in range(20)]
print(state_vals, sum(state_vals))
