#!/usr/bin/env python3
"""Generate vm/unicode_db.c and vm/unicode_db.h: the character database behind str's case
mappings and is*() methods and the lexer's identifier rules.

Usage: python3 tools/gen_unicode_db.py      (run from the repository root with CPython 3.11;
       writes both files; --check compares them with what would be written instead)

Every property is read from CPython itself (unicodedata 14.0.0 and str's own methods on one
character), so Aspen reproduces what CPython's _PyUnicode_TypeRecord says, quirks included:
  - flags: isalpha, isdecimal, isdigit, isnumeric, islower (the Lowercase property), isupper
    (Uppercase), titlecase (category Lt), cased (Lowercase + Uppercase + Lt), case-ignorable,
    isspace, line break (what splitlines splits at), isprintable, XID_Start, XID_Continue;
  - the digit value of decimal and digit characters;
  - the full lower/upper/title mappings and case folding (str.lower() etc. of one character,
    which apply SpecialCasing.txt's unconditional rules). The simple mappings are what
    CPython's _PyUnicode_ToUppercase returns: the first character of the full mapping.
Case-ignorable has no direct accessor, so it is read from CPython's final-sigma rule: the
sigma of X+'\u03a3' is final when X is cased and not case-ignorable, and the sigma of
'A'+X+'\u03a3' is final when X is case-ignorable or cased.

Layout (after CPython's Tools/unicode/makeunicodedata.py, with one more level): the
record index of every code point, cut into blocks of 1 << LO, identical blocks stored once
(uc_index3); the block numbers cut the same way into blocks of 1 << MID (uc_index2); and
uc_index1 the block number of each of those. LO and MID are chosen to make the three tables
smallest (about 28 KB, against 100 KB for two levels). A record holds the flags,
the digit value and three case fields. Without UC_EXTENDED_CASE the case fields are deltas
(mapping = cp + delta). With it, each is (length << 24) | index into uc_ext_case, where the
full mapping starts; the folding follows the lower mapping, its length in bits 20..23 of
the lower field (0: folding equals the lower mapping).
"""
import sys
import unicodedata

FLAGS = ['ALPHA', 'DECIMAL', 'DIGIT', 'NUMERIC', 'LOWER', 'UPPER', 'TITLE', 'CASED',
         'CASE_IGNORABLE', 'SPACE', 'LINEBREAK', 'PRINTABLE', 'XID_START', 'XID_CONTINUE',
         'EXTENDED_CASE']
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}
NCP = 0x110000


def is_final_sigma(text):
    return text.lower()[-1] == '\u03c2'


def char_flags(ch):
    f = 0
    cat = unicodedata.category(ch)
    tests = [('ALPHA', ch.isalpha()), ('DECIMAL', ch.isdecimal()), ('DIGIT', ch.isdigit()),
             ('NUMERIC', ch.isnumeric()), ('LOWER', ch.islower()), ('UPPER', ch.isupper()),
             ('TITLE', cat == 'Lt'), ('SPACE', ch.isspace()),
             ('LINEBREAK', len(('a' + ch + 'b').splitlines()) == 2),
             ('PRINTABLE', ch.isprintable()),
             ('XID_START', ch != '_' and ch.isidentifier()),
             ('XID_CONTINUE', ('a' + ch).isidentifier())]
    for name, ok in tests:
        if ok:
            f |= BIT[name]
    cased = ch.islower() or ch.isupper() or cat == 'Lt'
    if cased:
        f |= BIT['CASED']
    alone, after_a = is_final_sigma(ch + '\u03a3'), is_final_sigma('A' + ch + '\u03a3')
    if alone and not cased:
        sys.exit('gen_unicode_db: U+%04X ends a word but is not cased' % ord(ch))
    ignorable = (not alone) if cased else after_a
    if ignorable:
        f |= BIT['CASE_IGNORABLE']
    return f


def collect():
    """One (flags, digit, lower, upper, title, fold) tuple per code point, and the
    longest full mapping."""
    props = []
    longest = 1
    for cp in range(NCP):
        ch = chr(cp)
        digit = unicodedata.digit(ch, 0) if ch.isdigit() else 0
        maps = tuple(tuple(map(ord, s)) for s in
                     (ch.lower(), ch.upper(), ch.title(), ch.casefold()))
        longest = max(longest, *map(len, maps))
        props.append((char_flags(ch), digit) + maps)
    return props, longest


def make_records(props):
    """Deduplicated records and the record index of every code point."""
    ext = []
    ext_at = {}
    records = []
    rec_at = {}
    index = []

    def ext_seq(seq):
        # full mappings repeat (ligatures, Greek with ypogegrammeni): share them
        if seq not in ext_at:
            ext_at[seq] = len(ext)
            ext.extend(seq)
        return ext_at[seq]

    for cp, (flags, digit, lower, upper, title, fold) in enumerate(props):
        simple = all(len(m) == 1 for m in (lower, upper, title)) and fold == lower
        if simple:
            rec = (flags, digit, upper[0] - cp, lower[0] - cp, title[0] - cp)
        else:
            flags |= BIT['EXTENDED_CASE']
            if fold == lower:
                lo = (len(lower) << 24) | ext_seq(lower)
            else:
                lo = (len(lower) << 24) | (len(fold) << 20) | ext_seq(lower + fold)
            rec = (flags, digit, (len(upper) << 24) | ext_seq(upper), lo,
                   (len(title) << 24) | ext_seq(title))
        if rec not in rec_at:
            rec_at[rec] = len(records)
            records.append(rec)
        index.append(rec_at[rec])
    assert len(ext) < 1 << 20
    return records, index, ext


def split(index, shift):
    """Two-level split of index: (index1, index2) with index2 made of unique blocks."""
    size = 1 << shift
    blocks = {}
    index1, index2 = [], []
    for start in range(0, len(index), size):
        block = tuple(index[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    return index1, index2


def ctype(values):
    top = max(values)
    return ('uint8_t', 1) if top < 256 else ('uint16_t', 2) if top < 65536 else ('uint32_t', 4)


def table_bytes(values):
    return len(values) * ctype(values)[1]


def best_split(index):
    """Three levels: the record index in blocks of 1 << lo, and the block numbers
    themselves in blocks of 1 << mid; the (lo, mid) that make the tables smallest."""
    best = None
    for lo in range(2, 9):
        blocks, index3 = split(index, lo)
        for mid in range(2, 10):
            index1, index2 = split(blocks, mid)
            size = table_bytes(index1) + table_bytes(index2) + table_bytes(index3)
            if best is None or size < best[0]:
                best = (size, lo, mid, index1, index2, index3)
    return best[1:]


def c_array(name, values, per_line=16, typ=None):
    typ = typ or ctype(values)[0]
    lines = ['const %s %s[%d] = {' % (typ, name, len(values))]
    for i in range(0, len(values), per_line):
        lines.append('    ' + ','.join(str(v) for v in values[i:i + per_line]) + ',')
    lines.append('};')
    return '\n'.join(lines)


def render(props, longest):
    records, index, ext = make_records(props)
    lo, mid, index1, index2, index3 = best_split(index)
    total = (len(records) * 16 + table_bytes(index1) + table_bytes(index2) +
             table_bytes(index3) + len(ext) * 4)
    version = 'CPython %s, Unicode %s' % (sys.version.split()[0], unicodedata.unidata_version)
    t1, t2, t3 = ctype(index1)[0], ctype(index2)[0], ctype(index3)[0]

    h = ['/* unicode_db.h — GENERATED by tools/gen_unicode_db.py (%s); do not edit.' % version,
         ' * The character database behind str\'s case mappings and is*() methods and the',
         ' * lexer\'s identifier rules: one record per kind of code point, found in three steps',
         ' * (see the generator for the layout). Most code wants the uc_* functions',
         ' * (vm/strobj.h); the lexer reads the flags directly. */',
         '#ifndef ASPEN_UNICODE_DB_H',
         '#define ASPEN_UNICODE_DB_H',
         '',
         '#include <stdint.h>',
         '']
    for name in FLAGS:
        h.append('#define UC_%s 0x%04X' % (name, BIT[name]))
    h += ['',
          '#define UC_LO %d    /* code points per uc_index3 block: 1 << UC_LO */' % lo,
          '#define UC_MID %d   /* uc_index3 blocks per uc_index2 block: 1 << UC_MID */' % mid,
          '#define UC_MAX_EXPAND %d   /* longest full case mapping, in code points */' % longest,
          '',
          '/* Case fields: a delta, or with UC_EXTENDED_CASE (length << 24) | uc_ext_case index,',
          ' * the lower field also holding the case folding\'s length in bits 20..23. */',
          'typedef struct {',
          '    int32_t upper, lower, title;',
          '    uint16_t flags;',
          '    uint8_t digit;   /* the value of a decimal or digit character, else 0 */',
          '} UcRecord;',
          '',
          'extern const UcRecord uc_records[%d];' % len(records),
          'extern const %s uc_index1[%d];' % (t1, len(index1)),
          'extern const %s uc_index2[%d];' % (t2, len(index2)),
          'extern const %s uc_index3[%d];' % (t3, len(index3)),
          'extern const uint32_t uc_ext_case[%d];' % len(ext),
          '',
          '/* The record of any code point (above U+10FFFF: that of an unassigned one). */',
          'static inline const UcRecord *uc_record(uint32_t c) {',
          '    if (c >= 0x110000) c = 0x10FFFF;',
          '    uint32_t b2 = uc_index1[c >> (UC_LO + UC_MID)];',
          '    uint32_t b3 = uc_index2[(b2 << UC_MID) | ((c >> UC_LO) & ((1u << UC_MID) - 1))];',
          '    return &uc_records[uc_index3[(b3 << UC_LO) | (c & ((1u << UC_LO) - 1))]];',
          '}',
          '',
          '#endif',
          '']

    c = ['/* unicode_db.c — GENERATED by tools/gen_unicode_db.py (%s); do not edit.' % version,
         ' * %d records, %d + %d index blocks, %d extended case code points; tables total'
         % (len(records), max(index1) + 1, max(index2) + 1, len(ext)),
         ' * %d bytes. */' % total,
         '#include "vm/unicode_db.h"',
         '',
         'const UcRecord uc_records[%d] = {' % len(records)]
    for flags, digit, up, low, ti in records:
        c.append('    {%d, %d, %d, 0x%04X, %d},' % (up, low, ti, flags, digit))
    c += ['};', '', c_array('uc_index1', index1), '', c_array('uc_index2', index2), '',
          c_array('uc_index3', index3), '',
          c_array('uc_ext_case', ext, 12, 'uint32_t'), '']
    stats = ('gen_unicode_db: %d records, lo %d, mid %d, index1 %d x %s, index2 %d x %s, '
             'index3 %d x %s, ext %d, %d bytes' % (len(records), lo, mid, len(index1), t1,
                                                   len(index2), t2, len(index3), t3, len(ext),
                                                   total))
    return '\n'.join(h), '\n'.join(c), stats


def main():
    check = '--check' in sys.argv[1:]
    if unicodedata.unidata_version != '14.0.0':
        sys.exit('gen_unicode_db: run with CPython 3.11 (Unicode 14.0.0), not %s'
                 % unicodedata.unidata_version)
    props, longest = collect()
    header, source, stats = render(props, longest)
    stale = []
    for path, text in (('vm/unicode_db.h', header), ('vm/unicode_db.c', source)):
        if check:
            with open(path) as f:
                if f.read() != text:
                    stale.append(path)
        else:
            with open(path, 'w') as f:
                f.write(text)
    print(stats, file=sys.stderr)
    if stale:
        sys.exit('gen_unicode_db: out of date: ' + ' '.join(stale))


if __name__ == '__main__':
    main()
