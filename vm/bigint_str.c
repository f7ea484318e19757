/* bigint_str.c — bigint <-> text and bytes: str()/bin()/oct()/hex() digits, int(s, base)
 * parsing with CPython's exact literal rules, decimal-length bounds for the str-digits limit,
 * and int.to_bytes / int.from_bytes. */
#include "vm/bigint_impl.h"

#include <stdlib.h>

static const char LOWER[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char UPPER[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* ---- to text ---------------------------------------------------------------------------- */

/* Bits per character for power-of-two bases, else 0. */
static unsigned pow2_bits(int base) {
    return (base & (base - 1)) ? 0 : (unsigned)__builtin_ctz((unsigned)base);
}

static size_t prefix_of(int base, int flags, char out[2]) {
    if (!(flags & BIGINT_STR_PREFIX)) return 0;
    char p = base == 2 ? 'b' : base == 8 ? 'o' : base == 16 ? 'x' : 0;
    if (!p) return 0;
    out[0] = '0';
    out[1] = (flags & BIGINT_STR_UPPER) ? (char)(p - 'a' + 'A') : p;
    return 2;
}

static char *str_pow2(const BigInt *a, unsigned k, const char *digs, const char *head,
                      size_t hn, size_t *len) {
    size_t n = bi_len(a);
    uint64_t bits = mag_bits(a->d, n);
    size_t nch = bits ? (size_t)((bits + k - 1) / k) : 1;
    char *s = malloc(hn + nch + 1);
    if (!s) return NULL;
    memcpy(s, head, hn);
    char *p = s + hn + nch;
    *p = 0;
    for (size_t i = 0; i < nch; i++) {
        uint64_t pos = (uint64_t)i * k;
        size_t w = (size_t)(pos / 32);
        uint64_t win = w < n ? a->d[w] : 0;
        if (w + 1 < n) win |= (uint64_t)a->d[w + 1] << 32;
        *--p = digs[(win >> (pos % 32)) & ((1u << k) - 1)];
    }
    if (len) *len = hn + nch;
    return s;
}

char *bigint_to_str(const BigInt *a, int base, int flags, size_t *len) {
    const char *digs = (flags & BIGINT_STR_UPPER) ? UPPER : LOWER;
    char head[3];
    size_t hn = 0;
    if (bi_neg(a)) head[hn++] = '-';
    hn += prefix_of(base, flags, head + hn);
    unsigned k = pow2_bits(base);
    if (k) return str_pow2(a, k, digs, head, hn, len);

    size_t dn;
    char *d = bi_radix_to_chars(a->d, bi_len(a), base, digs, &dn);
    if (!d || !hn) {
        if (d && len) *len = dn;
        return d;
    }
    char *s = realloc(d, hn + dn + 1);
    if (!s) {
        free(d);
        return NULL;
    }
    memmove(s + hn, s, dn + 1);
    memcpy(s, head, hn);
    if (len) *len = hn + dn;
    return s;
}

/* log10(2); the +-1e-3 slack below absorbs double rounding of (bits * log10(2)). */
#define LOG10_2 0.30102999566398119521

size_t bigint_decimal_digits_lower_bound(const BigInt *a) {
    uint64_t b = bigint_bit_length(a);
    if (b <= 1) return 1;
    /* |a| >= 2^(b-1), which has floor((b-1) log10 2) + 1 digits */
    double x = (double)(b - 1) * LOG10_2 - 1e-3;
    return (size_t)x + 1;
}

size_t bigint_decimal_digits_upper_bound(const BigInt *a) {
    uint64_t b = bigint_bit_length(a);
    if (b <= 1) return 1;
    /* |a| < 2^b, which has floor(b log10 2) + 1 digits */
    double x = (double)b * LOG10_2 + 1e-3;
    return (size_t)x + 1;
}

/* ---- parsing ------------------------------------------------------------------------------- */

static bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Code points of the digit zero of every Unicode decimal-digit run (category Nd); each run is
 * ten consecutive code points 0..9. From CPython 3.11's unicodedata (Unicode 14). */
static const uint32_t UNI_ZEROS[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

/* What CPython's _PyUnicode_TransformDecimalAndSpaceToASCII makes of a non-ASCII code point:
 * a Unicode space becomes ' ', a decimal digit its ASCII digit, anything else stays invalid
 * (we use '\x01', which no later rule accepts). */
static char transform_cp(uint32_t cp) {
    if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
        return ' ';
    for (size_t i = 0; i < sizeof UNI_ZEROS / sizeof UNI_ZEROS[0]; i++)
        if (cp >= UNI_ZEROS[i] && cp < UNI_ZEROS[i] + 10) return (char)('0' + cp - UNI_ZEROS[i]);
    return '\x01';
}

/* Decodes one UTF-8 sequence at p (n bytes available); malformed input yields U+FFFD-like 0
 * and consumes one byte, which transform_cp maps to invalid. */
static uint32_t utf8_next(const unsigned char *p, size_t n, size_t *used) {
    unsigned c = p[0];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    *used = 1;
    if (len == 1 || len > n) return 0;
    uint32_t cp = c & (0x3Fu >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    *used = len;
    return cp;
}

/* ASCII copy of a UTF-8 string with Unicode spaces and digits transformed; NULL on OOM. */
static char *to_ascii(const unsigned char *p, size_t n, size_t *outn) {
    char *buf = malloc(n + 1), *q = buf;
    if (!buf) return NULL;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            *q++ = (char)p[i++];
            continue;
        }
        size_t used;
        uint32_t cp = utf8_next(p + i, n - i, &used);
        *q++ = cp ? transform_cp(cp) : '\x01';
        i += used;
    }
    *outn = (size_t)(q - buf);
    return buf;
}

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool prefix_matches(const unsigned char *p, const unsigned char *e, int base) {
    if (e - p < 2 || p[0] != '0') return false;
    unsigned char c = (unsigned char)(p[1] | 0x20);
    return (base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b');
}

/* Validates digits with single inner underscores; returns the digit count, 0 if invalid. */
static size_t check_digits(const unsigned char *p, const unsigned char *e, int base) {
    size_t count = 0;
    bool prev_us = true; /* a leading underscore is as bad as a double one */
    for (; p < e; p++) {
        if (*p == '_') {
            if (prev_us) return 0;
            prev_us = true;
        } else {
            if (digit_value(*p) >= base) return 0;
            count++;
            prev_us = false;
        }
    }
    return prev_us ? 0 : count;
}

/* Power-of-two base: pack bits from the least significant character up. */
static void pack_pow2(uint32_t *d, size_t cap, const unsigned char *p, const unsigned char *e,
                      unsigned k) {
    memset(d, 0, cap * sizeof *d);
    uint64_t pos = 0;
    for (const unsigned char *q = e; q-- > p;) {
        if (*q == '_') continue;
        uint64_t v = (uint64_t)digit_value(*q) << (pos % 32);
        d[pos / 32] |= (uint32_t)v;
        if (v >> 32) d[pos / 32 + 1] |= (uint32_t)(v >> 32);
        pos += k;
    }
}

/* Other bases: drop the underscores, then convert (bigint_radix.c). */
static bool pack_radix(uint32_t *d, const unsigned char *p, const unsigned char *e, size_t nd,
                       int base, size_t *n) {
    char *clean = malloc(nd), *q = clean;
    if (!clean) return false;
    for (; p < e; p++)
        if (*p != '_') *q++ = (char)*p;
    bool ok = bi_radix_from_chars(clean, nd, base, d, n);
    free(clean);
    return ok;
}

static int parse_ascii(const char *str, size_t len, int base, BigInt **out) {
    const unsigned char *p = (const unsigned char *)str, *e = p + len;
    while (p < e && ascii_space(*p)) p++;
    while (e > p && ascii_space(e[-1])) e--;
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) neg = *p++ == '-';
    bool zero_only = false; /* base 0 without prefix: "0..." must be all zeros (no C octal) */
    if (base == 0) {
        unsigned char c = e - p >= 2 && p[0] == '0' ? (unsigned char)(p[1] | 0x20) : 0;
        base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
        zero_only = base == 10 && p < e && p[0] == '0';
    }
    if (base < 2 || base > 36) return 1;
    if (prefix_matches(p, e, base)) {
        p += 2;
        if (p < e && *p == '_') p++; /* one underscore may follow the prefix */
    }
    size_t nd = check_digits(p, e, base);
    if (nd == 0) return 1;

    unsigned kb = pow2_bits(base);
    /* capacity from an upper bound on bits: nd * log2(base) <= nd * 6 */
    uint64_t bitcap = (uint64_t)nd * (kb ? kb : (unsigned)(32 - __builtin_clz((unsigned)base)));
    if (bitcap / 32 + 2 > BI_MAX_DIGITS) return -1;
    size_t cap = kb ? (size_t)(bitcap / 32 + 2) : bi_radix_capacity(nd, base);
    BigInt *r = bigint_alloc(cap);
    if (!r) return -1;
    size_t n;
    if (kb) {
        pack_pow2(r->d, cap, p, e, kb);
        n = cap;
    } else if (!pack_radix(r->d, p, e, nd, base, &n)) {
        return -1;
    }
    bi_finish(r, n, neg);
    if (zero_only && r->size != 0) return 1;
    *out = r;
    return 0;
}

int bigint_parse(const char *str, size_t len, int base, BigInt **out) {
    size_t i = 0;
    while (i < len && (unsigned char)str[i] < 0x80) i++;
    if (i == len) return parse_ascii(str, len, base, out);
    size_t n;
    char *ascii = to_ascii((const unsigned char *)str, len, &n);
    if (!ascii) return -1;
    int rc = parse_ascii(ascii, n, base, out);
    free(ascii);
    return rc;
}

/* ---- bytes --------------------------------------------------------------------------------- */

int bigint_to_bytes(const BigInt *a, uint8_t *buf, size_t len, bool little, bool is_signed) {
    size_t n = bi_len(a);
    bool neg = bi_neg(a);
    if (neg && !is_signed) return BIGINT_BYTES_NEGATIVE;
    /* CPython quirk: -1 fits in zero signed bytes, (-1).to_bytes(0, 'big', signed=True) */
    if (len == 0) return n == 0 || (neg && n == 1 && a->d[0] == 1) ? 0 : BIGINT_BYTES_OVERFLOW;
    uint64_t bits = mag_bits(a->d, n);
    uint64_t room = (uint64_t)len * 8;
    if (is_signed) {
        /* nonnegative needs a clear sign bit; negative fits down to -2^(room-1) */
        bool pow2 = neg && bigint_bit_count(a) == 1;
        uint64_t need = neg ? (pow2 ? bits : bits + 1) : bits + 1;
        if (n == 0) need = 0;
        if (need > room) return BIGINT_BYTES_OVERFLOW;
    } else if (bits > room) {
        return BIGINT_BYTES_OVERFLOW;
    }
    /* two's complement little-endian first: ~(|a| - 1) for negatives, via a running borrow */
    uint32_t borrow = 1;
    for (size_t i = 0; i < len; i++) {
        size_t w = i / 4;
        uint32_t x = w < n ? a->d[w] : 0;
        uint8_t byte = (uint8_t)(x >> (8 * (i % 4)));
        if (neg) {
            uint8_t y = (uint8_t)(byte - borrow);
            borrow = borrow && byte == 0;
            byte = (uint8_t)~y;
        }
        buf[little ? i : len - 1 - i] = byte;
    }
    return 0;
}

BigInt *bigint_from_bytes(const uint8_t *buf, size_t len, bool little, bool is_signed) {
    size_t n = (len + 3) / 4;
    if (n > BI_MAX_DIGITS) return NULL;
    BigInt *r = bigint_alloc(n);
    if (!r) return NULL;
    memset(r->d, 0, n * sizeof *r->d);
    for (size_t i = 0; i < len; i++)
        r->d[i / 4] |= (uint32_t)buf[little ? i : len - 1 - i] << (8 * (i % 4));
    bool neg = is_signed && len && (buf[little ? len - 1 : 0] & 0x80);
    if (neg) {
        /* value - 2^(8 len): the magnitude is the two's complement of the bytes */
        if (len % 4) r->d[n - 1] |= ~(uint32_t)0 << (8 * (len % 4));
        uint32_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            r->d[i] = ~r->d[i] + carry;
            carry = carry && r->d[i] == 0;
        }
    }
    return bi_finish(r, n, neg);
}
