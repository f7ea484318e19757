def cleanup():
    raise RuntimeError("cleanup failed")
def work():
    try:
        int("not a number")
    except ValueError:
        cleanup()
work()
