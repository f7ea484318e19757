d = {}
for ch in "hello world":
    d[ch] = d.get(ch, 0) + 1
print(d)
a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(a | b, b | a)
a |= b
print(a)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list(reversed({"a": 1, "b": 2})))
inv = {v: k for k, v in {"p": 1, "q": 2}.items()}
print(inv)
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
