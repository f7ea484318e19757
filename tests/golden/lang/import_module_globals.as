# aspen: no-cpython
import mod_greet
print(mod_greet.hello("a"))
mod_greet.greeting = "Bye"
print(mod_greet.hello("a"))
from mod_greet import hello
greeting = "ignored: functions use their own module's globals"
print(hello("b"))
