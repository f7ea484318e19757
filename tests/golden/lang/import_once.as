# aspen: no-cpython
import mod_counter
import mod_counter
import mod_counter as again
print(mod_counter is again)
print(mod_counter.bump(), again.bump())
from mod_counter import count
print(count, mod_counter.count)
def inside():
    import mod_counter
    return mod_counter.bump()
print(inside())
import sys
print("mod_counter" in sys.modules)
