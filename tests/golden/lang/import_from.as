# aspen: no-cpython
from mod_greet import hello, VERSION as V, Greeter
print(hello("from"), V, Greeter().greet("y"))
from mod_greet import _private
print(_private)
print("mod_greet" in dir())
