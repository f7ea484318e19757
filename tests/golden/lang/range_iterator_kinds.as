# range_iterator vs longrange_iterator follows CPython 3.11's C long bounds, forward and reversed.
B = 2**63
cases = [(0, 10, 1), (2**62, 2**62 + 1, 1), (B - 2, B - 1, 1), (B - 3, B - 1, 1), (B - 10, B - 1, 3),
         (-B, -B + 1, 1), (-B + 1, -B, -1), (-B + 5, -B, -2), (B - 1, B - 5, -1), (0, 0, 1), (5, 1, 1),
         (B, B + 1, 1), (0, 2**62, 2**61), (-2**62, 2**62, 2**62), (B - 1, 0, -B + 1)]
for a, b, s in cases:
    r = range(a, b, s)
    print(a, b, s, type(iter(r)).__name__, type(reversed(r)).__name__, list(r)[:3], list(reversed(r))[:3])
