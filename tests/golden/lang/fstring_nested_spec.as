width = 10
prec = 3
val = 2.718281828
print(f"{val:{width}.{prec}f}|")
print(f"{'hi':{'>'}{width}}|")
fill = "-"
print(f"{'mid':{fill}^{width}}|")
for w in (3, 6):
    print(f"[{w:>{w}}]")
