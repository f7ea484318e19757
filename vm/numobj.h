/* numobj.h — the number layer's declarations beyond vm.h's "numbers" section: int/float
 * helpers shared by vm/int*.c, vm/float.c, stdlib/math.c and the builtins (pow, divmod,
 * round, abs).
 *
 * Layout of ints:
 *   - small ints are immediate Values (v_is_int);
 *   - exact `int` objects outside the immediate range, and the bools True/False, are BigInt
 *     objects (vm/bigint.h) of type int / bool (True holds 1, False holds 0);
 *   - instances of script subclasses of int are IntSub objects: a BigInt-shaped header whose
 *     size field is INTSUB_MARK, then the exact int value they stand for. type.c places the
 *     instance __dict__ right after (t_int->size == sizeof(IntSub)).
 * int_view() turns any of these into a read-only BigInt without allocating.
 *
 * bigint_alloc() takes no VM: int.c keeps one _Thread_local VM pointer, set by int_bind()
 * at every entry point that may allocate a BigInt (the one allowed piece of global state;
 * bigint operations never call back into scripts, so a binding cannot be clobbered between
 * the set and the allocation). Code outside int.c that calls bigint_* directly (math.c) must
 * call int_bind(vm) first. */
#ifndef ASPEN_NUMOBJ_H
#define ASPEN_NUMOBJ_H

#include "vm/vm.h"
#include "vm/bigint.h"

#define INTSUB_MARK INT64_MIN

typedef struct IntSub {
    Obj head;
    int64_t mark;      /* INTSUB_MARK: distinguishes it from a BigInt */
    Value value;       /* the exact int (immediate or BigInt of type int) */
} IntSub;

/* Binds the calling thread's bigint allocator to vm. */
void int_bind(VM *vm);

/* True for every int: immediates, BigInts, bools and instances of int subclasses. */
bool int_is(VM *vm, Value v);
/* The value of any int (int_is) as a read-only BigInt; valid while v and tmp live. */
const BigInt *int_view(Value v, BigIntTmp *tmp);
/* The exact-int value of any int (strips bool / subclass). */
Value int_exact(VM *vm, Value v);
/* A GC'd BigInt result (NULL = out of memory) as an int Value (MemoryError on NULL). */
Value int_from_bigres(VM *vm, BigInt *b);
Value int_from_u64(VM *vm, uint64_t u);
/* Fits in int64? 1 and *out set, else 0 (no exception). */
int int_to_i64(Value v, int64_t *out);
/* Converts any int to double; OverflowError "int too large to convert to float". */
int int_as_double(VM *vm, Value v, double *out);
/* Any object with __index__ (or an int) to an exact int Value; TypeError
 * "'%s' object cannot be interpreted as an integer" otherwise. */
Value int_index(VM *vm, Value v);

/* Arithmetic entry points for the builtins. */
Value int_pow3(VM *vm, Value base, Value exp, Value mod);   /* pow(a, b, m), all ints */
Value int_divmod(VM *vm, Value a, Value b);                 /* (a // b, a % b) */
Value int_neg(VM *vm, Value a);
Value int_abs(VM *vm, Value a);
Value int_round(VM *vm, Value a, Value ndigits);            /* round(int, n) */
Value int_format(VM *vm, Value v, Value spec);              /* int.__format__ */
Value int_gcd(VM *vm, Value a, Value b);                    /* non-negative gcd */

Value float_divmod(VM *vm, Value a, Value b);               /* a, b int or float */
Value float_round(VM *vm, double x, Value ndigits);         /* round(float[, n]) */
/* float(x) semantics: float, int, str/bytes, __float__, __index__. */
Value float_from_any(VM *vm, Value x);
/* Float or subclass instance? */
bool float_is(VM *vm, Value v);
/* CPython's float.__floor__/__ceil__/__trunc__ and int(float) core: an int from a finite
 * double (ValueError for NaN, OverflowError for infinities). */
Value int_from_double_checked(VM *vm, double d);

/* int.__new__ / bool.__new__ and int's methods table (vm/int_methods.c). */
void int_methods_init(VM *vm);

#endif
