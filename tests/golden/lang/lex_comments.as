# comment at start
x = 1  # trailing comment
# comment between statements
    # indented comment does not start a block
y = 2
print(x + y)  # another
s = "# not a comment"
print(s)
def f():
    # comment as first line of body
    return 3
    # comment after return
print(f())
