# aspen: no-cpython
try:
    import mod_broken
except ValueError as e:
    print("import failed:", e)
import sys
print("mod_broken" in sys.modules)
