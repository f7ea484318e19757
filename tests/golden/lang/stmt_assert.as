assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2, "custom message"
except AssertionError as e:
    print("caught:", e)
try:
    assert False
except AssertionError as e:
    print("empty:", repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args)
