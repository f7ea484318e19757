class T:
    @property
    def ro(self):
        return 1
t = T()
try:
    t.ro = 2
except AttributeError as e:
    print(e)
try:
    del t.ro
except AttributeError as e:
    print(e)
class W:
    def _set(self, v):
        self._v = v
    only_set = property(None, _set)
w = W()
w.only_set = 5
print(w._v)
try:
    w.only_set
except AttributeError as e:
    print(e)
class Fail:
    @property
    def bad(self):
        raise KeyError("inner")
try:
    Fail().bad
except KeyError as e:
    print("KeyError", e)
