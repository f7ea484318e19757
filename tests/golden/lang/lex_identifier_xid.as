# Identifier characters are Unicode's XID_Start (or '_') then XID_Continue, as in CPython's
# tokenizer: middle dot, combining marks, and letters added up to Unicode 14 are all names.
# (Only names that NFKC leaves unchanged: CPython also normalizes names, Aspen does not.)
a·b = 1
x̃ = 2
नमस्ते = 3
𞤀𞤢 = 4          # Adlam, Unicode 9
ᏸ = 5           # Cherokee small letter, Unicode 8
Ა = 6           # Georgian Mtavruli, Unicode 11
_٣ = 7          # Arabic-Indic digit after '_'
print(a·b, x̃, नमस्ते, 𞤀𞤢, ᏸ, Ა, _٣)
for name in ['a·b', '·a', 'x̃', '\u0303x', 'नमस्ते', '𞤀𞤢', '٣a', '_٣', 'a\u200bb', 'a€b',
             'ꞵ', '\U0001e922', 'ᢅ', '℘', '℮', '゛', 'ﬁ']:
    print(ascii(name), name.isidentifier())
