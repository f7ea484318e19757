import sys
sys.stdout.write("written ")
sys.stdout.write("directly\n")
sys.stderr.write("error stream\n")
print("end", file=sys.stdout)
print(sys.stdout is sys.__stdout__ if hasattr(sys, "__stdout__") else True)
sys.stdout.flush()
