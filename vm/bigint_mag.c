/* bigint_mag.c — unsigned magnitude arithmetic for bigint: add, subtract, multiply (schoolbook
 * and Karatsuba), single-digit and long division (Knuth's algorithm D). No signs, no objects:
 * everything works on (uint32_t *, size_t) pairs in caller-provided storage. */
#include "vm/bigint_impl.h"

#include <stdlib.h>

/* Below this many digits of the shorter operand, schoolbook beats Karatsuba. Measured on
 * x86-64 (gcc -O2): cutoffs 24..48 are within noise of each other, 64+ lose up to 20% at
 * 500..3000 digits. Overridable with -D for such measurements. */
#ifndef KARATSUBA_CUTOFF
#define KARATSUBA_CUTOFF 32
#endif

int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

size_t mag_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[an] = (uint32_t)carry;
    return an + 1;
}

size_t mag_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        borrow += (int64_t)a[i] - b[i];
        r[i] = (uint32_t)borrow;
        borrow >>= 32; /* arithmetic: 0 or -1 */
    }
    for (; i < an; i++) {
        borrow += a[i];
        r[i] = (uint32_t)borrow;
        borrow >>= 32;
    }
    return an;
}

void mag_add_in(uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (uint64_t)a[i] + b[i];
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; carry && i < an; i++) {
        carry += a[i];
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

void mag_sub_in(uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        borrow += (int64_t)a[i] - b[i];
        a[i] = (uint32_t)borrow;
        borrow >>= 32;
    }
    for (; borrow && i < an; i++) {
        borrow += a[i];
        a[i] = (uint32_t)borrow;
        borrow >>= 32;
    }
}

uint32_t mag_muladd1(uint32_t *r, const uint32_t *a, size_t an, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (size_t i = 0; i < an; i++) {
        carry += (uint64_t)a[i] * m;
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return (uint32_t)carry;
}

size_t mag_shl_small(uint32_t *r, const uint32_t *a, size_t an, unsigned s) {
    uint32_t carry = 0;
    for (size_t i = 0; i < an; i++) {
        uint32_t x = a[i];
        r[i] = s ? (x << s) | carry : x;
        carry = s ? x >> (32 - s) : 0;
    }
    r[an] = carry;
    return an + 1;
}

/* r[0..an+bn) = a * b, quadratic. */
static void mul_school(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    memset(r, 0, (an + bn) * sizeof *r);
    for (size_t i = 0; i < bn; i++) {
        uint64_t carry = 0, m = b[i];
        if (m == 0) continue;
        uint32_t *ri = r + i;
        for (size_t j = 0; j < an; j++) {
            carry += a[j] * m + ri[j];
            ri[j] = (uint32_t)carry;
            carry >>= 32;
        }
        ri[an] = (uint32_t)carry;
    }
}

/* r[0..2n) = a^2: each cross product a[i]*a[j] (i<j) once, doubled, plus the squares. */
static void sqr_school(uint32_t *r, const uint32_t *a, size_t n) {
    memset(r, 0, 2 * n * sizeof *r);
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = 0, m = a[i];
        for (size_t j = i + 1; j < n; j++) {
            carry += a[j] * m + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + n] = (uint32_t)carry;
    }
    mag_shl_small(r, r, 2 * n - 1, 1); /* top digit is 0 before doubling, so no overflow */
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t sq = (uint64_t)a[i] * a[i];
        carry += (uint64_t)r[2 * i] + (uint32_t)sq;
        r[2 * i] = (uint32_t)carry;
        carry >>= 32;
        carry += (uint64_t)r[2 * i + 1] + (sq >> 32);
        r[2 * i + 1] = (uint32_t)carry;
        carry >>= 32;
    }
}

static bool mul_rec(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* a much longer than b: multiply b by successive bn-digit slices of a. */
static bool mul_unbalanced(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                           size_t bn) {
    uint32_t *t = malloc(2 * bn * sizeof *t);
    if (!t) return false;
    memset(r, 0, (an + bn) * sizeof *r);
    for (size_t off = 0; off < an; off += bn) {
        size_t k = an - off < bn ? an - off : bn;
        bool ok = k >= bn ? mul_rec(t, a + off, k, b, bn) : mul_rec(t, b, bn, a + off, k);
        if (!ok) {
            free(t);
            return false;
        }
        mag_add_in(r + off, an + bn - off, t, k + bn);
    }
    free(t);
    return true;
}

/* Karatsuba on a (an digits) * b (bn digits), an >= bn > an/2:
 * with a = a1*B^h + a0, b = b1*B^h + b0,
 * a*b = z2*B^2h + ((a0+a1)(b0+b1) - z2 - z0)*B^h + z0. */
static bool mul_karatsuba(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                          size_t bn) {
    size_t h = an / 2;
    bool square = a == b && an == bn;
    size_t sn = an - h + 1; /* a0 + a1 fits in max(h, an-h) + 1 = an - h + 1 digits */
    uint32_t *buf = malloc((2 * sn + 2 * sn) * sizeof *buf);
    if (!buf) return false;
    uint32_t *sa = buf, *sb = buf + sn, *z1 = buf + 2 * sn;
    bool ok = false;

    /* z0 and z2 go straight into their final, disjoint places in r. */
    if (!mul_rec(r, a, h, b, h)) goto out;
    if (!mul_rec(r + 2 * h, a + h, an - h, b + h, bn - h)) goto out;

    mag_add(sa, a + h, an - h, a, h);
    size_t san = mag_norm(sa, sn), sbn = san;
    if (!square) {
        size_t b1n = bn - h;
        if (b1n >= h) mag_add(sb, b + h, b1n, b, h);
        else mag_add(sb, b, h, b + h, b1n);
        sbn = mag_norm(sb, (b1n > h ? b1n : h) + 1);
    }
    size_t zn = san + sbn;
    if (san == 0 || sbn == 0) {
        zn = 0;
    } else if (san >= sbn) {
        if (!mul_rec(z1, sa, san, square ? sa : sb, sbn)) goto out;
    } else {
        if (!mul_rec(z1, sb, sbn, sa, san)) goto out;
    }
    zn = mag_norm(z1, zn);
    mag_sub_in(z1, zn, r, mag_norm(r, 2 * h));
    mag_sub_in(z1, zn, r + 2 * h, mag_norm(r + 2 * h, an + bn - 2 * h));
    zn = mag_norm(z1, zn);
    mag_add_in(r + h, an + bn - h, z1, zn);
    ok = true;
out:
    free(buf);
    return ok;
}

/* Requires an >= bn. Dispatches on sizes. */
static bool mul_rec(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (bn < KARATSUBA_CUTOFF) {
        if (a == b && an == bn) sqr_school(r, a, an);
        else mul_school(r, a, an, b, bn);
        return true;
    }
    if (2 * bn <= an) return mul_unbalanced(r, a, an, b, bn);
    return mul_karatsuba(r, a, an, b, bn);
}

bool mag_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (an == 0 || bn == 0) {
        memset(r, 0, (an + bn) * sizeof *r);
        return true;
    }
    if (an < bn) return mul_rec(r, b, bn, a, an);
    return mul_rec(r, a, an, b, bn);
}

uint32_t mag_divrem1(uint32_t *q, const uint32_t *a, size_t an, uint32_t v) {
    uint64_t rem = 0;
    for (size_t i = an; i-- > 0;) {
        rem = (rem << 32) | a[i];
        uint32_t qi = (uint32_t)(rem / v);
        rem -= (uint64_t)qi * v;
        if (q) q[i] = qi;
    }
    return (uint32_t)rem;
}

/* One step of algorithm D: u[0..n] -= qhat * v[0..n); returns true if it went negative (then
 * adds v back once, as Knuth proves at most one correction is needed here). */
static bool submul_step(uint32_t *u, const uint32_t *v, size_t n, uint32_t qhat) {
    uint64_t carry = 0;
    int64_t borrow = 0;
    for (size_t i = 0; i < n; i++) {
        carry += (uint64_t)qhat * v[i];
        borrow += (int64_t)u[i] - (uint32_t)carry;
        carry >>= 32;
        u[i] = (uint32_t)borrow;
        borrow >>= 32;
    }
    borrow += (int64_t)u[n] - (int64_t)carry;
    u[n] = (uint32_t)borrow;
    if (borrow >= 0) return false;
    uint64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += (uint64_t)u[i] + v[i];
        u[i] = (uint32_t)c;
        c >>= 32;
    }
    u[n] += (uint32_t)c;
    return true;
}

bool mag_divrem(uint32_t *q, uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                size_t bn) {
    if (bn == 1) {
        uint32_t rem = mag_divrem1(q, a, an, b[0]);
        if (r) r[0] = rem;
        return true;
    }
    /* Normalize so the divisor's top bit is set: makes the qhat estimate off by at most 2. */
    unsigned s = (unsigned)__builtin_clz(b[bn - 1]);
    uint32_t *u = malloc((an + 1 + bn) * sizeof *u);
    if (!u) return false;
    uint32_t *v = u + an + 1;
    mag_shl_small(u, a, an, s);
    mag_shl_small(v, b, bn - 1, s); /* writes v[0..bn-1]; v[bn-1] is fixed up next */
    v[bn - 1] = (b[bn - 1] << s) | (s ? b[bn - 2] >> (32 - s) : 0); /* cannot spill */
    uint64_t vt = v[bn - 1], vs = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        uint64_t top = ((uint64_t)u[j + bn] << 32) | u[j + bn - 1];
        uint64_t qhat = top / vt, rhat = top % vt;
        while (qhat > 0xffffffffu || qhat * vs > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vt;
            if (rhat > 0xffffffffu) break;
        }
        if (submul_step(u + j, v, bn, (uint32_t)qhat)) qhat--;
        if (q) q[j] = (uint32_t)qhat;
    }
    if (r) {
        /* remainder is u[0..bn) >> s */
        for (size_t i = 0; i < bn; i++) {
            uint32_t hi = i + 1 < bn ? u[i + 1] : 0;
            r[i] = s ? (u[i] >> s) | (hi << (32 - s)) : u[i];
        }
    }
    free(u);
    return true;
}
