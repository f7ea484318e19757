# := is not allowed in a comprehension's iterable (CPython's symtable error).
print([x for x in (y := [1, 2])])
