class C:
    pass
c = C()
c.value = 1
print(c.value)
print(c.colour)
