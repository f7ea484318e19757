class Step:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        reply = yield self.label
        return reply

async def talk():
    a = await Step("one")
    print("got", a)
    b = await Step("two")
    print("got", b)
    return a + b

c = talk()
print(c.send(None))
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("result", e.value)
