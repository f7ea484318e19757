# an uncaught arithmetic error ends the script with CPython's traceback and status 1
def ratio(a, b):
    return a / b
print(ratio(2**100, 2**99))
print(divmod(-7, 2), 7.5 // 2)
print(ratio(1.5, 0))
print("not reached")
