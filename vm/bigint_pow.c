/* bigint_pow.c — multiplication and exponentiation for bigint: mul, pow(base, exp) and
 * pow(base, exp, mod) including the modular inverse for negative exponents. All intermediate
 * values are malloc'd magnitudes; only the final result becomes a GC object. */
#include "vm/bigint_impl.h"

#include <stdlib.h>

BigInt *bigint_mul(const BigInt *a, const BigInt *b) {
    size_t an = bi_len(a), bn = bi_len(b);
    BigInt *r = bigint_alloc(an + bn);
    if (!r) return NULL;
    /* same object twice means squaring, which mag_mul detects by pointer equality */
    if (!mag_mul(r->d, a->d, an, a == b ? a->d : b->d, bn)) return NULL;
    return bi_finish(r, an + bn, bi_neg(a) != bi_neg(b));
}

/* ---- pow(base, exp) ----------------------------------------------------------------------- */

static bool exp_bit(const BigInt *e, uint64_t i) { return (e->d[i / 32] >> (i % 32)) & 1; }

/* |base| == 2^k: the power is a single shift. */
static bool is_pow2(const uint32_t *d, size_t n, uint64_t *k) {
    for (size_t i = 0; i + 1 < n; i++)
        if (d[i]) return false;
    if (d[n - 1] & (d[n - 1] - 1)) return false;
    *k = mag_bits(d, n) - 1;
    return true;
}

BigInt *bigint_pow(const BigInt *base, const BigInt *exp) {
    size_t bn = bi_len(base);
    uint64_t e;
    if (exp->size == 0) return bigint_from_i64(1);
    bool neg = bi_neg(base) && (exp->d[0] & 1);
    if (bn == 0) return bigint_from_i64(0);
    if (bn == 1 && base->d[0] == 1) return bigint_from_i64(neg ? -1 : 1);
    if (!bigint_to_u64(exp, &e)) return NULL; /* |base| >= 2: no memory could hold it */
    uint64_t bits = mag_bits(base->d, bn), k;
    if (e > (uint64_t)BI_MAX_DIGITS * 32 / bits) return NULL;
    if (is_pow2(base->d, bn, &k)) {
        BigIntTmp t;
        BigInt *r = bigint_lshift(bigint_tmp(&t, neg ? -1 : 1), k * e);
        return r;
    }
    size_t cap = (size_t)(bits * e / 32) + bn + 4;
    uint32_t *x = malloc(cap * sizeof *x), *y = malloc(cap * sizeof *y);
    BigInt *res = NULL;
    if (!x || !y) goto out;
    /* left to right: square for every bit, multiply by base for the set ones */
    memcpy(x, base->d, bn * sizeof *x);
    size_t xn = bn;
    for (uint64_t i = 64 - (uint64_t)__builtin_clzll(e) - 1; i-- > 0;) {
        if (!mag_mul(y, x, xn, x, xn)) goto out;
        xn = mag_norm(y, 2 * xn);
        uint32_t *t = x; x = y; y = t;
        if ((e >> i) & 1) {
            if (!mag_mul(y, x, xn, base->d, bn)) goto out;
            xn = mag_norm(y, xn + bn);
            t = x; x = y; y = t;
        }
    }
    res = bi_from_mag(x, xn, neg);
out:
    free(x);
    free(y);
    return res;
}

/* ---- pow(base, exp, mod) -------------------------------------------------------------------- */

/* Modular arithmetic over a fixed modulus m (normalized, mn digits, m >= 2). */
typedef struct {
    const uint32_t *m;
    size_t mn;
    uint32_t *prod; /* 2*mn digits of scratch for products */
} ModCtx;

/* r (room for mn digits; normalized length in *rn) = x[0..xn) mod m. r may alias x. */
static bool mod_reduce(const ModCtx *c, uint32_t *r, size_t *rn, const uint32_t *x, size_t xn) {
    xn = mag_norm(x, xn);
    if (mag_cmp(x, xn, c->m, c->mn) < 0) {
        memmove(r, x, xn * sizeof *r);
        *rn = xn;
        return true;
    }
    if (!mag_divrem(NULL, r, x, xn, c->m, c->mn)) return false;
    *rn = mag_norm(r, c->mn);
    return true;
}

/* r = a * b mod m; r may alias a or b. */
static bool mod_mul(const ModCtx *c, uint32_t *r, size_t *rn, const uint32_t *a, size_t an,
                    const uint32_t *b, size_t bn) {
    if (!mag_mul(c->prod, a, an, b, bn)) return false;
    return mod_reduce(c, r, rn, c->prod, an + bn);
}

/* Inverse of a (normalized, 0 <= a < m) modulo m by the extended Euclidean algorithm on
 * magnitudes only: the Bezout coefficients t_i alternate in sign (t_1 = 1, t_2 = -q_1, ...),
 * so |t_{i+1}| = |t_{i-1}| + q_i |t_i| and the sign is recovered from the parity of i.
 * Returns 1 and the inverse in inv (mn digits), 0 if not invertible, -1 on OOM. */
static int mod_inverse(const ModCtx *c, const uint32_t *a, size_t an, uint32_t *inv,
                       size_t *invn) {
    size_t w = c->mn + 2;
    uint32_t *buf = calloc(7 * w, sizeof *buf);
    if (!buf) return -1;
    uint32_t *r0 = buf, *r1 = buf + w, *t0 = buf + 2 * w, *t1 = buf + 3 * w, *q = buf + 4 * w;
    uint32_t *t2 = buf + 5 * w; /* 2w digits: q * t1 before normalizing */
    memcpy(r0, c->m, c->mn * sizeof *r0);
    memcpy(r1, a, an * sizeof *r1);
    size_t r0n = c->mn, r1n = an, t0n = 0, t1n = 1;
    t1[0] = 1;
    uint64_t i = 1;
    while (r1n != 0 && !(r1n == 1 && r1[0] == 1)) {
        size_t qn = r0n - r1n + 1;
        memset(q, 0, w * sizeof *q);
        /* r0 <- r0 mod r1 into r0's own buffer via a temporary in t2 */
        if (!mag_divrem(q, t2, r0, r0n, r1, r1n)) goto oom;
        memcpy(r0, t2, r1n * sizeof *r0);
        size_t remn = mag_norm(r0, r1n);
        qn = mag_norm(q, qn);
        /* t2 = t0 + q * t1 */
        memset(t2, 0, 2 * w * sizeof *t2);
        if (!mag_mul(t2, q, qn, t1, t1n)) goto oom;
        size_t t2n = mag_norm(t2, qn + t1n);
        mag_add_in(t2, 2 * w, t0, t0n);
        t2n = mag_norm(t2, (t2n > t0n ? t2n : t0n) + 1);
        /* rotate: (r0, r1) <- (r1, rem); (t0, t1) <- (t1, t2) */
        uint32_t *tmp = r0; r0 = r1; r1 = tmp;
        r0n = r1n; r1n = remn;
        memset(t0, 0, w * sizeof *t0);
        memcpy(t0, t2, t2n * sizeof *t0);
        tmp = t0; t0 = t1; t1 = tmp;
        t0n = t1n; t1n = t2n;
        i++;
    }
    int found = r1n != 0;
    if (found) {
        memset(inv, 0, c->mn * sizeof *inv);
        if (i & 1) memcpy(inv, t1, t1n * sizeof *inv);
        else mag_sub(inv, c->m, c->mn, t1, t1n);
        *invn = mag_norm(inv, c->mn);
    }
    free(buf);
    return found;
oom:
    free(buf);
    return -1;
}

int bigint_powmod(const BigInt *base, const BigInt *exp, const BigInt *mod, BigInt **out) {
    size_t mn = bi_len(mod);
    *out = NULL;
    if (mn == 1 && mod->d[0] == 1) { /* anything mod 1 is 0, even a "non-invertible" base */
        *out = bigint_from_i64(0);
        return *out ? BIGINT_OK : BIGINT_ENOMEM;
    }
    ModCtx c = {mod->d, mn, malloc(2 * (mn + 1) * sizeof(uint32_t))};
    uint32_t *b = malloc(mn * sizeof *b), *x = malloc(mn * sizeof *x);
    int status = BIGINT_ENOMEM;
    if (!c.prod || !b || !x) goto out;
    /* b = base mod m, in [0, m) */
    size_t bn;
    if (!mod_reduce(&c, b, &bn, base->d, bi_len(base))) goto out;
    if (bi_neg(base) && bn) bn = mag_norm(b, mag_sub(b, c.m, mn, b, bn));
    if (bi_neg(exp)) {
        int found = mod_inverse(&c, b, bn, x, &bn);
        if (found < 0) goto out;
        if (!found) {
            status = BIGINT_NOT_INVERTIBLE;
            goto out;
        }
        memcpy(b, x, bn * sizeof *b);
    }
    size_t xn = 1;
    x[0] = 1;
    for (uint64_t i = bigint_bit_length(exp); i-- > 0;) {
        if (!mod_mul(&c, x, &xn, x, xn, x, xn)) goto out;
        if (exp_bit(exp, i) && !mod_mul(&c, x, &xn, x, xn, b, bn)) goto out;
    }
    /* Python gives the result the modulus's sign */
    bool neg = bi_neg(mod) && xn;
    if (neg) xn = mag_norm(x, mag_sub(x, c.m, mn, x, xn));
    *out = bi_from_mag(x, xn, neg);
    status = *out ? BIGINT_OK : BIGINT_ENOMEM;
out:
    free(c.prod);
    free(b);
    free(x);
    return status;
}
