import time
t = (2024, 3, 9, 14, 5, 7, 5, 69, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%d/%m/%y %I:%M %p", t))
print(time.strftime("%A %B %j %%", t))
print(time.strftime("%a %b", (2000, 1, 1, 0, 0, 0, 5, 1, 0)))
print(type(time.strftime("%Y")).__name__, len(time.strftime("%Y")))
