class Tracked:
    count = 0
    instances = []
    def __init__(self, name):
        Tracked.count += 1
        type(self).instances.append(name)
        self.id_ = Tracked.count
    def __del_later(self):
        return "mangled"
    def call_private(self):
        return self.__del_later()
t1 = Tracked("a")
t2 = Tracked("b")
print(Tracked.count, Tracked.instances, t2.id_, t1.call_private())
try:
    t1.__del_later()
except AttributeError as e:
    print(e)
print(t1._Tracked__del_later())
class Shadow:
    items = []
s1, s2 = Shadow(), Shadow()
s1.items.append(1)
s2.items = [2]
print(s1.items, s2.items, Shadow.items)
