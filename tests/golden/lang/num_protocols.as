# int()/float() through __int__, __index__, __float__ and their errors
class A:
    def __int__(self): return 42
class B:
    def __index__(self): return 7
class D:
    def __float__(self): return 2.5
class E:
    def __int__(self): return 'x'
class G:
    def __float__(self): return 1
for f in [lambda: int(A()), lambda: int(B()), lambda: float(D()), lambda: int(E()),
          lambda: float(G()), lambda: float(B()), lambda: int(D()), lambda: [10, 20, 30][B()],
          lambda: round(D()), lambda: bin(B()), lambda: 2 ** B(), lambda: range(B())]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
