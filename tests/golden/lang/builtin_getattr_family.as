class C:
    cls_attr = "c"
    def __init__(self):
        self.x = 1
c = C()
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "nope", "default"), getattr(C, "cls_attr"))
setattr(c, "y", 2)
print(c.y, hasattr(c, "y"), hasattr(c, "z"), hasattr(C, "x"))
delattr(c, "y")
print(hasattr(c, "y"))
print(getattr("abc", "upper")(), getattr([], "append").__name__)
for call in (lambda: getattr(c, "nope"), lambda: getattr(c, 5), lambda: setattr(c, 1, 2),
             lambda: delattr(c, "nope"), lambda: hasattr(c, None), lambda: setattr(5, "x", 1), lambda: getattr(c)):
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
