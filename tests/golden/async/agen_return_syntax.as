src = """
async def g():
    yield 1
    return 2
"""
try:
    compile(src, "<test>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)
src2 = """
async def g():
    yield from [1]
"""
try:
    compile(src2, "<test>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)
