def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: format(5, "s"))
show(lambda: format("x", "d"))
show(lambda: format(1.5, "d"))
show(lambda: "{} {}".format(1))
show(lambda: "{a}".format(b=1))
show(lambda: "{0} {}".format(1, 2))
show(lambda: format(3, ".2z"))
show(lambda: "{".format())
show(lambda: "}".format())
show(lambda: format("abc", "=5"))
show(lambda: format(5, ",x"))
