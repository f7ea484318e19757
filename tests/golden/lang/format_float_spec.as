vals = [0.0, 1.0, -1.5, 3.141592653589793, 12345.6789, 1e-7, 1e22]
for v in vals:
    print(format(v, ""), format(v, ".3f"), format(v, "e"), format(v, ".2E"), format(v, "g"), format(v, ".3g"), format(v, "%"))
print(format(2.5, "+.1f"), format(2.5, " .1f"), format(2.5, "08.2f"), format(-2.5, "08.2f"))
print(format(1234567.891, ",.2f"), format(1234567.891, "_.1f"))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(1e16, ""), format(1e16, "g"), format(123.0, "g"), format(0.0001, "g"), format(0.00001, "g"))
print(format(1.0, "#.0f"), format(1.0, "#g"))
