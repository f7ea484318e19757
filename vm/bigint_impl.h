/* bigint_impl.h — internals shared by the bigint_*.c files: magnitude (unsigned digit array)
 * primitives and the helpers that turn a finished magnitude into a BigInt. Not public.
 *
 * A magnitude is (uint32_t *d, size_t n), least significant digit first. "Normalized" means
 * n == 0 or d[n-1] != 0. Functions below say whether they need normalized inputs. */
#ifndef ASPEN_BIGINT_IMPL_H
#define ASPEN_BIGINT_IMPL_H

#include "vm/bigint.h"

#include <string.h>

static inline size_t bi_len(const BigInt *a) {
    return (size_t)(a->size < 0 ? -a->size : a->size);
}
static inline bool bi_neg(const BigInt *a) { return a->size < 0; }

/* Drops leading zero digits. */
static inline size_t mag_norm(const uint32_t *d, size_t n) {
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
}

/* Sets r's size from n digits already written into r->d (normalizing) and the sign. */
static inline BigInt *bi_finish(BigInt *r, size_t n, bool neg) {
    n = mag_norm(r->d, n);
    r->size = neg && n ? -(int64_t)n : (int64_t)n;
    return r;
}

/* A new BigInt holding the magnitude d[0..n) with the given sign. */
BigInt *bi_from_mag(const uint32_t *d, size_t n, bool neg);

/* Upper limit on digits we agree to allocate (about 2^36 bits): beyond it we report
 * out of memory rather than let a size computation overflow. */
#define BI_MAX_DIGITS ((size_t)1 << 31)

/* ---- magnitude arithmetic (bigint_mag.c) ---- */

int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn); /* normalized */
/* r = a + b, an >= bn; r has room for an + 1 digits; returns an + 1 (not normalized). r may
 * alias a. */
size_t mag_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);
/* r = a - b, a >= b, an >= bn; r has room for an digits; returns an. r may alias a. */
size_t mag_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);
/* a[0..an) += b[0..bn) in place; the caller guarantees the result fits in an digits. */
void mag_add_in(uint32_t *a, size_t an, const uint32_t *b, size_t bn);
/* a[0..an) -= b[0..bn) in place; the caller guarantees a >= b. */
void mag_sub_in(uint32_t *a, size_t an, const uint32_t *b, size_t bn);
/* r[0..an+bn) = a * b; r must not alias a or b. Returns false on out of memory (Karatsuba
 * scratch). */
bool mag_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);
/* q[0..an) = a / v, returns a % v; q may alias a or be NULL. v != 0. */
uint32_t mag_divrem1(uint32_t *q, const uint32_t *a, size_t an, uint32_t v);
/* r[0..an) = a * m + add; returns the carry out. r may alias a. */
uint32_t mag_muladd1(uint32_t *r, const uint32_t *a, size_t an, uint32_t m, uint32_t add);
/* Long division of normalized a (an digits) by normalized b (bn >= 1 digits, an >= bn):
 * q gets an - bn + 1 digits (may be NULL), r gets bn digits (may be NULL). false on OOM. */
bool mag_divrem(uint32_t *q, uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                size_t bn);
/* r = a << s for 0 <= s < 32, r has room for an + 1 digits; returns an + 1. May alias. */
size_t mag_shl_small(uint32_t *r, const uint32_t *a, size_t an, unsigned s);

/* Bits in a normalized magnitude. */
static inline uint64_t mag_bits(const uint32_t *d, size_t n) {
    if (n == 0) return 0;
    return (uint64_t)(n - 1) * 32 + (uint64_t)(32 - __builtin_clz(d[n - 1]));
}

/* ---- non-power-of-two bases (bigint_radix.c) ---- */

/* Characters of x in `base` using the digit alphabet `digs` (no sign, no leading zeros, "0" for
 * zero); malloc'd, length in *len; NULL on OOM. */
char *bi_radix_to_chars(const uint32_t *x, size_t xn, int base, const char *digs, size_t *len);
/* Digits of capacity needed to parse n characters. */
size_t bi_radix_capacity(size_t n, int base);
/* Parses n valid digit characters (no underscores) into d (bi_radix_capacity digits). */
bool bi_radix_from_chars(const char *s, size_t n, int base, uint32_t *d, size_t *dn);

/* Floor-divides a by b (b != 0) into malloc'd magnitudes with Python's signs.
 * *qd / *rd may be NULL to skip that result. false on OOM. Used by divmod and friends. */
typedef struct {
    uint32_t *d;
    size_t n;
    bool neg;
} BiTemp; /* a malloc'd signed number that is not (yet) a GC object */

bool bi_floor_divmod(const BigInt *a, const BigInt *b, BiTemp *q, BiTemp *r);
BigInt *bi_from_temp(BiTemp *t); /* consumes (frees) t */

#endif
