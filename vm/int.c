/* int.c — Python's int as the VM sees it: immediate small ints, BigInt objects above them,
 * the layout helpers every int-like value goes through (int_view), conversions, text
 * (with the 4300-digit limit), hashing, comparison and the arithmetic behind every int
 * operator (int_binop). The methods tables live in int_methods.c; see numobj.h for the
 * object layouts and the one thread-local (the allocator's VM binding). */
#include "vm/numobj.h"
#include "vm/strobj.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local VM *tl_vm;

void int_bind(VM *vm) { tl_vm = vm; }

/* The allocator bigint.h asks the VM for. A collection may run inside: the bigint module
 * keeps its temporaries in malloc'd memory and the C stack is scanned conservatively. */
BigInt *bigint_alloc(size_t ndigits) {
    VM *vm = tl_vm;
    if (!vm || ndigits > ((size_t)1 << 31)) return NULL;
    BigInt *b = gc_alloc(vm, vm->t_int, sizeof(BigInt) + ndigits * sizeof(uint32_t));
    if (b) b->size = 0;
    return b;
}

/* ---- layout ---- */

bool int_is(VM *vm, Value v) {
    if (v_is_int(v)) return true;
    if (!v) return false;
    Type *t = ((Obj *)v)->type;
    return t == vm->t_int || t == vm->t_bool || t->layout == vm->t_int;
}

bool int_check(VM *vm, Value v) {
    if (v_is_int(v)) return true;
    Type *t = ((Obj *)v)->type;
    return t == vm->t_int || t == vm->t_bool;
}

const BigInt *int_view(Value v, BigIntTmp *tmp) {
    if (v_is_int(v)) return bigint_tmp(tmp, v_int(v));
    const BigInt *b = (const BigInt *)v;
    if (b->size == INTSUB_MARK) return int_view(((const IntSub *)v)->value, tmp);
    return b;
}

int int_to_i64(Value v, int64_t *out) {
    if (v_is_int(v)) { *out = v_int(v); return 1; }
    BigIntTmp t;
    return bigint_to_i64(int_view(v, &t), out) ? 1 : 0;
}

Value int_from_big(VM *vm, void *big) {
    BigInt *b = big;
    int64_t x;
    if (bigint_to_i64(b, &x) && smallint_fits(x)) return v_from_int(x);
    return v_from_obj(b);
}

Value int_from_bigres(VM *vm, BigInt *b) {
    if (!b) return vm->exc ? VNULL : vm_nomem(vm);
    return int_from_big(vm, b);
}

Value int_exact(VM *vm, Value v) {
    if (v_is_int(v)) return v;
    Type *t = ((Obj *)v)->type;
    if (t == vm->t_int) return v;
    if (((BigInt *)v)->size == INTSUB_MARK) return ((IntSub *)v)->value;
    return v_from_int(bigint_sign((BigInt *)v));   /* bool: 0 or 1 */
}

Value int_from_i64(VM *vm, int64_t i) {
    if (smallint_fits(i)) return v_from_int(i);
    int_bind(vm);
    return int_from_bigres(vm, bigint_from_i64(i));
}

Value int_from_u64(VM *vm, uint64_t u) {
    if (u <= (uint64_t)SMALLINT_MAX) return v_from_int((int64_t)u);
    int_bind(vm);
    return int_from_bigres(vm, bigint_from_u64(u));
}

Value int_from_double(VM *vm, double d) {
    if (isnan(d)) return vm_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return vm_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
    if (d > -4e18 && d < 4e18) return int_from_i64(vm, (int64_t)d);
    int_bind(vm);
    return int_from_bigres(vm, bigint_from_double(d));
}

Value int_from_double_checked(VM *vm, double d) { return int_from_double(vm, d); }

int int_as_double(VM *vm, Value v, double *out) {
    if (v_is_int(v)) { *out = (double)v_int(v); return 0; }
    BigIntTmp t;
    bool ovf = false;
    double d = bigint_to_double(int_view(v, &t), &ovf);
    if (ovf) {
        vm_raise(vm, vm->e_OverflowError, "int too large to convert to float");
        return -1;
    }
    *out = d;
    return 0;
}

int int_to_double(VM *vm, Value v, double *out) { return int_as_double(vm, v, out); }

int int_sign(Value v) {
    if (v_is_int(v)) { int64_t x = v_int(v); return (x > 0) - (x < 0); }
    BigIntTmp t;
    return bigint_sign(int_view(v, &t));
}

/* ---- hash and comparison ---- */

int64_t int_hash(Value v) {
    if (v_is_int(v)) return smallint_hash(v_int(v));
    BigIntTmp t;
    return bigint_hash(int_view(v, &t));
}

int int_cmp(VM *vm, Value a, Value b) {
    if (v_is_int(a) && v_is_int(b)) {
        int64_t x = v_int(a), y = v_int(b);
        return (x > y) - (x < y);
    }
    BigIntTmp ta, tb;
    return bigint_cmp(int_view(a, &ta), int_view(b, &tb));
}

/* ---- text ---- */

static Value digits_limit_error(VM *vm) {
    return vm_raise(vm, vm->e_ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    (int)vm->int_max_str_digits);
}

/* base 10: plain digits; 2, 8, 16: with the 0b / 0o / 0x prefix (bin, oct, hex). */
/* str(x) of a small int. Digits by hand, two at a time: snprintf's format parsing dominated
 * str(i) in loops. Strings of 0..255 are made once and shared (str(i % n) is a common
 * key-building idiom); only `is` can tell, as with CPython's one-character strings. */
static Value small_int_str(VM *vm, int64_t x) {
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    bool cached = x >= 0 && x < 256;
    if (cached && vm->int_strs[x]) return vm->int_strs[x];
    char buf[32];
    char *end = buf + sizeof buf, *p = end;
    uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    while (u >= 100) {
        p -= 2;
        memcpy(p, pairs + (u % 100) * 2, 2);
        u /= 100;
    }
    if (u >= 10) { p -= 2; memcpy(p, pairs + u * 2, 2); }
    else *--p = (char)('0' + u);
    if (x < 0) *--p = '-';
    Value r = str_new_cp(vm, p, (size_t)(end - p), end - p);   /* ASCII: no code point count */
    if (cached && r) vm->int_strs[x] = r;
    return r;
}

Value int_to_str(VM *vm, Value v, int base) {
    int flags = base == 10 ? 0 : BIGINT_STR_PREFIX;
    if (v_is_int(v) && base == 10) return small_int_str(vm, v_int(v));
    BigIntTmp t;
    const BigInt *b = int_view(v, &t);
    size_t limit = vm->int_max_str_digits > 0 ? (size_t)vm->int_max_str_digits : 0;
    if (base == 10 && limit && bigint_decimal_digits_lower_bound(b) > limit)
        return digits_limit_error(vm);
    size_t len;
    char *s = bigint_to_str(b, base, flags, &len);
    if (!s) return vm_nomem(vm);
    if (base == 10 && limit && bigint_decimal_digits_upper_bound(b) > limit &&
        len - (s[0] == '-') > limit) {
        free(s);
        return digits_limit_error(vm);
    }
    Value r = str_new(vm, s, len);
    free(s);
    return r;
}

/* The literal as CPython quotes it in "invalid literal" messages: repr, first 200 chars. */
static Value literal_repr(VM *vm, const char *s, size_t n, Value orig) {
    if (orig && !isinst(vm, orig, vm->t_str)) return vm_repr(vm, orig);
    Value str = orig ? orig : str_new(vm, s, n);
    if (!str) return VNULL;
    if (as_str(str)->cplen > 200) {
        int64_t off = str_cp_offset(as_str(str), 200);
        str = str_new(vm, as_str(str)->data, (size_t)off);
        if (!str) return VNULL;
    }
    return vm_repr(vm, str);
}

static bool is_pow2_base(int b) { return b == 2 || b == 4 || b == 8 || b == 16 || b == 32; }

/* The number of digit characters, for the str-digits limit (CPython counts before
 * converting, ignoring sign, whitespace and underscores). */
static size_t count_digits(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z')) k++;
    }
    return k;
}

static bool has_radix_prefix(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    return i + 1 < n && s[i] == '0' && strchr("xXoObB", s[i + 1]) && s[i + 1];
}

Value int_parse(VM *vm, const char *s, size_t n, int base, Value orig) {
    int_bind(vm);
    size_t limit = vm->int_max_str_digits > 0 ? (size_t)vm->int_max_str_digits : 0;
    bool checked = !is_pow2_base(base) && !(base == 0 && has_radix_prefix(s, n));
    if (checked && limit && n > limit) {
        size_t k = count_digits(s, n);
        if (k > limit && k > 640)
            return vm_raise(vm, vm->e_ValueError,
                            "Exceeds the limit (%d digits) for integer string conversion: "
                            "value has %zu digits; use sys.set_int_max_str_digits() to "
                            "increase the limit", (int)limit, k);
    }
    /* fast path: short plain decimal */
    BigInt *out = NULL;
    int rc = bigint_parse(s, n, base, &out);
    if (rc < 0) return vm_nomem(vm);
    if (rc > 0) {
        Value r = literal_repr(vm, s, n, orig);
        if (!r) return VNULL;
        return vm_raise(vm, vm->e_ValueError, "invalid literal for int() with base %d: %s",
                        base, str_cstr(r));
    }
    return int_from_big(vm, out);
}

/* ---- arithmetic ---- */

static Value shift_error(VM *vm) { return vm_raise(vm, vm->e_ValueError, "negative shift count"); }

/* int ** negative int: CPython converts both to float. */
static Value int_pow_negative(VM *vm, Value a, Value b) {
    double x, y;
    if (int_as_double(vm, a, &x) < 0 || int_as_double(vm, b, &y) < 0) return VNULL;
    if (x == 0.0)
        return vm_raise(vm, vm->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_new(vm, pow(x, y));
}

static Value small_pow(VM *vm, int64_t x, int64_t y, bool *done) {
    int64_t r = 1, base = x;
    *done = false;
    if (x == 0 || x == 1) { *done = true; return v_from_int(y == 0 ? 1 : x); }
    if (x == -1) { *done = true; return v_from_int(y & 1 ? -1 : 1); }
    if (y > 62) return VNULL;
    while (y) {
        if (y & 1 && __builtin_mul_overflow(r, base, &r)) return VNULL;
        y >>= 1;
        if (y && __builtin_mul_overflow(base, base, &base)) return VNULL;
    }
    if (!smallint_fits(r)) return VNULL;
    *done = true;
    return v_from_int(r);
}

static Value true_div(VM *vm, Value a, Value b) {
    if (int_sign(b) == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "division by zero");
    const int64_t exact = (int64_t)1 << 53;
    if (v_is_int(a) && v_is_int(b) && v_int(a) <= exact && v_int(a) >= -exact &&
        v_int(b) <= exact && v_int(b) >= -exact)
        return float_new(vm, (double)v_int(a) / (double)v_int(b));
    BigIntTmp ta, tb;
    bool ovf = false;
    double d = bigint_truediv(int_view(a, &ta), int_view(b, &tb), &ovf);
    if (ovf)
        return vm_raise(vm, vm->e_OverflowError, "integer division result too large for a float");
    if (isnan(d)) return vm_nomem(vm);
    return float_new(vm, d);
}

/* Both operands immediate: the common case, without BigInt views. VNULL + no exception
 * means "overflowed, take the big path". */
static Value small_binop(VM *vm, int op, int64_t x, int64_t y) {
    int64_t r;
    switch (op) {
    case OP_ADD: return int_from_i64(vm, x + y);
    case OP_SUB: return int_from_i64(vm, x - y);
    case OP_MULT:
        if (__builtin_mul_overflow(x, y, &r)) return VNULL;
        return int_from_i64(vm, r);
    case OP_FLOORDIV: case OP_MOD: {
        if (y == 0)
            return vm_raise(vm, vm->e_ZeroDivisionError, op == OP_MOD ? "integer modulo by zero"
                                                         : "integer division or modulo by zero");
        int64_t q = x / y, m = x % y;
        if (m && ((m < 0) != (y < 0))) { q--; m += y; }
        return int_from_i64(vm, op == OP_MOD ? m : q);
    }
    case OP_LSHIFT:
        if (y < 0) return shift_error(vm);
        if (x == 0) return v_from_int(0);
        if (y >= 62) return VNULL;
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x || !smallint_fits(r)) return VNULL;
        return v_from_int(r);
    case OP_RSHIFT:
        if (y < 0) return shift_error(vm);
        return v_from_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case OP_BITAND: return v_from_int(x & y);
    case OP_BITOR: return v_from_int(x | y);
    case OP_BITXOR: return v_from_int(x ^ y);
    case OP_POW: {
        bool done;
        Value v = small_pow(vm, x, y, &done);
        return done ? v : VNULL;
    }
    }
    return VNULL;
}

static Value big_binop(VM *vm, int op, Value a, Value b) {
    BigIntTmp ta, tb;
    const BigInt *x = int_view(a, &ta), *y = int_view(b, &tb);
    switch (op) {
    case OP_ADD: return int_from_bigres(vm, bigint_add(x, y));
    case OP_SUB: return int_from_bigres(vm, bigint_sub(x, y));
    case OP_MULT: return int_from_bigres(vm, bigint_mul(x, y));
    case OP_FLOORDIV:
        if (bigint_is_zero(y))
            return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
        return int_from_bigres(vm, bigint_floordiv(x, y));
    case OP_MOD:
        if (bigint_is_zero(y)) return vm_raise(vm, vm->e_ZeroDivisionError, "integer modulo by zero");
        return int_from_bigres(vm, bigint_mod(x, y));
    case OP_POW: return int_from_bigres(vm, bigint_pow(x, y));
    case OP_LSHIFT: case OP_RSHIFT: {
        if (bigint_sign(y) < 0) return shift_error(vm);
        uint64_t n;
        if (!bigint_to_u64(y, &n)) {
            if (op == OP_RSHIFT || bigint_is_zero(x))
                return v_from_int(op == OP_RSHIFT && bigint_sign(x) < 0 ? -1 : 0);
            return vm_nomem(vm);
        }
        return int_from_bigres(vm, op == OP_LSHIFT ? bigint_lshift(x, n) : bigint_rshift(x, n));
    }
    case OP_BITAND: return int_from_bigres(vm, bigint_and(x, y));
    case OP_BITOR: return int_from_bigres(vm, bigint_or(x, y));
    case OP_BITXOR: return int_from_bigres(vm, bigint_xor(x, y));
    }
    return vm->notimpl;
}

Value int_binop(VM *vm, int op, Value a, Value b) {
    op &= 15;
    if (!int_is(vm, a) || !int_is(vm, b)) return vm->notimpl;
    if (op == OP_MATMULT)   /* vm_binop returns our result as is for int operands */
        return vm_raise(vm, vm->e_TypeError, "unsupported operand type(s) for @: '%s' and '%s'",
                        type_name(vm, a), type_name(vm, b));
    if (op == OP_DIV) return true_div(vm, a, b);
    if (!v_is_int(a) && !v_is_int(b) && ((Obj *)a)->type == vm->t_bool &&
        ((Obj *)b)->type == vm->t_bool &&
        (op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR)) {
        bool x = a == vm->true_, y = b == vm->true_;
        return vm_bool(vm, op == OP_BITAND ? (x && y) : op == OP_BITOR ? (x || y) : (x != y));
    }
    if (op == OP_POW && int_sign(b) < 0) return int_pow_negative(vm, a, b);
    int_bind(vm);
    int64_t x, y;
    if (int_to_i64(a, &x) && int_to_i64(b, &y) && smallint_fits(x) && smallint_fits(y)) {
        Value r = small_binop(vm, op, x, y);
        if (r || vm->exc) return r;
    }
    return big_binop(vm, op, a, b);
}

Value int_neg(VM *vm, Value a) {
    int64_t x;
    if (int_to_i64(a, &x) && x != INT64_MIN) return int_from_i64(vm, -x);
    int_bind(vm);
    BigIntTmp t;
    return int_from_bigres(vm, bigint_neg(int_view(a, &t)));
}

Value int_abs(VM *vm, Value a) { return int_sign(a) < 0 ? int_neg(vm, a) : int_exact(vm, a); }

Value int_divmod(VM *vm, Value a, Value b) {
    if (!int_is(vm, a) || !int_is(vm, b)) return vm->notimpl;
    if (int_sign(b) == 0)
        return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
    /* two separate divisions: each allocates once, so no unrooted intermediate */
    Value q = int_binop(vm, OP_FLOORDIV, a, b);
    if (!q) return VNULL;
    Value r = int_binop(vm, OP_MOD, a, b);
    if (!r) return VNULL;
    return tuple_pack(vm, 2, q, r);
}

Value int_pow3(VM *vm, Value base, Value exp, Value mod) {
    if (!int_is(vm, base) || !int_is(vm, exp) || !int_is(vm, mod))
        return vm_raise(vm, vm->e_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    if (int_sign(mod) == 0) return vm_raise(vm, vm->e_ValueError, "pow() 3rd argument cannot be 0");
    int_bind(vm);
    BigIntTmp tb, te, tm;
    BigInt *out = NULL;
    int rc = bigint_powmod(int_view(base, &tb), int_view(exp, &te), int_view(mod, &tm), &out);
    if (rc == BIGINT_NOT_INVERTIBLE)
        return vm_raise(vm, vm->e_ValueError, "base is not invertible for the given modulus");
    if (rc != BIGINT_OK) return vm_nomem(vm);
    return int_from_big(vm, out);
}

Value int_gcd(VM *vm, Value a, Value b) {
    int64_t x, y;
    if (int_to_i64(a, &x) && int_to_i64(b, &y) && x != INT64_MIN && y != INT64_MIN) {
        uint64_t u = (uint64_t)(x < 0 ? -x : x), w = (uint64_t)(y < 0 ? -y : y);
        while (w) { uint64_t t = u % w; u = w; w = t; }
        return int_from_u64(vm, u);
    }
    Value u = int_abs(vm, a), w = int_abs(vm, b);
    if (!u || !w) return VNULL;
    while (int_sign(w) != 0) {
        Value t = int_binop(vm, OP_MOD, u, w);
        if (!t) return VNULL;
        u = w;
        w = t;
    }
    return u;
}

/* round(int, ndigits) for ndigits < 0: round half to even at 10**-ndigits. */
Value int_round(VM *vm, Value a, Value ndigits) {
    a = int_exact(vm, a);
    if (!ndigits || ndigits == vm->none) return a;
    Value nd = int_index(vm, ndigits);
    if (!nd) return VNULL;
    if (int_sign(nd) >= 0) return a;
    Value pw = int_neg(vm, nd);
    if (!pw) return VNULL;
    Value p = int_binop(vm, OP_POW, v_from_int(10), pw);
    if (!p) return VNULL;
    Value r = int_binop(vm, OP_MOD, a, p);          /* 0 <= r < p */
    if (!r) return VNULL;
    Value down = int_binop(vm, OP_SUB, a, r);
    if (!down) return VNULL;
    Value twice = int_binop(vm, OP_MULT, r, v_from_int(2));
    if (!twice) return VNULL;
    int c = int_cmp(vm, twice, p);
    if (c < 0) return down;
    Value up = int_binop(vm, OP_ADD, down, p);
    if (!up) return VNULL;
    if (c > 0) return up;
    Value q = int_binop(vm, OP_FLOORDIV, down, p);   /* tie: to the even multiple */
    if (!q) return VNULL;
    return int_binop(vm, OP_BITAND, q, v_from_int(1)) == v_from_int(0) ? down : up;
}

Value int_index(VM *vm, Value v) {
    if (int_is(vm, v)) return int_exact(vm, v);
    Value f = type_lookup(vm, type_of(vm, v), vm->s___index__);
    if (!f)
        return vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer",
                        type_name(vm, v));
    Value r = vm_call_method(vm, v, vm->s___index__, NULL, 0);
    if (!r) return VNULL;
    if (!int_is(vm, r))
        return vm_raise(vm, vm->e_TypeError, "__index__ returned non-int (type %s)",
                        type_name(vm, r));
    return int_exact(vm, r);
}

/* ---- types ---- */

static void int_trace(GC *gc, Obj *o) {
    if (((BigInt *)o)->size == INTSUB_MARK) gc_mark(gc, ((IntSub *)o)->value);
}

static Value make_bool(VM *vm, int v) {
    BigInt *b = gc_alloc(vm, vm->t_bool, sizeof(BigInt) + sizeof(uint32_t));
    if (!b) return VNULL;
    b->d[0] = (uint32_t)v;
    b->size = v;
    return v_from_obj(b);
}

void int_init(VM *vm) {
    /* size: what a script subclass's instance holds before its __dict__ slot */
    vm->t_int = type_new_builtin(vm, "int", vm->t_object, sizeof(IntSub), TF_BASETYPE);
    vm->t_int->trace = int_trace;
    vm->t_bool = type_new_builtin(vm, "bool", vm->t_int, sizeof(IntSub), 0);
    vm->t_bool->trace = int_trace;
    vm->true_ = make_bool(vm, 1);
    vm->false_ = make_bool(vm, 0);
    int_methods_init(vm);
}
