tests = ["123", "12.3", "", "abc", "abc123", " ", "\t\n", "Abc", "½", "²", "٣", "x_1", "_private", "1abc", "ABC"]
for t in tests:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isidentifier(), t.isascii(), t.isprintable())
