def none_implicit():
    x = 1
def none_bare():
    return
def tup():
    return 1, 2
def early(n):
    for i in range(n):
        if i == 2:
            return i
    return -1
print(none_implicit(), none_bare(), tup(), early(5), early(1))
def star():
    rest = [2, 3]
    return 1, *rest
print(star())
