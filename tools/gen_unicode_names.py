#!/usr/bin/env python3
"""Generate lang/unicode_names.c: the name -> code point table behind \\N{...} escapes.

Usage: python3 tools/gen_unicode_names.py > lang/unicode_names.c   (run with CPython 3.11)

Sources: unicodedata (Unicode 14.0 in CPython 3.11) for character names; the name
aliases CPython accepts are not listable through unicodedata, so candidates are read
from perl's unicore/Name.pl (also Unicode 14.0) and each is kept only if
unicodedata.lookup() maps it to the same code point (named sequences are dropped,
as CPython's \\N{} rejects them).

Left out (resolved by code in unicode_names_lookup, as CPython does): CJK UNIFIED
IDEOGRAPH-XXXX and HANGUL SYLLABLE names, plus every run of "PREFIX-HEX" names whose hex
is the code point itself (CJK COMPATIBILITY IDEOGRAPH-, NUSHU CHARACTER-, ...), which
become (prefix, first, last) ranges.

Encoding: words (split at ' ' and '-') go into a frequency-ordered dictionary; each
name is a token string (1 byte for the 128 most frequent tokens, else 2), a space
being implied between two word tokens. Names are sorted and grouped in blocks of
BLOCK; the lookup binary-searches block heads and scans one block.
"""
import glob
import re
import sys
import unicodedata
from collections import Counter

BLOCK = 16
HEXNAME = re.compile(r'^(.*)-([0-9A-F]{4,6})$')


def algorithmic(name):
    return name.startswith('CJK UNIFIED IDEOGRAPH-') or name.startswith('HANGUL SYLLABLE ')


def collect():
    names = {}
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n and not algorithmic(n):
            names[n] = cp
    paths = glob.glob('/usr/share/perl/*/unicore/Name.pl')
    if not paths:
        sys.exit('gen_unicode_names: perl unicore/Name.pl not found (needed for aliases)')
    text = open(paths[0]).read()
    body = text.split("<<'END';\n", 1)[1].split('\nEND\n', 1)[0]
    aliases = 0
    for entry in body.strip().split('\n\n'):
        cps, name = entry.split('\n')
        if ' ' in cps or name in names:
            continue
        cp = int(cps, 16)
        try:
            if unicodedata.lookup(name) != chr(cp):
                continue
        except KeyError:
            continue
        names[name] = cp
        aliases += 1
    return names, aliases


def cjk_ranges():
    """The code points named CJK UNIFIED IDEOGRAPH-XXXX, as inclusive ranges."""
    out = []
    for cp in range(0x110000):
        if unicodedata.name(chr(cp), '').startswith('CJK UNIFIED IDEOGRAPH-'):
            if out and out[-1][1] == cp - 1:
                out[-1][1] = cp
            else:
                out.append([cp, cp])
    return out


def split_ranges(names):
    """Pull out runs of PREFIX-HEX names whose hex is the code point."""
    byprefix = {}
    for n, cp in names.items():
        m = HEXNAME.match(n)
        if m and n == '%s-%04X' % (m.group(1), cp) and unicodedata.name(chr(cp), '') == n:
            byprefix.setdefault(m.group(1), []).append(cp)
    ranges = []
    for prefix, cps in byprefix.items():
        if len(cps) < 8:
            continue
        cps.sort()
        start = prev = cps[0]
        for cp in cps[1:] + [None]:
            if cp is not None and cp == prev + 1:
                prev = cp
                continue
            ranges.append((prefix, start, prev))
            for c in range(start, prev + 1):
                del names['%s-%04X' % (prefix, c)]
            if cp is not None:
                start = prev = cp
    ranges.sort()
    return ranges


def tokenize(name):
    pieces = re.findall(r'[^ -]+|[ -]', name)
    out = []
    for i, p in enumerate(pieces):
        if p == ' ' and 0 < i < len(pieces) - 1 and pieces[i - 1] not in ' -' and pieces[i + 1] not in ' -':
            continue   # implied between two words
        out.append(p)
    return out


def detok(toks):
    s = ''
    prev_word = False
    for t in toks:
        word = t not in (' ', '-')
        if word and prev_word:
            s += ' '
        s += t
        prev_word = word
    return s


def c_bytes(data, per_line=20):
    lines = []
    for i in range(0, len(data), per_line):
        lines.append('    ' + ''.join('%d,' % b for b in data[i:i + per_line]))
    return '\n'.join(lines)


def main():
    names, naliases = collect()
    cjk = cjk_ranges()
    ranges = split_ranges(names)
    sorted_names = sorted(names)
    toks = {n: tokenize(n) for n in sorted_names}
    for n in sorted_names:
        assert detok(toks[n]) == n, n
    freq = Counter(t for n in sorted_names for t in toks[n])
    words = [w for w, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))]
    assert len(words) < 128 + 128 * 256
    wid = {w: i for i, w in enumerate(words)}

    wdata = bytearray()
    woff = []
    for w in words:
        woff.append(len(wdata))
        wdata += w.encode('ascii')
    woff.append(len(wdata))

    ndata = bytearray()
    boff = []
    for i, n in enumerate(sorted_names):
        if i % BLOCK == 0:
            boff.append(len(ndata))
        enc = bytearray()
        for t in toks[n]:
            k = wid[t]
            if k < 128:
                enc.append(k)
            else:
                k -= 128
                enc += bytes([0x80 | (k >> 8), k & 0xFF])
        assert len(enc) < 256
        cp = names[n]
        ndata += bytes([len(enc)]) + enc + bytes([cp >> 16, (cp >> 8) & 0xFF, cp & 0xFF])
    boff.append(len(ndata))

    maxlen = max(len(n) for n in sorted_names)
    size = len(wdata) + 4 * len(woff) + len(ndata) + 4 * len(boff)
    out = sys.stdout
    out.write('/* unicode_names.c — GENERATED by tools/gen_unicode_names.py (CPython %s, Unicode %s);\n'
              ' * do not edit. Owns the table mapping character names and name aliases to code\n'
              ' * points for \\N{...} escapes (see the generator for the encoding).\n'
              ' * %d names (%d aliases), %d words, %d prefix ranges; tables total %d bytes. */\n'
              % (sys.version.split()[0], unicodedata.unidata_version, len(sorted_names), naliases,
                 len(words), len(ranges), size))
    out.write('#include <stdint.h>\n\n#include "lang/unicode_names.h"\n\n')
    out.write('#define UN_BLOCK %d\n#define UN_NBLOCKS %d\n#define UN_NAMES %d\n#define UN_MAXLEN %d\n\n'
              % (BLOCK, len(boff) - 1, len(sorted_names), maxlen))
    out.write('static const char un_words[%d] = {\n%s\n};\n\n' % (len(wdata), c_bytes(wdata)))
    out.write('static const uint32_t un_word_off[%d] = {\n%s\n};\n\n'
              % (len(woff), '\n'.join('    ' + ''.join('%d,' % x for x in woff[i:i + 12]) for i in range(0, len(woff), 12))))
    out.write('static const unsigned char un_names[%d] = {\n%s\n};\n\n' % (len(ndata), c_bytes(ndata)))
    out.write('static const uint32_t un_block_off[%d] = {\n%s\n};\n\n'
              % (len(boff), '\n'.join('    ' + ''.join('%d,' % x for x in boff[i:i + 12]) for i in range(0, len(boff), 12))))
    out.write('static const struct { const char *prefix; uint32_t first, last; } un_ranges[%d] = {\n' % len(ranges))
    for p, a, b in ranges:
        out.write('    { "%s", 0x%X, 0x%X },\n' % (p, a, b))
    out.write('};\n\n')
    out.write('static const struct { uint32_t first, last; } un_cjk[%d] = {\n' % len(cjk))
    for a, b in cjk:
        out.write('    { 0x%X, 0x%X },\n' % (a, b))
    out.write('};\n')
    out.write(LOOKUP_C)
    print('gen_unicode_names: %d names, %d aliases, %d words, %d ranges, %d bytes'
          % (len(sorted_names), naliases, len(words), len(ranges), size), file=sys.stderr)


LOOKUP_C = r'''
/* ---- lookup (this code lives in the generator as LOOKUP_C) ---- */

/* CPython's Hangul jamo short names, per column (L, V, T). */
static const char *const un_jamo_l[19] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H",
};
static const char *const un_jamo_v[21] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
};
static const char *const un_jamo_t[28] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
};

static int un_prefix(const char *s, size_t n, const char *pre) {
    size_t k = 0;
    for (; pre[k]; k++)
        if (k >= n || s[k] != pre[k]) return 0;
    return 1;
}

/* Longest jamo of `col` starting at s (CPython's find_syllable): its index, or -1. */
static int un_jamo(const char *s, size_t n, const char *const *col, int count, size_t *used) {
    int best = -1;
    size_t blen = 0;
    for (int i = 0; i < count; i++) {
        size_t l = 0;
        while (col[i][l]) l++;
        if ((best >= 0 && l <= blen) || l > n) continue;
        if (un_prefix(s, n, col[i])) { best = i; blen = l; }
    }
    *used = best >= 0 ? blen : 0;
    return best;
}

static int un_hangul(const char *s, size_t n, unsigned *cp) {
    size_t a, b, c;
    int l = un_jamo(s, n, un_jamo_l, 19, &a);
    int v = un_jamo(s + a, n - a, un_jamo_v, 21, &b);
    int t = un_jamo(s + a + b, n - a - b, un_jamo_t, 28, &c);
    if (l < 0 || v < 0 || t < 0 || a + b + c != n) return 0;
    *cp = 0xAC00u + (unsigned)((l * 21 + v) * 28 + t);
    return 1;
}

static int un_hexdigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* CPython only takes upper-case hex here, four or five digits. */
static int un_cjk_unified(const char *s, size_t n, unsigned *cp) {
    unsigned v = 0;
    if (n != 4 && n != 5) return 0;
    for (size_t i = 0; i < n; i++) {
        int d = un_hexdigit(s[i]);
        if (d < 0) return 0;
        v = v * 16 + (unsigned)d;
    }
    for (size_t i = 0; i < sizeof un_cjk / sizeof un_cjk[0]; i++)
        if (v >= un_cjk[i].first && v <= un_cjk[i].last) { *cp = v; return 1; }
    return 0;
}

/* "PREFIX-HEX" names stored as ranges; q is upper-cased, so the hex must be exactly the
 * canonical %04X spelling. */
static int un_prefix_range(const char *q, size_t n, unsigned *cp) {
    size_t dash = n;
    while (dash > 0 && q[dash - 1] != '-') dash--;
    if (dash == 0 || n - dash < 4 || n - dash > 6) return 0;
    if (q[dash] == '0' && n - dash > 4) return 0;
    unsigned v = 0;
    for (size_t i = dash; i < n; i++) {
        int d = un_hexdigit(q[i]);
        if (d < 0) return 0;
        v = v * 16 + (unsigned)d;
    }
    for (size_t i = 0; i < sizeof un_ranges / sizeof un_ranges[0]; i++) {
        const char *p = un_ranges[i].prefix;
        size_t k = 0;
        while (p[k] && k < dash - 1 && p[k] == q[k]) k++;
        if (p[k] || k != dash - 1) continue;
        if (v >= un_ranges[i].first && v <= un_ranges[i].last) { *cp = v; return 1; }
    }
    return 0;
}

/* Decode the table entry at p into buf; returns the next entry. */
static const unsigned char *un_entry(const unsigned char *p, char *buf, size_t *len, unsigned *cp) {
    const unsigned char *end = p + 1 + *p;
    size_t k = 0;
    int prev_word = 0;
    for (p++; p < end;) {
        unsigned id = *p++;
        if (id & 0x80) { id = 128 + (((id & 0x7F) << 8) | *p); p++; }
        const char *w = un_words + un_word_off[id];
        size_t wl = un_word_off[id + 1] - un_word_off[id];
        int word = !(wl == 1 && (w[0] == ' ' || w[0] == '-'));
        if (word && prev_word) buf[k++] = ' ';
        for (size_t i = 0; i < wl; i++) buf[k++] = w[i];
        prev_word = word;
    }
    *len = k;
    *cp = ((unsigned)end[0] << 16) | ((unsigned)end[1] << 8) | end[2];
    return end + 3;
}

static int un_cmp(const char *a, size_t an, const char *b, size_t bn) {
    for (size_t i = 0; i < an && i < bn; i++)
        if (a[i] != b[i]) return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
    return an < bn ? -1 : an > bn;
}

static int un_table(const char *q, size_t n, unsigned *cp) {
    char buf[UN_MAXLEN + 1];
    size_t len;
    unsigned c;
    size_t lo = 0, hi = UN_NBLOCKS;
    while (hi - lo > 1) {   /* last block whose first name is <= q */
        size_t mid = lo + (hi - lo) / 2;
        un_entry(un_names + un_block_off[mid], buf, &len, &c);
        if (un_cmp(buf, len, q, n) <= 0) lo = mid;
        else hi = mid;
    }
    const unsigned char *p = un_names + un_block_off[lo], *end = un_names + un_block_off[lo + 1];
    while (p < end) {
        p = un_entry(p, buf, &len, &c);
        int r = un_cmp(buf, len, q, n);
        if (r == 0) { *cp = c; return 1; }
        if (r > 0) break;
    }
    return 0;
}

int unicode_name_lookup(const char *name, size_t len, unsigned *cp) {
    /* CPython checks these prefixes case-sensitively and never falls back to the table. */
    if (un_prefix(name, len, "HANGUL SYLLABLE ")) return un_hangul(name + 16, len - 16, cp);
    if (un_prefix(name, len, "CJK UNIFIED IDEOGRAPH-")) return un_cjk_unified(name + 22, len - 22, cp);
    char q[UN_MAXLEN + 1];
    if (len > UN_MAXLEN) return 0;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        q[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }
    return un_table(q, len, cp) || un_prefix_range(q, len, cp);
}
'''


if __name__ == '__main__':
    main()
