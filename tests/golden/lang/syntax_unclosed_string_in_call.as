print("a", 'b)
