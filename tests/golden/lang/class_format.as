class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        text = f"${self.cents // 100}.{self.cents % 100:02d}"
        return format(text, spec) if spec else text
    def __str__(self):
        return "Money"
m = Money(12345)
print(f"{m}|{m:>12}|{m:*<10}|")
print(format(m), "{}".format(m), str(m))
class Plain:
    pass
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
print(format(Plain(), "") == str(Plain()) or True)
