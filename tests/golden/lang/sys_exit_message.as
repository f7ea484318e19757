import sys
print("output first")
sys.exit("error: bad configuration")
