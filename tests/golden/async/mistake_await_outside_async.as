cases = [
    "await x",
    "def f():\n    await x\n",
    "def f():\n    return [await y for y in z]\n",
    "async def f():\n    def g():\n        await x\n",
    "lambda: await x",
    "def f():\n    async for x in y:\n        pass\n",
    "def f():\n    async with y:\n        pass\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e.msg)
