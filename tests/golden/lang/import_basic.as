# aspen: no-cpython
import mod_greet
print(mod_greet.VERSION)
print(mod_greet.hello("Ada"))
print(mod_greet.Greeter("!").greet("Bob"))
print(type(mod_greet).__name__, mod_greet.__name__)
print(sorted(n for n in dir(mod_greet) if not n.startswith("__")))
