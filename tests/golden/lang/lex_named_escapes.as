# \N{...} escapes: character names, aliases, algorithmic names, case-insensitivity.
print(ascii("\N{LATIN SMALL LETTER E WITH ACUTE}"), "\N{LATIN CAPITAL LETTER A WITH RING ABOVE}")
print(ascii("\N{latin small letter sharp s}"), ascii("\N{Latin Small Letter N With Tilde}"))
print(ascii("\N{GREEK SMALL LETTER ALPHA}\N{GREEK CAPITAL LETTER OMEGA}"))
print(ascii("\N{CYRILLIC CAPITAL LETTER ZHE}\N{CYRILLIC SMALL LETTER YA}"))
print(ascii("\N{GRINNING FACE}"), ascii("\N{SNOWMAN}"), ascii("\N{EURO SIGN}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}"), ascii("\N{CJK UNIFIED IDEOGRAPH-20000}"))
print(ascii("\N{HANGUL SYLLABLE GA}"), ascii("\N{HANGUL SYLLABLE HIH}"), ascii("\N{HANGUL SYLLABLE A}"))
print(ascii("\N{CJK COMPATIBILITY IDEOGRAPH-F900}"), ascii("\N{NUSHU CHARACTER-1B170}"))
print(ascii("\N{LINE FEED}"), ascii("\N{NBSP}"), ascii("\N{lf}"), ascii("\N{BYTE ORDER MARK}"))
print(ascii("\N{VS1}"), ascii("\N{VARIATION SELECTOR-256}"), ascii("\N{HYPHEN-MINUS}"))
print(ascii("\N{TIBETAN MARK TSA -PHRU}"), ascii("\N{NULL}"), len("a\N{SPACE}b"))
print(ascii(f"\N{DIGIT ONE}{2}\N{DIGIT THREE}"), ascii("\N{EM DASH}" "x"))
print(b"\N{LATIN SMALL LETTER A}", rb"\N{X}", r"\N{X}")
for src in ['"\\N{BOGUS NAME}"', '"ab\\N{NO SUCH}"', '"\\N{}"', '"\\N"', '"x\\N{LATIN"',
            '"\\N{cjk unified ideograph-4e00}"', '"\\N{hangul syllable ga}"',
            '"\\N{KEYCAP NUMBER SIGN}"', '"\\N{LATIN SMALL  LETTER A}"', '"\xe9\\N{X}"']:
    try:
        compile(src, "<s>", "eval")
    except SyntaxError as e:
        print(e.msg)
