import random
for s in [0, 1, -7, 2**32, 2**64 + 5, "hello", b"bytes", "", 3.5, -2.25, True, bytearray(b"xy")]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(100), random.randrange(-5, 50, 3))
random.seed(11)
print(random.sample(range(100), 10), random.sample(range(10000), 5), random.sample("abcdef", 6))
print(random.sample([1, 2, 3], 0), random.sample(tuple(range(30)), 25))
print(random.choices("abc", k=5), random.choices([1, 2, 3], [10, 1, 1], k=6))
print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=4), random.choices("xy"))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.normalvariate(1, 3))
print(random.expovariate(2), random.triangular(), random.triangular(0, 10, 3), random.lognormvariate(0, 1))
print(random.randbytes(5), random.getrandbits(0), random.getrandbits(64), random.getrandbits(33))
print(random.randrange(10**30), random.randint(-10**25, 10**25), random.randrange(100, 0, -7))
r = random.Random(42)
print(r.random(), r.randint(1, 6), type(r).__name__)
r2 = random.Random()
r2.seed(42)
print(r2.random())
st = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)], len(st[1]), st[0])
class MyR(random.Random):
    pass
m = MyR(5)
print(m.random(), m.choice([1, 2, 3]))
for args in [(0,), (5, 5), (5, 2), (1, 10, 0), ("a",)]:
    try: print(random.randrange(*args))
    except Exception as e: print(type(e).__name__, e)
for f, args in [(random.seed, ([1],)), (random.getrandbits, (-1,)), (random.sample, ({1, 2}, 1)), (random.sample, ([1, 2], 3)), (random.randint, (5, 1)), (random.choices, ([], )), (random.choices, ([1], [0])), (random.choices, ([1,2], [1])), (random.choice, ("",))]:
    try: print(f(*args))
    except Exception as e: print(type(e).__name__, e)
x = list(range(20))
random.shuffle(x)
print(x)
print(random.uniform(1.5, 2), random.uniform(10, 1))
