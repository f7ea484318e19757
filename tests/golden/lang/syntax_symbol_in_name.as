x = 1
print(x)
y = a€b
