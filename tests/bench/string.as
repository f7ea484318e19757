# bench: string building and methods (concatenation, str(), join, split, replace, count, find).
# target: 0.5
def main():
    parts = []
    for i in range(300_000):
        s = "item" + str(i)
        if s.endswith("7"):
            s = s.upper()
        parts.append(s)
    text = ",".join(parts)
    fields = text.split(",")
    upper = 0
    for f in fields:
        if f.startswith("ITEM"):
            upper += 1
    replaced = text.replace("item", "x")
    nines = text.count("9")
    where = text.find("item299999")
    words = []
    for i in range(200_000):
        words.append(str(i % 97) + ":" + str(i % 13))
    joined = " ".join(words)
    print(len(text), len(fields), upper, len(replaced), nines, where, len(joined))


main()
