s = f"oops }"
