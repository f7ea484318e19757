s = f"value: {x"
