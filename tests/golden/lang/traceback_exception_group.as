def run():
    raise ExceptionGroup("several problems", [ValueError("first"), TypeError("second")])
run()
