import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught exit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code", e.code)
print("finishing normally")
sys.exit(0)
