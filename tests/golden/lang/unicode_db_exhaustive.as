# aspen: no-gc-stress
# Every code point 0..0x10FFFF through str's Unicode-dependent methods, against CPython 3.11
# (Unicode 14.0). Per property and per plane (0x10000 code points): how many code points
# have it and a digest of which, or of what they map to, so a difference names both.
# Case mappings run on one string per plane; where context matters, characters are separated
# by '\0', which is neither cased nor case-ignorable, so each maps as it does alone.
# (Left out of the GC-stress run: a million code points, each allocating, would take hours
# with a collection at every allocation.)

M = (1 << 61) - 1
SEP = '\0'
PLANES = [''.join(map(chr, range(p, p + 0x10000))) for p in range(0, 0x110000, 0x10000)]
# surrogates have no UTF-8 encoding to digest; they map to themselves anyway
TEXT = [p.replace(PLANES[0][0xD800:0xE000], '') if i == 0 else p for i, p in enumerate(PLANES)]


def digest(data):
    return '%016x' % (int.from_bytes(data, 'little') % M)


def show(name, counts, digests):
    print(name, sum(counts))
    for i in range(0, len(digests), 6):
        print('   ', ' '.join('%x:%d:%s' % (j, counts[j], digests[j])
                             for j in range(i, min(i + 6, len(digests)))))


PREDICATES = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isspace', 'isprintable',
              'isidentifier', 'islower', 'isupper', 'istitle']
found = {name: ([], []) for name in PREDICATES + ['isidentifier after a']}
for plane in PLANES:
    chars = list(plane)   # one str per code point, shared by all the predicates
    for name in PREDICATES:
        flags = bytes(map(getattr(str, name), chars))
        found[name][0].append(flags.count(1))
        found[name][1].append(digest(flags))
    flags = bytes(map(str.isidentifier, map('a'.__add__, chars)))
    found['isidentifier after a'][0].append(flags.count(1))
    found['isidentifier after a'][1].append(digest(flags))
    chars = None
for name in found:
    show(name, *found[name])


def mapping(name, convert, sep=''):
    counts, digests = [], []
    for plane in TEXT:
        mapped = convert(sep.join(plane) if sep else plane)
        counts.append(len(mapped))
        digests.append(digest(mapped.encode()))
    show(name, counts, digests)


# title() looks at the previous character: a separator gives every character its own.
for name in ['lower', 'upper', 'casefold', 'swapcase']:
    mapping(name, getattr(str, name))
mapping('title', str.title, SEP)

# Final sigma, where the lowered text has one: after X alone when X is cased and not
# case-ignorable; after 'A' + X when X is cased or case-ignorable.
def sigma(name, before):
    counts, digests = [], []
    for plane in PLANES:
        text = before + SEP.join(plane).replace(SEP, '\u03a3' + SEP + before) + '\u03a3'
        pieces = text.lower().split('\u03c2')
        counts.append(len(pieces) - 1)
        digests.append(digest(repr(list(map(len, pieces))).encode()))
    show(name, counts, digests)


sigma('final sigma after X', '')
sigma('final sigma after A X', 'A')

# Line breaks: the lengths of the lines splitlines() cuts each plane into.
counts, digests = [], []
for plane in PLANES:
    lines = plane.splitlines()
    counts.append(len(lines))
    digests.append(digest(repr([len(line) for line in lines]).encode()))
show('splitlines', counts, digests)
