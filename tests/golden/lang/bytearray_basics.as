ba = bytearray(b"abc")
print(ba, len(ba))
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
print(ba, ba[0], ba[-1])
ba += b"!"
print(ba, bytes(ba), ba.decode())
del ba[0]
print(ba, ba.pop(), ba)
print(bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"))
ba2 = bytearray(b"xyz")
ba2[1:2] = b"123"
print(ba2, ba2 == b"x123z", b"x" in ba2)
ba2.reverse()
print(ba2, ba2.upper())
try:
    ba2[0] = 300
except ValueError as e:
    print(e)
try:
    ba2.append("a")
except TypeError as e:
    print(e)
