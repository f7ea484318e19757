# := cannot rebind a comprehension's iteration variable (CPython's symtable error).
print([(x := 1) for x in [1]])
