# Deep indentation, dedent of several levels at once, mixed widths per block.
def f(n):
    if n > 0:
        for i in range(n):
            if i % 2:
                  print("odd", i)
            else:
             print("even", i)
    return n
print(f(3))
class C:
  def m(self):
          return "m"
print(C().m())
if True:
    pass
print("end")
