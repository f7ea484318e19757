# A bracket opened on the line of the parser error is not "never closed": CPython says invalid syntax.
def f(:
    pass
