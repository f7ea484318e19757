/* bigint.h — arbitrary-precision integers behind Python's `int` (prefix `bigint_`).
 *
 * Pure C: the only thing this module knows about the VM is the object header (Obj) and the
 * allocator bigint_alloc() that the VM provides. Semantics are exactly CPython 3.11's.
 *
 * Representation: sign-magnitude, base 2^32, least significant digit first, normalized (the top
 * digit is nonzero; zero has size 0). The sign of `size` is the sign of the value.
 *
 * Ownership and errors:
 *   - Every operation returns a NEW normalized BigInt (never one of its inputs, never a tmp view)
 *     and never modifies its inputs. NULL means out of memory, nothing else.
 *   - Inputs must stay alive for the duration of the call (the caller roots them); the GC must
 *     not move objects.
 *   - Each operation calls bigint_alloc() at most once, as late as possible, and keeps its own
 *     temporaries in malloc'd memory — so a collection inside bigint_alloc() cannot free an
 *     unrooted intermediate. The single exception is bigint_divmod() (two results; see there).
 *   - Preconditions the caller checks (these are Python exceptions the VM raises itself):
 *     division/modulo by zero, negative shift counts, negative exponents without a modulus,
 *     pow() modulus zero, inf/nan passed to bigint_from_double, int() base outside {0, 2..36}.
 *   - Nothing here has global mutable state.
 */
#ifndef ASPEN_BIGINT_H
#define ASPEN_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/value.h" /* Obj: the 16-byte object header every heap object starts with */

typedef struct BigInt {
    Obj head;     /* owned by the VM; never touched here */
    int64_t size; /* |size| = number of 32-bit digits in use; sign(size) = sign; 0 == zero */
    uint32_t d[]; /* base 2^32, least significant first, top digit nonzero */
} BigInt;

/* Provided by the VM, not by this module: a BigInt with capacity for `ndigits` digits and
 * size 0 (digits need not be zeroed). NULL when out of memory. Objects are garbage collected;
 * this module never frees them. */
BigInt *bigint_alloc(size_t ndigits);

/* ---- views of int64 values without allocation ------------------------------------------- */

/* Caller-provided storage for a read-only BigInt view of an int64 (two digits suffice for any
 * int64, including INT64_MIN). A union rather than a struct-with-a-struct-member keeps the
 * flexible array member legal C; `.b.d[0..1]` land inside `words`. Usage:
 *     BigIntTmp t; const BigInt *x = bigint_tmp(&t, 42); ... bigint_add(x, y) ...
 * The view lives as long as `t`; never hand it to the VM as an object (its header is zeroed). */
typedef union BigIntTmp {
    BigInt b;
    uint64_t words[(sizeof(BigInt) + 2 * sizeof(uint32_t) + 7) / 8];
} BigIntTmp;

const BigInt *bigint_tmp(BigIntTmp *t, int64_t v);

/* ---- conversions ------------------------------------------------------------------------- */

BigInt *bigint_from_i64(int64_t v);
BigInt *bigint_from_u64(uint64_t v);
/* Truncates toward zero, like int(3.9) == 3, int(-3.9) == -3. `v` must be finite. */
BigInt *bigint_from_double(double v);
/* A copy (useful to turn a tmp view into a real object). */
BigInt *bigint_copy(const BigInt *a);

/* True and *out set when the value fits in int64 / uint64; false (out untouched) otherwise. */
bool bigint_to_i64(const BigInt *a, int64_t *out);
bool bigint_to_u64(const BigInt *a, uint64_t *out);
/* Correctly rounded (round-half-even). On overflow sets *overflow = true and returns 0.0;
 * the VM raises OverflowError("int too large to convert to float"). */
double bigint_to_double(const BigInt *a, bool *overflow);

/* ---- predicates and comparison ----------------------------------------------------------- */

static inline bool bigint_is_zero(const BigInt *a) { return a->size == 0; }
static inline int bigint_sign(const BigInt *a) { return (a->size > 0) - (a->size < 0); }
int bigint_cmp(const BigInt *a, const BigInt *b); /* -1, 0, 1 */
bool bigint_eq(const BigInt *a, const BigInt *b);
/* Exact comparison with a double, as Python's int/float comparisons (2**53+1 != 2.0**53).
 * `d` must not be NaN (every comparison with NaN is false; the caller handles it). */
int bigint_cmp_double(const BigInt *a, double d);
/* int.bit_length(): bits in |a| (0 for zero). */
uint64_t bigint_bit_length(const BigInt *a);
/* int.bit_count(): number of one bits in |a|. */
uint64_t bigint_bit_count(const BigInt *a);
/* hash(int): |a| mod (2**61 - 1) with the sign applied; -1 becomes -2. */
int64_t bigint_hash(const BigInt *a);

/* ---- arithmetic --------------------------------------------------------------------------- */

BigInt *bigint_neg(const BigInt *a);
BigInt *bigint_abs(const BigInt *a);
BigInt *bigint_add(const BigInt *a, const BigInt *b);
BigInt *bigint_sub(const BigInt *a, const BigInt *b);
/* Schoolbook below a threshold, Karatsuba above it. */
BigInt *bigint_mul(const BigInt *a, const BigInt *b);

/* Floor division and modulo with Python's signs: q = floor(a/b), r = a - q*b has the sign of
 * b. b must be nonzero (the caller raises ZeroDivisionError). */
BigInt *bigint_floordiv(const BigInt *a, const BigInt *b);
BigInt *bigint_mod(const BigInt *a, const BigInt *b);
/* Both at once (one division). Returns false on out of memory (*q, *r then unspecified).
 * The one function with TWO allocations: q, then r. If bigint_alloc may run a collection, the
 * unrooted q could be freed by the second one; such a VM should either keep bigint_alloc from
 * collecting during this call or use bigint_floordiv + bigint_mod (two divisions). */
bool bigint_divmod(const BigInt *a, const BigInt *b, BigInt **q, BigInt **r);

/* a / b correctly rounded to a double (CPython's long_true_divide); b nonzero. On overflow sets
 * *overflow = true and returns 0.0; the VM raises OverflowError("integer division result too
 * large for a float"). 0 / negative is -0.0, as in CPython. Returns NaN (overflow false) on
 * out of memory, which only an absurdly large operand can cause. */
double bigint_truediv(const BigInt *a, const BigInt *b, bool *overflow);

/* base ** exp for exp >= 0 (the caller turns negative exponents into float pow). NULL on out
 * of memory, including results too large to ever represent. */
BigInt *bigint_pow(const BigInt *base, const BigInt *exp);

/* pow(base, exp, mod) with mod != 0: the result has the sign of mod (or is 0). A negative exp
 * uses the modular inverse of base. Returns the status and stores the result in *out. */
enum {
    BIGINT_OK = 0,
    BIGINT_ENOMEM = -1,
    BIGINT_NOT_INVERTIBLE = 1 /* ValueError("base is not invertible for the given modulus") */
};
int bigint_powmod(const BigInt *base, const BigInt *exp, const BigInt *mod, BigInt **out);

/* ---- bits (two's-complement semantics for negatives, infinite sign extension) ------------ */

/* a << n and a >> n for n >= 0 (the caller raises ValueError("negative shift count")). The
 * right shift is arithmetic: it floors, so -1 >> 100 == -1. A huge left shift of a nonzero
 * value returns NULL (out of memory). */
BigInt *bigint_lshift(const BigInt *a, uint64_t n);
BigInt *bigint_rshift(const BigInt *a, uint64_t n);
BigInt *bigint_and(const BigInt *a, const BigInt *b);
BigInt *bigint_or(const BigInt *a, const BigInt *b);
BigInt *bigint_xor(const BigInt *a, const BigInt *b);
BigInt *bigint_invert(const BigInt *a); /* ~a == -a - 1 */

/* ---- text --------------------------------------------------------------------------------- */

/* Flags for bigint_to_str. */
enum {
    BIGINT_STR_PREFIX = 1, /* 0b / 0o / 0x (0X with BIGINT_STR_UPPER), after the sign */
    BIGINT_STR_UPPER = 2   /* A-F digits, for format(x, 'X') */
};
/* Digits of `a` in base 2, 8, 10 or 16 (any base 2..36 is accepted), with a
 * leading '-' when negative: str(), bin(), oct(), hex() and format()'s b/o/d/x/X.
 * Returns a malloc'd NUL-terminated string the caller frees, its length in *len (may be NULL);
 * NULL on out of memory. Unlimited: the VM enforces sys.int_info's str-digits limit itself,
 * using the bounds below to avoid converting huge numbers just to reject them. Power-of-two
 * bases are linear; others divide and conquer (3**100000, 47,713 digits: ~13 ms). */
char *bigint_to_str(const BigInt *a, int base, int flags, size_t *len);

/* Bounds on the number of decimal digits of |a| (no sign), computed from the bit length in
 * O(1): lower <= len(str(abs(a))) <= upper, and they differ by at most 1 or 2. CPython 3.11
 * raises "Exceeds the limit (4300 digits) for integer string conversion..." when the exact
 * count exceeds the limit: reject when lower > limit, accept when upper <= limit, else convert
 * and count. */
size_t bigint_decimal_digits_lower_bound(const BigInt *a);
size_t bigint_decimal_digits_upper_bound(const BigInt *a);

/* int(s, base) on the bytes s[0..n) (UTF-8; only ASCII digits are accepted; surrounding ASCII
 * and Unicode whitespace is skipped as CPython does). base is 0 or 2..36. Rules: optional
 * whitespace, optional sign, optional 0x/0o/0b prefix matching the base (base 0 detects it, and
 * without a prefix rejects a leading 0 unless every digit is 0), digits with single
 * underscores between them (and one right after a prefix), optional whitespace.
 * Returns 0 and stores the value in *out; 1 for an invalid literal (the VM formats
 * "invalid literal for int() with base 10: 'xyz'"); -1 on out of memory.
 * Unicode decimal digits (Nd, e.g. '١٢' or fullwidth '１２') count as digits, as in CPython.
 * Linear for power-of-two bases; otherwise divide and conquer over 10^9-style chunks with
 * Karatsuba (subquadratic). Unlimited: for non-power-of-two bases CPython 3.11 rejects
 * literals of more than sys.get_int_max_str_digits() digits (underscores and sign excluded);
 * the VM counts and checks that before calling. */
int bigint_parse(const char *s, size_t n, int base, BigInt **out);

/* ---- bytes (int.to_bytes / int.from_bytes) ---------------------------------------------- */

enum {
    BIGINT_BYTES_OVERFLOW = 1, /* OverflowError("int too big to convert") */
    BIGINT_BYTES_NEGATIVE = 2  /* OverflowError("can't convert negative int to unsigned") */
};
/* Writes exactly `len` bytes (two's complement when is_signed). Returns 0 or one of the codes
 * above (buf contents are then unspecified). */
int bigint_to_bytes(const BigInt *a, uint8_t *buf, size_t len, bool little_endian,
                    bool is_signed);
BigInt *bigint_from_bytes(const uint8_t *buf, size_t len, bool little_endian, bool is_signed);

#endif
