def f():
    nonlocal undefined_thing
    undefined_thing = 1
