n = 12345678901234567890
print(f"{n:,}")
print(f"{n:_x}")
print(f"{-n:>30,}")
print(f"{n:e}")
print(f"{1234.5:,.3f}")
print(f"{0:,}", f"{999:,}", f"{1000:,}")
