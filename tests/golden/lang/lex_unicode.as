# Non-ASCII source text: identifiers, strings and code-point lengths.
café = "crème brûlée"
print(café, len(café))
ω = 3
print(ω * 2)
s = "日本語テキスト"
print(s[0], s[-1], len(s), s[2:4])
print("😀", len("😀"), ord("😀"))
print("ÄÖÜ".lower(), "straße".upper())
