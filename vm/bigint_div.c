/* bigint_div.c — division for bigint: floor division and modulo with Python's signs, divmod,
 * and true division to a correctly rounded double (after CPython's long_true_divide). */
#include "vm/bigint_impl.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

bool bi_floor_divmod(const BigInt *a, const BigInt *b, BiTemp *q, BiTemp *r) {
    size_t an = bi_len(a), bn = bi_len(b);
    bool aneg = bi_neg(a), bneg = bi_neg(b);
    size_t qn = an >= bn ? an - bn + 1 : 0;
    uint32_t *qd = malloc((qn + 1) * sizeof *qd), *rd = malloc(bn * sizeof *rd);
    if (!qd || !rd) goto oom;
    size_t rn;
    if (qn == 0) {
        memcpy(rd, a->d, an * sizeof *rd);
        rn = an;
    } else {
        if (!mag_divrem(qd, rd, a->d, an, b->d, bn)) goto oom;
        rn = mag_norm(rd, bn);
    }
    qd[qn] = 0;
    /* Truncated division rounds toward zero; when the signs differ and there is a remainder,
     * floor is one further from zero and the remainder flips to b's side. */
    if (aneg != bneg && rn != 0) {
        uint32_t one = 1;
        mag_add_in(qd, qn + 1, &one, 1);
        mag_sub(rd, b->d, bn, rd, rn);
        rn = mag_norm(rd, bn);
    }
    if (q) *q = (BiTemp){qd, mag_norm(qd, qn + 1), aneg != bneg};
    else free(qd);
    if (r) *r = (BiTemp){rd, rn, bneg};
    else free(rd);
    return true;
oom:
    free(qd);
    free(rd);
    return false;
}

BigInt *bigint_floordiv(const BigInt *a, const BigInt *b) {
    BiTemp q;
    if (!bi_floor_divmod(a, b, &q, NULL)) return NULL;
    return bi_from_temp(&q);
}

BigInt *bigint_mod(const BigInt *a, const BigInt *b) {
    BiTemp r;
    if (!bi_floor_divmod(a, b, NULL, &r)) return NULL;
    return bi_from_temp(&r);
}

bool bigint_divmod(const BigInt *a, const BigInt *b, BigInt **q, BigInt **r) {
    BiTemp tq, tr;
    if (!bi_floor_divmod(a, b, &tq, &tr)) return false;
    *q = bi_from_temp(&tq);
    *r = *q ? bi_from_temp(&tr) : NULL;
    if (!*q) free(tr.d);
    return *q && *r;
}

/* ---- true division ------------------------------------------------------------------------- */

static uint64_t mag_low64(const uint32_t *d, size_t n) {
    return n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]);
}

/* |a| * 2^-shift truncated into a fresh buffer (*xn digits); *inexact set if bits were lost. */
static uint32_t *scaled(const BigInt *a, int64_t shift, size_t *xn, bool *inexact) {
    size_t an = bi_len(a);
    if (shift <= 0) {
        size_t q = (size_t)(-shift / 32);
        uint32_t *x = calloc(an + q + 1, sizeof *x);
        if (!x) return NULL;
        mag_shl_small(x + q, a->d, an, (unsigned)(-shift % 32));
        *xn = mag_norm(x, an + q + 1);
        return x;
    }
    size_t q = (size_t)(shift / 32);
    unsigned s = (unsigned)(shift % 32);
    size_t n = an > q ? an - q : 0;
    uint32_t *x = malloc((n + 1) * sizeof *x);
    if (!x) return NULL;
    for (size_t i = 0; i < q && i < an && !*inexact; i++) *inexact = a->d[i] != 0;
    if (s && q < an && (a->d[q] & ((1u << s) - 1))) *inexact = true;
    for (size_t i = 0; i < n; i++) {
        uint32_t hi = q + i + 1 < an ? a->d[q + i + 1] : 0;
        x[i] = s ? (a->d[q + i] >> s) | (hi << (32 - s)) : a->d[q + i];
    }
    *xn = mag_norm(x, n);
    return x;
}

/* The idea (CPython's): scale a so that the integer quotient a*2^-shift // b has 54 or 55
 * bits, then round that quotient once, to 53 bits (fewer for subnormals), half to even, using
 * a sticky bit for everything discarded by the shift and the division. */
double bigint_truediv(const BigInt *a, const BigInt *b, bool *overflow) {
    *overflow = false;
    bool neg = bi_neg(a) != bi_neg(b);
    size_t an = bi_len(a), bn = bi_len(b);
    if (an == 0) return neg ? -0.0 : 0.0;
    int64_t abits = (int64_t)mag_bits(a->d, an), bbits = (int64_t)mag_bits(b->d, bn);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) { /* both exact as doubles */
        double x = (double)mag_low64(a->d, an) / (double)mag_low64(b->d, bn);
        return neg ? -x : x;
    }
    int64_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP) goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return neg ? -0.0 : 0.0;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;

    bool inexact = false;
    size_t xn = 0;
    uint32_t *x = scaled(a, shift, &xn, &inexact);
    if (!x) return NAN; /* out of memory: tiny buffers, practically unreachable */
    uint64_t qv = 0;
    if (xn >= bn) {
        uint32_t *qd = malloc((xn - bn + 1 + bn) * sizeof *qd);
        if (!qd) {
            free(x);
            return NAN;
        }
        uint32_t *rd = qd + (xn - bn + 1);
        mag_divrem(qd, rd, x, xn, b->d, bn);
        qv = mag_low64(qd, mag_norm(qd, xn - bn + 1)); /* at most 55 bits */
        if (mag_norm(rd, bn)) inexact = true;
        free(qd);
    } else {
        inexact = inexact || xn > 0;
    }
    free(x);

    int64_t xbits = qv ? 64 - __builtin_clzll(qv) : 0;
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = qv | inexact;
    if ((low & mask) && (low & (3 * mask - 1))) qv += mask;
    qv &= ~(2 * mask - 1);
    double dx = (double)qv; /* exact: at most 54 significant bits, low ones cleared */
    if (shift + xbits >= DBL_MAX_EXP &&
        (shift + xbits > DBL_MAX_EXP || dx == ldexp(1.0, (int)xbits)))
        goto overflow;
    double r = ldexp(dx, (int)shift);
    return neg ? -r : r;
overflow:
    *overflow = true;
    return 0.0;
}
