/* float.c — Python's float: boxed doubles (Float), the arithmetic behind every float
 * operator with int/float mixing (float_binop), exact comparisons against ints of any size,
 * CPython's hash (so 1 == 1.0 collide as dict keys), float() construction, rounding and the
 * methods table. Text conversions come from numfmt.h / fmtspec.h. */
#include "vm/numobj.h"
#include "vm/numfmt.h"
#include "vm/complexobj.h"
#include "vm/fmtspec.h"
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#define SELF_CHECK(name)                                                                    \
    do {                                                                                    \
        if (n < 1 || !float_is(vm, a[0]))                                                   \
            return vm_raise(vm, vm->e_TypeError,                                            \
                            "descriptor '%s' requires a 'float' object but received a '%s'", \
                            name, n < 1 ? "nothing" : type_name(vm, a[0]));                 \
    } while (0)

bool float_is(VM *vm, Value v) {
    if (v_is_int(v) || !v) return false;
    Type *t = ((Obj *)v)->type;
    return t == vm->t_float || t->layout == vm->t_float;
}

Value float_new(VM *vm, double d) {
    Float *f = gc_alloc(vm, vm->t_float, sizeof(Float));
    if (!f) return VNULL;
    f->v = d;
    return v_from_obj(f);
}

Value float_repr(VM *vm, double d) {
    StrBuf sb;
    sb_init(&sb);
    numfmt_float_repr(d, &sb);
    Value r = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return r;
}

/* CPython's _Py_HashDouble: the value of d modulo 2**61 - 1, so that equal ints and floats
 * hash alike. NaN hashes by identity in CPython; here the caller handles it (0 otherwise). */
int64_t float_hash(double d) {
    const int bits = 61;
    const uint64_t mod = ((uint64_t)1 << bits) - 1;
    if (!isfinite(d)) return isinf(d) ? (d > 0 ? 314159 : -314159) : 0;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & mod) | x >> (bits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= mod) x -= mod;
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & mod) | x >> (bits - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* int or float operand to double; 0 = not a number (no exception), -1 raised. */
static int operand(VM *vm, Value v, double *out) {
    if (float_is(vm, v)) { *out = float_val(v); return 1; }
    if (int_is(vm, v)) return int_as_double(vm, v, out) < 0 ? -1 : 1;
    return 0;
}

int vm_to_double(VM *vm, Value v, double *out) {
    int r = operand(vm, v, out);
    if (r) return r < 0 ? -1 : 0;
    Type *t = type_of(vm, v);
    if (type_lookup(vm, t, vm->s___float__)) {
        Value f = vm_call_method(vm, v, vm->s___float__, NULL, 0);
        if (!f) return -1;
        if (!float_is(vm, f)) {
            vm_raise(vm, vm->e_TypeError, "%s.__float__ returned non-float (type %s)", t->name,
                     type_name(vm, f));
            return -1;
        }
        *out = float_val(f);
        return 0;
    }
    if (type_lookup(vm, t, vm->s___index__)) {
        Value i = int_index(vm, v);
        return i ? int_as_double(vm, i, out) : -1;
    }
    vm_raise(vm, vm->e_TypeError, "must be real number, not %s", t->name);
    return -1;
}

/* ---- arithmetic ---- */

static bool is_odd_integer(double w) { return fmod(fabs(w), 2.0) == 1.0; }

static Value float_pow(VM *vm, double iv, double iw) {
    if (iw == 0) return float_new(vm, 1.0);
    if (isnan(iv)) return float_new(vm, iv);
    if (isnan(iw)) return float_new(vm, iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return float_new(vm, 1.0);
        return float_new(vm, (iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return float_new(vm, odd ? iv : fabs(iv));
        return float_new(vm, odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return vm_raise(vm, vm->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_new(vm, is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        /* CPython hands a negative base with a fractional exponent to complex ** */
        if (iw != floor(iw)) return complex_pow_parts(vm, iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return float_new(vm, negate ? -1.0 : 1.0);
    double r = pow(iv, iw);
    if (isinf(r)) return vm_raise(vm, vm->e_OverflowError, "(34, 'Numerical result out of range')");
    return float_new(vm, negate ? -r : r);
}

/* CPython's float_divmod core; wx != 0. */
static void fdivmod(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) { m += wx; div -= 1.0; }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

Value float_binop(VM *vm, int op, Value a, Value b) {
    op &= 15;
    double x, y;
    int ra = operand(vm, a, &x);
    if (ra <= 0) return ra < 0 ? VNULL : vm->notimpl;
    int rb = operand(vm, b, &y);
    if (rb <= 0) return rb < 0 ? VNULL : vm->notimpl;
    double q, m;
    switch (op) {
    case OP_ADD: return float_new(vm, x + y);
    case OP_SUB: return float_new(vm, x - y);
    case OP_MULT: return float_new(vm, x * y);
    case OP_DIV:
        if (y == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float division by zero");
        return float_new(vm, x / y);
    case OP_FLOORDIV:
        if (y == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float floor division by zero");
        fdivmod(x, y, &q, &m);
        return float_new(vm, q);
    case OP_MOD:
        if (y == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float modulo");
        m = fmod(x, y);
        if (m) { if ((y < 0) != (m < 0)) m += y; }
        else m = copysign(0.0, y);
        return float_new(vm, m);
    case OP_POW: return float_pow(vm, x, y);
    }
    return vm->notimpl;
}

Value float_divmod(VM *vm, Value a, Value b) {
    double x, y, q, m;
    int ra = operand(vm, a, &x);
    if (ra <= 0) return ra < 0 ? VNULL : vm->notimpl;
    int rb = operand(vm, b, &y);
    if (rb <= 0) return rb < 0 ? VNULL : vm->notimpl;
    if (y == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float divmod()");
    fdivmod(x, y, &q, &m);
    Value fq = float_new(vm, q);
    if (!fq) return VNULL;
    Value fm = float_new(vm, m);
    if (!fm) return VNULL;
    return tuple_pack(vm, 2, fq, fm);
}

/* ---- comparison ---- */

/* Sign of (x - other) for a float x and an int or float other; 2 = unordered (NaN). */
static int float_cmp(VM *vm, double x, Value other, bool *ok) {
    *ok = true;
    if (float_is(vm, other)) {
        double y = float_val(other);
        if (isnan(x) || isnan(y)) return 2;
        return (x > y) - (x < y);
    }
    if (!int_is(vm, other)) { *ok = false; return 0; }
    if (isnan(x)) return 2;
    BigIntTmp t;
    return -bigint_cmp_double(int_view(other, &t), x);
}

Value float_round(VM *vm, double x, Value ndigits) {
    if (!ndigits || ndigits == vm->none) {
        double r = numfmt_round_half_even(x);
        return int_from_double(vm, r);
    }
    Value nd = int_index(vm, ndigits);
    if (!nd) return VNULL;
    int64_t k;
    if (!int_to_i64(nd, &k)) k = int_sign(nd) < 0 ? INT32_MIN : INT32_MAX;
    if (k > INT32_MAX) k = INT32_MAX;
    if (k < INT32_MIN) k = INT32_MIN;
    int ovf = 0;
    double r = numfmt_round(x, (int)k, &ovf);
    if (ovf) return vm_raise(vm, vm->e_OverflowError, "rounded value too large to represent");
    return float_new(vm, r);
}

/* ---- construction ---- */

static Value parse_error(VM *vm, Value orig) {
    Value r = vm_repr(vm, orig);
    if (!r) return VNULL;
    return vm_raise(vm, vm->e_ValueError, "could not convert string to float: %s", str_cstr(r));
}

Value float_from_any(VM *vm, Value x) {
    if (float_is(vm, x)) return type_of(vm, x) == vm->t_float ? x : float_new(vm, float_val(x));
    const char *s = NULL;
    size_t len = 0;
    if (isinst(vm, x, vm->t_str)) { s = str_cstr(x); len = as_str(x)->len; }
    else if (isinst(vm, x, vm->t_bytes)) { s = (const char *)((Bytes *)x)->data; len = ((Bytes *)x)->n; }
    else if (isinst(vm, x, vm->t_bytearray)) {
        s = ((ByteArray *)x)->data ? (const char *)((ByteArray *)x)->data : "";
        len = ((ByteArray *)x)->n;
    }
    double d;
    if (s) {
        if (memchr(s, 0, len) || numfmt_parse_double(s, len, &d)) return parse_error(vm, x);
        return float_new(vm, d);
    }
    Type *t = type_of(vm, x);
    if (!int_is(vm, x) && !type_lookup(vm, t, vm->s___float__) && !type_lookup(vm, t, vm->s___index__))
        return vm_raise(vm, vm->e_TypeError,
                        "float() argument must be a string or a real number, not '%s'", t->name);
    if (vm_to_double(vm, x, &d) < 0) return VNULL;
    return float_new(vm, d);
}

static Value float_new_m(VM *vm, Value *a, int n, Value kw) {
    if (kw && as_tuple(kw)->n) return vm_raise(vm, vm->e_TypeError, "float() takes no keyword arguments");
    if (n < 1 || !isinst(vm, a[0], vm->t_type))
        return vm_raise(vm, vm->e_TypeError, "float.__new__(X): X is not a type object");
    Type *cls = (Type *)a[0];
    if (!type_is_subtype(cls, vm->t_float) && cls != vm->t_float)
        return vm_raise(vm, vm->e_TypeError, "float.__new__(%s): %s is not a subtype of float",
                        cls->name, cls->name);
    if (n > 2) return vm_raise(vm, vm->e_TypeError, "float expected at most 1 argument, got %d", n - 1);
    Value v = n == 2 ? float_from_any(vm, a[1]) : float_new(vm, 0.0);
    if (!v || cls == vm->t_float) return v;
    Float *f = gc_alloc(vm, cls, cls->size < sizeof(Float) ? sizeof(Float) : cls->size);
    if (!f) return VNULL;
    f->v = float_val(v);
    return v_from_obj(f);
}

/* ---- methods ---- */

static Value float_repr_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__repr__");
    return float_repr(vm, float_val(a[0]));
}

static Value float_hash_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__hash__");
    double d = float_val(a[0]);
    if (isnan(d)) return v_from_int((int64_t)(a[0] >> 4));   /* identity, as CPython */
    return v_from_int(float_hash(d));
}

static Value float_bool_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__bool__");
    return vm_bool(vm, float_val(a[0]) != 0.0);
}

#define FBINOP_PAIR(NAME, OP)                                                               \
    static Value float_##NAME(VM *vm, Value *a, int n, Value k) {                           \
        SELF_CHECK("__" #NAME "__");                                                        \
        if (vm_check_args(vm, "__" #NAME "__", n - 1, k, 1, 1) < 0) return VNULL;           \
        return float_binop(vm, OP, a[0], a[1]);                                             \
    }                                                                                       \
    static Value float_r##NAME(VM *vm, Value *a, int n, Value k) {                          \
        SELF_CHECK("__r" #NAME "__");                                                       \
        if (vm_check_args(vm, "__r" #NAME "__", n - 1, k, 1, 1) < 0) return VNULL;          \
        return float_binop(vm, OP, a[1], a[0]);                                             \
    }
FBINOP_PAIR(add, OP_ADD)
FBINOP_PAIR(sub, OP_SUB)
FBINOP_PAIR(mul, OP_MULT)
FBINOP_PAIR(truediv, OP_DIV)
FBINOP_PAIR(floordiv, OP_FLOORDIV)
FBINOP_PAIR(mod, OP_MOD)

static Value pow3_error(VM *vm) {
    return vm_raise(vm, vm->e_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
}

static Value float_pow_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__pow__");
    if (vm_check_args(vm, "__pow__", n - 1, k, 1, 2) < 0) return VNULL;
    if (n == 3 && a[2] != vm->none) return pow3_error(vm);
    return float_binop(vm, OP_POW, a[0], a[1]);
}

static Value float_rpow_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__rpow__");
    if (vm_check_args(vm, "__rpow__", n - 1, k, 1, 2) < 0) return VNULL;
    if (n == 3 && a[2] != vm->none) return pow3_error(vm);
    return float_binop(vm, OP_POW, a[1], a[0]);
}

static Value float_divmod_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__divmod__");
    if (vm_check_args(vm, "__divmod__", n - 1, k, 1, 1) < 0) return VNULL;
    return float_divmod(vm, a[0], a[1]);
}

static Value float_rdivmod_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__rdivmod__");
    if (vm_check_args(vm, "__rdivmod__", n - 1, k, 1, 1) < 0) return VNULL;
    return float_divmod(vm, a[1], a[0]);
}

static Value float_compare(VM *vm, Value *a, int n, int op, const char *name) {
    SELF_CHECK(name);
    if (vm_check_args(vm, name, n - 1, VNULL, 1, 1) < 0) return VNULL;
    bool ok;
    int c = float_cmp(vm, float_val(a[0]), a[1], &ok);
    if (!ok) return vm->notimpl;
    if (c == 2) return vm_bool(vm, op == CMP_NOTEQ);
    bool r = op == CMP_EQ ? c == 0 : op == CMP_NOTEQ ? c != 0 : op == CMP_LT ? c < 0 :
             op == CMP_LTE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
    return vm_bool(vm, r);
}
static Value float_eq(VM *vm, Value *a, int n, Value k) { return float_compare(vm, a, n, CMP_EQ, "__eq__"); }
static Value float_ne(VM *vm, Value *a, int n, Value k) { return float_compare(vm, a, n, CMP_NOTEQ, "__ne__"); }
static Value float_lt(VM *vm, Value *a, int n, Value k) { return float_compare(vm, a, n, CMP_LT, "__lt__"); }
static Value float_le(VM *vm, Value *a, int n, Value k) { return float_compare(vm, a, n, CMP_LTE, "__le__"); }
static Value float_gt(VM *vm, Value *a, int n, Value k) { return float_compare(vm, a, n, CMP_GT, "__gt__"); }
static Value float_ge(VM *vm, Value *a, int n, Value k) { return float_compare(vm, a, n, CMP_GTE, "__ge__"); }

static Value float_neg_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__neg__");
    return float_new(vm, -float_val(a[0]));
}
static Value float_pos_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__pos__");
    return type_of(vm, a[0]) == vm->t_float ? a[0] : float_new(vm, float_val(a[0]));
}
static Value float_abs_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__abs__");
    return float_new(vm, fabs(float_val(a[0])));
}
static Value float_trunc_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__trunc__");
    return int_from_double(vm, trunc(float_val(a[0])));
}
static Value float_floor_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__floor__");
    return int_from_double(vm, floor(float_val(a[0])));
}
static Value float_ceil_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__ceil__");
    return int_from_double(vm, ceil(float_val(a[0])));
}
static Value float_round_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__round__");
    if (vm_check_args(vm, "__round__", n - 1, k, 0, 1) < 0) return VNULL;
    return float_round(vm, float_val(a[0]), n > 1 ? a[1] : VNULL);
}
static Value float_float_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__float__");
    return float_pos_m(vm, a, n, k);
}
static Value float_zero_m(VM *vm, Value *a, int n, Value k) { return float_new(vm, 0.0); }

static Value float_is_integer(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("is_integer");
    if (vm_check_args(vm, "is_integer", n - 1, k, 0, 0) < 0) return VNULL;
    double d = float_val(a[0]);
    return vm_bool(vm, isfinite(d) && d == floor(d));
}

static Value float_as_ratio(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("as_integer_ratio");
    if (vm_check_args(vm, "as_integer_ratio", n - 1, k, 0, 0) < 0) return VNULL;
    double d = float_val(a[0]);
    if (isinf(d)) return vm_raise(vm, vm->e_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return vm_raise(vm, vm->e_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) { m *= 2.0; e--; }
    Value num = int_from_double(vm, m), den = v_from_int(1);
    if (!num) return VNULL;
    Value sh = v_from_int(e < 0 ? -e : e);
    if (e > 0) num = int_binop(vm, OP_LSHIFT, num, sh);
    else den = int_binop(vm, OP_LSHIFT, den, sh);
    if (!num || !den) return VNULL;
    return tuple_pack(vm, 2, num, den);
}

/* float.hex(): CPython's float_hex, [-]0xh.hhhhhhhhhhhhhp[+-]e. */
static Value float_hex(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("hex");
    double x = float_val(a[0]);
    if (!isfinite(x)) return float_repr(vm, x);
    if (x == 0.0) return str_from_cstr(vm, copysign(1.0, x) < 0 ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[32];
    int si = 0;
    s[si++] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    return str_printf(vm, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static Value float_format_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__format__");
    if (vm_check_args(vm, "__format__", n - 1, k, 1, 1) < 0) return VNULL;
    Value spec = a[1];
    if (!isinst(vm, spec, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__format__() argument must be str, not %s",
                        type_name(vm, spec));
    if (as_str(spec)->len == 0) return vm_str(vm, a[0]);
    FormatSpec f;
    StrBuf out, err;
    sb_init(&out);
    sb_init(&err);
    int rc = fmtspec_parse(str_cstr(spec), as_str(spec)->len, FMT_KIND_FLOAT, type_name(vm, a[0]), &f, &err);
    if (rc == FMT_OK) rc = fmtspec_format_float(&f, float_val(a[0]), &out, &err);
    Value r = VNULL;
    if (rc == FMT_OK) r = str_new(vm, out.data ? out.data : "", out.len);
    else vm_raise(vm, rc == FMT_OVERFLOW_ERROR ? vm->e_OverflowError : vm->e_ValueError, "%s",
                  err.data ? err.data : "");
    sb_free(&out);
    sb_free(&err);
    return r;
}

static Value float_getnewargs_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__getnewargs__");
    Value f = float_new(vm, float_val(a[0]));
    return f ? tuple_pack(vm, 1, f) : VNULL;
}

void float_init(VM *vm) {
    vm->t_float = type_new_builtin(vm, "float", vm->t_object, sizeof(Float), TF_BASETYPE);
    Type *t = vm->t_float;
    type_add_static(vm, t, "__new__", float_new_m);
    static const struct { const char *name; NativeFn fn; } ms[] = {
        {"__repr__", float_repr_m}, {"__hash__", float_hash_m}, {"__bool__", float_bool_m},
        {"__add__", float_add}, {"__radd__", float_radd}, {"__sub__", float_sub},
        {"__rsub__", float_rsub}, {"__mul__", float_mul}, {"__rmul__", float_rmul},
        {"__truediv__", float_truediv}, {"__rtruediv__", float_rtruediv},
        {"__floordiv__", float_floordiv}, {"__rfloordiv__", float_rfloordiv},
        {"__mod__", float_mod}, {"__rmod__", float_rmod}, {"__pow__", float_pow_m},
        {"__rpow__", float_rpow_m}, {"__divmod__", float_divmod_m},
        {"__rdivmod__", float_rdivmod_m}, {"__eq__", float_eq}, {"__ne__", float_ne},
        {"__lt__", float_lt}, {"__le__", float_le}, {"__gt__", float_gt}, {"__ge__", float_ge},
        {"__neg__", float_neg_m}, {"__pos__", float_pos_m}, {"__abs__", float_abs_m},
        {"__int__", float_trunc_m}, {"__trunc__", float_trunc_m}, {"__floor__", float_floor_m},
        {"__ceil__", float_ceil_m}, {"__round__", float_round_m}, {"__float__", float_float_m},
        {"__format__", float_format_m}, {"__getnewargs__", float_getnewargs_m},
        {"is_integer", float_is_integer}, {"as_integer_ratio", float_as_ratio},
        {"hex", float_hex}, {"conjugate", float_float_m},
    };
    for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) type_add_method(vm, t, ms[i].name, ms[i].fn);
    type_add_property(vm, t, "real", float_float_m, NULL);
    type_add_property(vm, t, "imag", float_zero_m, NULL);
}
