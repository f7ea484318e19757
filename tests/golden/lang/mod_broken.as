# Helper module whose import fails part way through.
loaded_part = True
raise ValueError("mod_broken refuses to load")
