for spec in ["d", "5d", "<5d", "^5d", ">5d", "05d", "+d", " d", "-d", "x", "X", "o", "b", "#x", "#o", "#b", "c", "n", ",", "_", "_x", "#010x"]:
    print(repr(spec), repr(format(77, spec)), repr(format(-77, spec)) if spec != "c" else "")
print(format(10**20, ","))
print(format(True, "d"), format(False, ""))
