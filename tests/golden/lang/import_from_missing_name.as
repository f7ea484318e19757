# aspen: no-cpython
try:
    from mod_counter import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import mod_counter
try:
    mod_counter.does_not_exist
except AttributeError as e:
    print(e)
