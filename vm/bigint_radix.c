/* bigint_radix.c — conversion between magnitudes and digit strings in non-power-of-two bases
 * (decimal above all), by divide and conquer on the powers B^(2^k) of the chunk base
 * B = base^per (10^9 for decimal). Splitting by those powers lets the bulk of the work run in
 * long division and Karatsuba multiplication, whose inner loops are far cheaper than one
 * hardware division per digit; small pieces fall back to the simple quadratic methods. */
#include "vm/bigint_impl.h"

#include <stdlib.h>

/* Pieces at most this many digits (32-bit) use the simple methods. */
#define RADIX_LEAF_DIGITS 40
#define MAX_LEVELS 40

typedef struct {
    int base;
    unsigned per;  /* characters per chunk */
    uint32_t unit; /* base^per, the largest that fits a digit */
    uint32_t *pw[MAX_LEVELS];
    size_t pn[MAX_LEVELS]; /* pw[k] = unit^(2^k), pn[k] digits */
    int levels;
} Radix;

static void radix_init(Radix *r, int base) {
    memset(r, 0, sizeof *r);
    r->base = base;
    uint64_t p = (uint64_t)base;
    r->per = 1;
    while (p * (uint64_t)base <= 0xffffffffu) {
        p *= (uint64_t)base;
        r->per++;
    }
    r->unit = (uint32_t)p;
}

static void radix_free(Radix *r) {
    for (int k = 0; k < r->levels; k++) free(r->pw[k]);
}

/* Makes pw[0..k] available. */
static bool radix_power(Radix *r, int k) {
    if (k >= MAX_LEVELS) return false;
    while (r->levels <= k) {
        int j = r->levels;
        if (j == 0) {
            r->pw[0] = malloc(sizeof(uint32_t));
            if (!r->pw[0]) return false;
            r->pw[0][0] = r->unit;
            r->pn[0] = 1;
        } else {
            size_t n = r->pn[j - 1];
            uint32_t *sq = malloc(2 * n * sizeof *sq);
            if (!sq || !mag_mul(sq, r->pw[j - 1], n, r->pw[j - 1], n)) {
                free(sq);
                return false;
            }
            r->pw[j] = sq;
            r->pn[j] = mag_norm(sq, 2 * n);
        }
        r->levels++;
    }
    return true;
}

/* ---- magnitude -> characters ---- */

/* Writes exactly `width` characters (zero padded) for x; x < base^width. Quadratic. */
static bool leaf_to_chars(const Radix *r, const uint32_t *x, size_t xn, char *out, size_t width,
                          const char *digs) {
    uint32_t *t = malloc((xn + 1) * sizeof *t);
    if (!t) return false;
    memcpy(t, x, xn * sizeof *t);
    char *p = out + width;
    while (p > out) {
        uint32_t c = xn ? mag_divrem1(t, t, xn, r->unit) : 0;
        xn = mag_norm(t, xn);
        for (unsigned j = 0; j < r->per && p > out; j++) {
            *--p = digs[c % (uint32_t)r->base];
            c /= (uint32_t)r->base;
        }
    }
    free(t);
    return true;
}

/* Writes exactly per * 2^(k+1) characters for x < pw[k]^2: high half x / pw[k], low half
 * x % pw[k]. */
static bool rec_to_chars(Radix *r, const uint32_t *x, size_t xn, int k, char *out,
                         const char *digs) {
    size_t width = (size_t)r->per << (k + 1);
    xn = mag_norm(x, xn);
    if (xn <= RADIX_LEAF_DIGITS || k == 0) return leaf_to_chars(r, x, xn, out, width, digs);
    const uint32_t *p = r->pw[k];
    size_t pn = r->pn[k];
    if (mag_cmp(x, xn, p, pn) < 0) { /* high half is all zeros */
        memset(out, '0', width / 2);
        return rec_to_chars(r, x, xn, k - 1, out + width / 2, digs);
    }
    size_t qn = xn - pn + 1;
    uint32_t *q = malloc((qn + pn) * sizeof *q);
    if (!q) return false;
    uint32_t *rem = q + qn;
    bool ok = mag_divrem(q, rem, x, xn, p, pn) &&
              rec_to_chars(r, q, qn, k - 1, out, digs) &&
              rec_to_chars(r, rem, pn, k - 1, out + width / 2, digs);
    free(q);
    return ok;
}

char *bi_radix_to_chars(const uint32_t *x, size_t xn, int base, const char *digs,
                        size_t *len) {
    Radix r;
    radix_init(&r, base);
    /* smallest k with x < pw[k]^2, i.e. x fits in per * 2^(k+1) characters */
    int k = 0;
    char *s = NULL;
    for (;; k++) {
        if (!radix_power(&r, k)) goto out;
        if (2 * r.pn[k] > xn + 1) break;
    }
    size_t width = (size_t)r.per << (k + 1);
    s = malloc(width + 1);
    if (!s) goto out;
    if (!rec_to_chars(&r, x, xn, k, s, digs)) {
        free(s);
        s = NULL;
        goto out;
    }
    size_t lead = 0;
    while (lead + 1 < width && s[lead] == '0') lead++;
    memmove(s, s + lead, width - lead);
    s[width - lead] = 0;
    *len = width - lead;
out:
    radix_free(&r);
    return s;
}

/* ---- characters -> magnitude ---- */

static int char_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    return (c | 0x20) - 'a' + 10;
}

/* Quadratic: multiply-add one chunk of `per` characters at a time. Returns the length. */
static size_t leaf_from_chars(const Radix *r, const char *s, size_t n, uint32_t *d) {
    size_t dn = 0;
    size_t first = n % r->per ? n % r->per : r->per;
    for (size_t i = 0; i < n;) {
        size_t take = i == 0 ? first : r->per;
        uint32_t acc = 0, mul = 1;
        for (size_t j = 0; j < take; j++, i++) {
            acc = acc * (uint32_t)r->base + (uint32_t)char_value(s[i]);
            mul *= (uint32_t)r->base;
        }
        uint32_t carry = mag_muladd1(d, d, dn, mul, acc);
        if (carry) d[dn++] = carry;
    }
    return dn;
}

/* Digits needed for n characters: n * log2(base) / 32, rounded up generously. */
static size_t digits_for(const Radix *r, size_t n) {
    return (size_t)((uint64_t)n * (uint64_t)(32 - __builtin_clz((unsigned)r->base)) / 32) + 2;
}

/* s[0..n) -> d (capacity digits_for(n)); returns the length, or SIZE_MAX on OOM. */
static size_t rec_from_chars(Radix *r, const char *s, size_t n, uint32_t *d) {
    if (n <= (size_t)r->per * RADIX_LEAF_DIGITS) return leaf_from_chars(r, s, n, d);
    /* low part: the largest per * 2^k characters that leave a nonempty high part */
    int k = 0;
    while (((size_t)r->per << (k + 1)) < n) k++;
    size_t lown = (size_t)r->per << k, highn = n - lown;
    if (!radix_power(r, k)) return SIZE_MAX;
    size_t hc = digits_for(r, highn), lc = digits_for(r, lown);
    uint32_t *hi = malloc((hc + lc) * sizeof *hi);
    if (!hi) return SIZE_MAX;
    uint32_t *lo = hi + hc;
    size_t hn = rec_from_chars(r, s, highn, hi);
    size_t ln = hn == SIZE_MAX ? SIZE_MAX : rec_from_chars(r, s + highn, lown, lo);
    size_t dn = SIZE_MAX;
    if (ln != SIZE_MAX) {
        /* d = hi * pw[k] + lo */
        size_t cap = digits_for(r, n);
        memset(d, 0, cap * sizeof *d);
        if (hn == 0 || mag_mul(d, hi, hn, r->pw[k], r->pn[k])) {
            mag_add_in(d, cap, lo, ln);
            dn = mag_norm(d, cap);
        }
    }
    free(hi);
    return dn;
}

size_t bi_radix_capacity(size_t n, int base) {
    Radix r;
    radix_init(&r, base);
    return digits_for(&r, n);
}

bool bi_radix_from_chars(const char *s, size_t n, int base, uint32_t *d, size_t *dn) {
    Radix r;
    radix_init(&r, base);
    size_t len = rec_from_chars(&r, s, n, d);
    radix_free(&r);
    if (len == SIZE_MAX) return false;
    *dn = len;
    return true;
}
