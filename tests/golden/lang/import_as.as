# aspen: no-cpython
import mod_greet as g
import math as m, mod_counter as c
print(g.hello("x"), m.sqrt(4), c.bump())
print("mod_greet" in dir(), "g" in dir())
