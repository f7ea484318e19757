import random
random.seed(7)
print([random.choice("abcdefg") for _ in range(8)])
print(random.choice([10, 20, 30]), random.choice(range(100)))
items = list(range(10))
random.shuffle(items)
print(items)
words = ["red", "green", "blue", "cyan", "magenta"]
random.shuffle(words)
print(words)
try:
    random.choice([])
except IndexError as e:
    print(e)
