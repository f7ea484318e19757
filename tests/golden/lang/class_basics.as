class Point:
    """A 2-D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, Point.__name__, Point.__doc__)
p.z = 5
print(p.z, sorted(vars(p)), type(p).__name__, type(p) is Point, isinstance(p, Point))
Point.dims = 3
print(p.dims)
p.dims = 10
print(p.dims, Point.dims)
print(Point.norm2(p), p.__class__.__name__, p.__dict__)
try:
    p.missing
except AttributeError as e:
    print(e)
try:
    Point.missing
except AttributeError as e:
    print(e)
