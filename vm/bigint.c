/* bigint.c — the BigInt object layer: construction and conversion (int64, uint64, double),
 * comparison, hashing, add/subtract/negate, and the bitwise operations with Python's
 * two's-complement semantics. Multiplication and powers live in bigint_pow.c, division in
 * bigint_div.c, text and bytes in bigint_str.c, raw digit arithmetic in bigint_mag.c. */
#include "vm/bigint_impl.h"

#include <math.h>
#include <stdlib.h>

BigInt *bi_from_mag(const uint32_t *d, size_t n, bool neg) {
    n = mag_norm(d, n);
    BigInt *r = bigint_alloc(n);
    if (!r) return NULL;
    if (n) memcpy(r->d, d, n * sizeof *d);
    return bi_finish(r, n, neg);
}

BigInt *bi_from_temp(BiTemp *t) {
    BigInt *r = bi_from_mag(t->d, t->n, t->neg);
    free(t->d);
    t->d = NULL;
    return r;
}

/* ---- int64 / uint64 ------------------------------------------------------------------- */

static size_t u64_digits(uint64_t m, uint32_t *d) {
    d[0] = (uint32_t)m;
    d[1] = (uint32_t)(m >> 32);
    return d[1] ? 2 : d[0] ? 1 : 0;
}

static uint64_t i64_mag(int64_t v) { return v < 0 ? -(uint64_t)v : (uint64_t)v; }

const BigInt *bigint_tmp(BigIntTmp *t, int64_t v) {
    memset(&t->b.head, 0, sizeof t->b.head);
    size_t n = u64_digits(i64_mag(v), t->b.d);
    t->b.size = v < 0 ? -(int64_t)n : (int64_t)n;
    return &t->b;
}

BigInt *bigint_from_i64(int64_t v) {
    uint32_t d[2];
    size_t n = u64_digits(i64_mag(v), d);
    return bi_from_mag(d, n, v < 0);
}

BigInt *bigint_from_u64(uint64_t v) {
    uint32_t d[2];
    return bi_from_mag(d, u64_digits(v, d), false);
}

BigInt *bigint_copy(const BigInt *a) { return bi_from_mag(a->d, bi_len(a), bi_neg(a)); }

bool bigint_to_u64(const BigInt *a, uint64_t *out) {
    size_t n = bi_len(a);
    if (bi_neg(a) || n > 2) return false;
    *out = n == 0 ? 0 : n == 1 ? a->d[0] : ((uint64_t)a->d[1] << 32 | a->d[0]);
    return true;
}

bool bigint_to_i64(const BigInt *a, int64_t *out) {
    size_t n = bi_len(a);
    if (n > 2) return false;
    uint64_t m = n == 0 ? 0 : n == 1 ? a->d[0] : ((uint64_t)a->d[1] << 32 | a->d[0]);
    if (bi_neg(a)) {
        if (m > (uint64_t)1 << 63) return false;
        *out = (int64_t)(0 - m); /* 2^63 wraps to INT64_MIN, as intended */
    } else {
        if (m > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)m;
    }
    return true;
}

/* ---- double ------------------------------------------------------------------------------ */

/* The integer part of a finite x >= 1 as a magnitude; a double < 2^1024 needs <= 32 digits. */
#define DBL_MAG_DIGITS 34
static size_t dbl_to_mag(double x, uint32_t out[DBL_MAG_DIGITS]) {
    int e;
    double m = frexp(x, &e); /* x = m * 2^e, 0.5 <= m < 1, e >= 1 */
    memset(out, 0, DBL_MAG_DIGITS * sizeof *out);
    if (e <= 64) return u64_digits((uint64_t)x, out); /* conversion truncates, exact here */
    uint64_t mant = (uint64_t)ldexp(m, 53);          /* exact: all 53 bits are integral now */
    unsigned shift = (unsigned)(e - 53);
    unsigned q = shift / 32, r = shift % 32;
    out[q] = (uint32_t)(mant << r);
    out[q + 1] = (uint32_t)(mant >> (32 - r));
    out[q + 2] = r ? (uint32_t)(mant >> (64 - r)) : 0;
    return mag_norm(out, q + 3);
}

BigInt *bigint_from_double(double v) {
    uint32_t d[DBL_MAG_DIGITS];
    double x = fabs(v);
    size_t n = x < 1.0 ? 0 : dbl_to_mag(x, d);
    return bi_from_mag(d, n, v < 0);
}

/* Top 64 bits of a magnitude of `bits` bits (> 64), with a sticky bit ORed into bit 0 when any
 * lower bit is set: enough for a single correct rounding to 53 bits. */
static uint64_t top64_sticky(const uint32_t *d, size_t n, uint64_t bits) {
    uint64_t shift = bits - 64; /* bits below the window */
    size_t q = (size_t)(shift / 32);
    unsigned r = (unsigned)(shift % 32);
    uint64_t w = (uint64_t)d[q] >> r;
    w |= (uint64_t)(q + 1 < n ? d[q + 1] : 0) << (32 - r);
    if (q + 2 < n && r) w |= (uint64_t)d[q + 2] << (64 - r);
    bool sticky = r && (d[q] & ((1u << r) - 1));
    for (size_t i = 0; !sticky && i < q; i++) sticky = d[i] != 0;
    return w | sticky;
}

double bigint_to_double(const BigInt *a, bool *overflow) {
    size_t n = bi_len(a);
    uint64_t bits = mag_bits(a->d, n);
    *overflow = false;
    double x;
    if (bits <= 64) {
        uint64_t m = n == 0 ? 0 : n == 1 ? a->d[0] : ((uint64_t)a->d[1] << 32 | a->d[0]);
        x = (double)m; /* the hardware conversion rounds half to even */
    } else if (bits > 1024) {
        *overflow = true;
        return 0.0;
    } else {
        x = ldexp((double)top64_sticky(a->d, n, bits), (int)(bits - 64));
        if (isinf(x)) { /* rounded up to 2^1024 */
            *overflow = true;
            return 0.0;
        }
    }
    return bi_neg(a) ? -x : x;
}

/* ---- comparison and hashing ---------------------------------------------------------------- */

int bigint_cmp(const BigInt *a, const BigInt *b) {
    if (a->size != b->size) return a->size < b->size ? -1 : 1;
    int c = mag_cmp(a->d, bi_len(a), b->d, bi_len(b));
    return bi_neg(a) ? -c : c;
}

bool bigint_eq(const BigInt *a, const BigInt *b) { return bigint_cmp(a, b) == 0; }

int bigint_cmp_double(const BigInt *a, double d) {
    if (isinf(d)) return d > 0 ? -1 : 1;
    int sa = bigint_sign(a), sd = (d > 0) - (d < 0);
    if (sa != sd) return sa < sd ? -1 : 1;
    if (sa == 0) return 0;
    double x = fabs(d);
    uint32_t t[DBL_MAG_DIGITS];
    size_t tn = x < 1.0 ? 0 : dbl_to_mag(x, t);
    int c = mag_cmp(a->d, bi_len(a), t, tn);
    if (c == 0 && x != floor(x)) c = -1; /* |a| == trunc(|d|) < |d| */
    return sa < 0 ? -c : c;
}

uint64_t bigint_bit_length(const BigInt *a) { return mag_bits(a->d, bi_len(a)); }

uint64_t bigint_bit_count(const BigInt *a) {
    uint64_t c = 0;
    for (size_t i = 0, n = bi_len(a); i < n; i++) c += (uint64_t)__builtin_popcount(a->d[i]);
    return c;
}

/* CPython hashes ints as value mod P with P = 2^61 - 1 (sys.hash_info.modulus). Multiplying by
 * 2^32 mod P is a rotation within 61 bits, so Horner's rule needs no wide arithmetic. */
#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

int64_t bigint_hash(const BigInt *a) {
    uint64_t x = 0;
    for (size_t i = bi_len(a); i-- > 0;) {
        x = ((x << 32) & HASH_MOD) | (x >> (HASH_BITS - 32));
        x += a->d[i];
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    int64_t h = bi_neg(a) ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ---- add / subtract ------------------------------------------------------------------------ */

static BigInt *add_signed(const BigInt *a, const BigInt *b, bool bneg) {
    const uint32_t *ad = a->d, *bd = b->d;
    size_t an = bi_len(a), bn = bi_len(b);
    bool aneg = bi_neg(a);
    if (an < bn) { /* make a the longer one; the sign travels with it */
        const uint32_t *td = ad; ad = bd; bd = td;
        size_t tn = an; an = bn; bn = tn;
        bool tg = aneg; aneg = bneg; bneg = tg;
    }
    if (aneg == bneg) {
        BigInt *r = bigint_alloc(an + 1);
        if (!r) return NULL;
        return bi_finish(r, mag_add(r->d, ad, an, bd, bn), aneg);
    }
    int c = mag_cmp(ad, an, bd, bn);
    BigInt *r = bigint_alloc(an);
    if (!r) return NULL;
    if (c >= 0) return bi_finish(r, mag_sub(r->d, ad, an, bd, bn), aneg);
    return bi_finish(r, mag_sub(r->d, bd, bn, ad, an), bneg); /* only when an == bn */
}

BigInt *bigint_add(const BigInt *a, const BigInt *b) { return add_signed(a, b, bi_neg(b)); }
BigInt *bigint_sub(const BigInt *a, const BigInt *b) {
    return add_signed(a, b, b->size > 0);
}

BigInt *bigint_neg(const BigInt *a) { return bi_from_mag(a->d, bi_len(a), a->size > 0); }
BigInt *bigint_abs(const BigInt *a) { return bi_from_mag(a->d, bi_len(a), false); }

/* ---- shifts ---------------------------------------------------------------------------------- */

BigInt *bigint_lshift(const BigInt *a, uint64_t n) {
    size_t an = bi_len(a);
    if (an == 0) return bi_from_mag(NULL, 0, false);
    uint64_t q = n / 32;
    if (q >= BI_MAX_DIGITS - an) return NULL;
    BigInt *r = bigint_alloc(an + (size_t)q + 1);
    if (!r) return NULL;
    memset(r->d, 0, (size_t)q * sizeof *r->d);
    size_t rn = mag_shl_small(r->d + q, a->d, an, (unsigned)(n % 32));
    return bi_finish(r, rn + (size_t)q, bi_neg(a));
}

BigInt *bigint_rshift(const BigInt *a, uint64_t n) {
    size_t an = bi_len(a);
    bool neg = bi_neg(a);
    uint64_t q64 = n / 32;
    if (q64 >= an) { /* every bit shifted out: 0, or -1 for negatives (floor) */
        uint32_t one = 1;
        return bi_from_mag(&one, neg ? 1 : 0, neg);
    }
    size_t q = (size_t)q64, rn = an - q;
    unsigned s = (unsigned)(n % 32);
    BigInt *r = bigint_alloc(rn + 1); /* +1: flooring a negative may carry into a new digit */
    if (!r) return NULL;
    bool lost = s && (a->d[q] & ((1u << s) - 1));
    for (size_t i = 0; !lost && i < q; i++) lost = a->d[i] != 0;
    for (size_t i = 0; i < rn; i++) {
        uint32_t hi = i + 1 < rn ? a->d[q + i + 1] : 0;
        r->d[i] = s ? (a->d[q + i] >> s) | (hi << (32 - s)) : a->d[q + i];
    }
    r->d[rn] = 0;
    if (neg && lost) { /* floor: -(|a| >> n) - 1 when bits were dropped */
        uint32_t one = 1;
        mag_add_in(r->d, rn + 1, &one, 1);
    }
    return bi_finish(r, rn + 1, neg);
}

/* ---- bitwise ----------------------------------------------------------------------------------- */

/* Streams the two's-complement digits of a signed magnitude: for a negative x they are
 * ~(|x| - 1), computed with a running borrow, and extend with all-ones. */
typedef struct {
    const uint32_t *d;
    size_t n;
    bool neg;
    uint32_t borrow;
} TcReader;

static uint32_t tc_next(TcReader *t, size_t i) {
    uint32_t x = i < t->n ? t->d[i] : 0;
    if (!t->neg) return x;
    uint32_t y = x - t->borrow;
    t->borrow = t->borrow && x == 0;
    return ~y;
}

enum { OP_AND, OP_OR, OP_XOR };

static BigInt *bitwise(const BigInt *a, const BigInt *b, int op) {
    TcReader ra = {a->d, bi_len(a), bi_neg(a), 1}, rb = {b->d, bi_len(b), bi_neg(b), 1};
    size_t n = (ra.n > rb.n ? ra.n : rb.n) + 1;
    bool neg = op == OP_AND ? ra.neg && rb.neg : op == OP_OR ? ra.neg || rb.neg
                                                             : ra.neg != rb.neg;
    BigInt *r = bigint_alloc(n);
    if (!r) return NULL;
    uint32_t carry = 1; /* negating the result back: ~x + 1 */
    for (size_t i = 0; i < n; i++) {
        uint32_t x = tc_next(&ra, i), y = tc_next(&rb, i);
        uint32_t z = op == OP_AND ? x & y : op == OP_OR ? x | y : x ^ y;
        if (neg) {
            z = ~z + carry;
            carry = carry && z == 0;
        }
        r->d[i] = z;
    }
    return bi_finish(r, n, neg);
}

BigInt *bigint_and(const BigInt *a, const BigInt *b) { return bitwise(a, b, OP_AND); }
BigInt *bigint_or(const BigInt *a, const BigInt *b) { return bitwise(a, b, OP_OR); }
BigInt *bigint_xor(const BigInt *a, const BigInt *b) { return bitwise(a, b, OP_XOR); }

BigInt *bigint_invert(const BigInt *a) {
    BigIntTmp t;
    return bigint_sub(bigint_tmp(&t, -1), a); /* ~a == -1 - a */
}
