def v1():
    try:
        try:
            raise ValueError("x"); return True
        finally:
            pass
    finally:
        try: print("v1 outer try")
        except KeyError: pass
try:
    v1()
except ValueError as e:
    print("caught", e)
def v2():
    try:
        try:
            return 1
        finally:
            print("inner")
    finally:
        try: print("outer")
        except KeyError: pass
print(v2())
