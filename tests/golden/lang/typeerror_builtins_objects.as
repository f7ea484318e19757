class C:
    pass
cases = [
    ("isinstance(1, 'int')", lambda: isinstance(1, "int")),
    ("issubclass(C(), C)", lambda: issubclass(C(), C)),
    ("getattr(C(), 1)", lambda: getattr(C(), 1)),
    ("hash([])", lambda: hash([])),
    ("iter(1)", lambda: iter(1)),
    ("next(C())", lambda: next(C())),
    ("C()()", lambda: C()()),
    ("C()[0]", lambda: C()[0]),
    ("len(C())", lambda: len(C())),
    ("vars(1)", lambda: vars(1)),
    ("set([[]])", lambda: set([[]])),
    ("dict(1)", lambda: dict(1)),
    ("{}[[]]", lambda: {}[[]]),
    ("callable()", lambda: callable()),
    ("repr()", lambda: repr()),
    ("type(1, 2, 3)", lambda: type(1, 2, 3)),
    ("frozenset(1)", lambda: frozenset(1)),
    ("object().x = 1", lambda: setattr(object(), "x", 1)),
]
for text, fn in cases:
    try:
        fn()
        print(text, "no error")
    except (TypeError, AttributeError) as e:
        print(text, "->", type(e).__name__ + ":", e)
