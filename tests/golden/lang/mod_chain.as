# Helper module that itself imports another helper module.
import mod_counter
from mod_greet import hello as _hello
def twice_bump():
    mod_counter.bump()
    return mod_counter.bump()
def shout(name):
    return _hello(name).upper()
