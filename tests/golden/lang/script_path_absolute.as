# The main script is named by its absolute path (__file__, tracebacks) and sys.path[0] is its
# directory, while sys.argv[0] stays as given, as in CPython 3.9+.
import sys

print(__file__.startswith("/"), __file__.endswith("/script_path_absolute.as"))
print(sys.path[0].startswith("/"), __file__.startswith(sys.path[0] + "/"))
print(sys.argv[0])


def fail():
    raise ValueError("where")


fail()
