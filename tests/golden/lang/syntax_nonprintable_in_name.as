# A character that is not XID_Continue inside a name: non-printable ones are reported by
# code point only, as CPython's tokenizer does.
print("before")
total​count = 1
