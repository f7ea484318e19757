# Single, double and mixed quoting.
print('single', "double")
print('it\'s', "say \"hi\"")
print("it's", 'say "hi"')
print('', "", len(''))
print('a' 'b' "c")
print(repr('x"y'), repr("x'y"), repr('x\'y"z'))
