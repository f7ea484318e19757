x = [1,2,3]
print(x[1:]if x else None)
print(1 .real, 1.0.real, 1e0.imag, (1).__class__.__name__)
print(0xdead_beef, 0b1_0, 1_2.3_4e1_0)
print(not-1, - - 1, +-+1)
