print("never printed: the whole file is compiled first")
x = = 1
