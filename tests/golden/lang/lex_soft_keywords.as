match = [1, 2]
case = "c"
_ = "underscore"
type_ = "t"
print(match, case, _)
def match_fn(match, case=None):
    return match, case
print(match_fn(3, case=4))
class C:
    match = "attr"
print(C.match, C().match)
print([_ for _ in range(3)])
