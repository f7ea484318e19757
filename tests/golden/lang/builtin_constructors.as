print(int(), float(), str(), bool(), list(), dict(), set(), frozenset(), tuple())
print(int("12"), float("1.5"), str(12), bool("x"), list("ab"), dict(a=1), sorted(set("aab")), frozenset([1, 1]), tuple("ab"))
print(list({"k": 1}.items()), dict([[1, 2], (3, 4)]), tuple({1: 2}), set(range(3)))
print(int(1e3), float("-0"), int("0b11", 0), float(" 3 "), list(range(2, 0, -1)))
for call in (lambda: list(5), lambda: dict(5), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: set(1),
             lambda: tuple(None), lambda: frozenset(3), lambda: float("x"), lambda: int(None), lambda: bool(1, 2)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
