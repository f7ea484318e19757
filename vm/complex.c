/* complex.c — Python's complex: boxed (re, im) double pairs, construction from numbers and
 * strings, CPython-exact repr and hash, and the arithmetic (CPython's _Py_c_* algorithms,
 * so results match bit for bit) mixing int, float and complex on either side.
 * The type has no vm->t_ slot: it lives in vm->hidden, and instances are recognized by
 * the layout type's trace hook, which only this file uses. */
#include "vm/complexobj.h"
#include "vm/numobj.h"
#include "vm/numfmt.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HIDDEN_KEY "__aspen_complex__"

typedef struct { double re, im; } C;

/* Complex objects reference nothing; the hook exists so instances can be recognized. */
static void complex_trace(GC *gc, Obj *o) { (void)gc; (void)o; }

Type *complex_type(VM *vm) { return (Type *)dict_get_cstr(vm, vm->hidden, HIDDEN_KEY); }

bool complex_is(VM *vm, Value v) {
    if (!v || v_is_int(v)) return false;
    Type *t = ((Obj *)v)->type;
    return t->layout && t->layout->trace == complex_trace;
}

static C cval(Value v) { return (C){((Complex *)v)->re, ((Complex *)v)->im}; }

static Value alloc_in(VM *vm, Type *cls, double re, double im) {
    Complex *c = gc_alloc(vm, cls, cls->size < sizeof(Complex) ? sizeof(Complex) : cls->size);
    if (!c) return VNULL;
    c->re = re;
    c->im = im;
    return v_from_obj(c);
}

Value complex_new(VM *vm, double re, double im) { return alloc_in(vm, complex_type(vm), re, im); }

static Value from_c(VM *vm, C c) { return complex_new(vm, c.re, c.im); }

/* CPython's TO_COMPLEX: 1 converted, 0 not a number we mix with, -1 raised. */
static int to_c(VM *vm, Value v, C *out) {
    if (complex_is(vm, v)) { *out = cval(v); return 1; }
    if (float_is(vm, v)) { *out = (C){float_val(v), 0.0}; return 1; }
    if (int_is(vm, v)) {
        out->im = 0.0;
        return int_as_double(vm, v, &out->re) < 0 ? -1 : 1;
    }
    return 0;
}

/* ---- the _Py_c_* core ---- */

static C c_sum(C a, C b) { return (C){a.re + b.re, a.im + b.im}; }
static C c_diff(C a, C b) { return (C){a.re - b.re, a.im - b.im}; }
static C c_prod(C a, C b) { return (C){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

/* Smith's algorithm as CPython has it; *zerodiv set when b == 0. */
static C c_quot(C a, C b, bool *zerodiv) {
    double abs_br = fabs(b.re), abs_bi = fabs(b.im);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) { *zerodiv = true; return (C){0.0, 0.0}; }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (C){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_bi >= abs_br) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (C){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (C){NAN, NAN};   /* at least one NaN */
}

static C c_pow(C a, C b, bool *zerodiv) {
    if (b.re == 0.0 && b.im == 0.0) return (C){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) *zerodiv = true;
        return (C){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (C){len * cos(phase), len * sin(phase)};
}

static C c_powu(C x, long n) {
    C r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

static C c_powi(C x, long n, bool *zerodiv) {
    if (n > 0) return c_powu(x, n);
    return c_quot((C){1.0, 0.0}, c_powu(x, -n), zerodiv);
}

Value complex_pow_parts(VM *vm, double ar, double ai, double br, double bi) {
    C a = {ar, ai}, b = {br, bi}, p;
    bool zerodiv = false;
    /* small integral exponents multiply out: faster and more accurate */
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) p = c_powi(a, (long)b.re, &zerodiv);
    else p = c_pow(a, b, &zerodiv);
    if (zerodiv)
        return vm_raise(vm, vm->e_ZeroDivisionError, "0.0 to a negative or complex power");
    if (isinf(p.re) || isinf(p.im))
        return vm_raise(vm, vm->e_OverflowError, "complex exponentiation");
    return from_c(vm, p);
}

/* ---- construction ---- */

#define SELF_CHECK(name)                                                                      \
    do {                                                                                      \
        if (n < 1 || !complex_is(vm, a[0]))                                                   \
            return vm_raise(vm, vm->e_TypeError,                                              \
                            "descriptor '%s' requires a 'complex' object but received a '%s'", \
                            name, n < 1 ? "nothing" : type_name(vm, a[0]));                   \
    } while (0)

/* Length of the float literal (digits, point, exponent, or inf/infinity/nan, with an
 * optional sign) at s, or 0. Leaves validation of the text to numfmt_parse_double. */
static size_t float_prefix(const char *s) {
    size_t i = 0;
    if (s[i] == '+' || s[i] == '-') i++;
    if (!strncasecmp(s + i, "infinity", 8)) return i + 8;
    if (!strncasecmp(s + i, "inf", 3) || !strncasecmp(s + i, "nan", 3)) return i + 3;
    size_t start = i;
    bool digits = false;
    while (isdigit((unsigned char)s[i])) { i++; digits = true; }
    if (s[i] == '.') {
        i++;
        while (isdigit((unsigned char)s[i])) { i++; digits = true; }
    }
    if (!digits) return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1;
        if (s[j] == '+' || s[j] == '-') j++;
        if (isdigit((unsigned char)s[j])) {
            while (isdigit((unsigned char)s[j])) j++;
            i = j;
        }
    }
    return i > start ? i : 0;
}

/* Parses a float at *s, advancing it; false if there is none. */
static bool take_float(const char **s, double *out) {
    size_t n = float_prefix(*s);
    if (!n || numfmt_parse_double(*s, n, out)) return false;
    *s += n;
    return true;
}

/* CPython's complex_from_string_inner over a NUL-terminated, underscore-free string. */
static bool parse_complex(const char *s, C *out) {
    double x = 0.0, y = 0.0, z;
    bool bracket = false;
    while (isspace((unsigned char)*s)) s++;
    if (*s == '(') {
        bracket = true;
        s++;
        while (isspace((unsigned char)*s)) s++;
    }
    if (take_float(&s, &z)) {
        if (*s == '+' || *s == '-') {            /* <float><signed-float>j | <float><sign>j */
            x = z;
            if (!take_float(&s, &y)) { y = *s == '+' ? 1.0 : -1.0; s++; }
            if (*s != 'j' && *s != 'J') return false;
            s++;
        } else if (*s == 'j' || *s == 'J') {     /* <float>j */
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {                                     /* j | +j | -j */
        if (*s == '+' || *s == '-') { y = *s == '+' ? 1.0 : -1.0; s++; }
        else y = 1.0;
        if (*s != 'j' && *s != 'J') return false;
        s++;
    }
    while (isspace((unsigned char)*s)) s++;
    if (bracket) {
        if (*s != ')') return false;
        s++;
        while (isspace((unsigned char)*s)) s++;
    }
    if (*s) return false;
    *out = (C){x, y};
    return true;
}

static Value from_string(VM *vm, Type *cls, Value str) {
    Str *s = as_str(str);
    char *buf = malloc((size_t)s->len + 1);
    if (!buf) return vm_raise(vm, vm->e_MemoryError, "%s", "");
    size_t k = 0;
    bool ok = true;
    /* single underscores between digits are allowed, as in literals */
    for (int64_t i = 0; i < s->len; i++) {
        char ch = s->data[i];
        if (ch == '_') {
            if (!k || !isdigit((unsigned char)buf[k - 1]) || i + 1 >= s->len ||
                !isdigit((unsigned char)s->data[i + 1])) { ok = false; break; }
            continue;
        }
        if (!ch) { ok = false; break; }
        buf[k++] = ch;
    }
    buf[k] = 0;
    C c;
    ok = ok && parse_complex(buf, &c);
    free(buf);
    if (!ok) return vm_raise(vm, vm->e_ValueError, "complex() arg is a malformed string");
    return alloc_in(vm, cls, c.re, c.im);
}

static bool has_number_slot(VM *vm, Value v) {
    if (complex_is(vm, v) || float_is(vm, v) || int_is(vm, v)) return true;
    Type *t = type_of(vm, v);
    return type_lookup(vm, t, vm->s___float__) || type_lookup(vm, t, vm->s___index__);
}

/* complex(x) where x may define __complex__; returns x itself when it does not. */
static Value try_complex_method(VM *vm, Value r) {
    Value name = str_intern_cstr(vm, "__complex__");
    if (!name) return VNULL;
    if (!type_lookup(vm, type_of(vm, r), name)) return r;
    Value res = vm_call_method(vm, r, name, NULL, 0);
    if (!res) return VNULL;
    if (!complex_is(vm, res))
        return vm_raise(vm, vm->e_TypeError, "__complex__ returned non-complex (type %s)",
                        type_name(vm, res));
    return res;
}

static Value complex_new_m(VM *vm, Value *a, int n, Value kw) {
    if (n < 1 || !isinst(vm, a[0], vm->t_type))
        return vm_raise(vm, vm->e_TypeError, "complex.__new__(X): X is not a type object");
    Type *cls = (Type *)a[0], *ct = complex_type(vm);
    if (cls != ct && !type_is_subtype(cls, ct))
        return vm_raise(vm, vm->e_TypeError, "complex.__new__(%s): %s is not a subtype of complex",
                        cls->name, cls->name);
    static const char *const names[] = {"real", "imag", NULL};
    Value arg[2];
    if (vm_parse_args(vm, "complex", a + 1, n - 1, kw, names, 0, 0, arg) < 0) return VNULL;
    Value r = arg[0], i = arg[1];
    if (!r) r = v_from_int(0);
    if (type_of(vm, r) == vm->t_str) {
        if (i) return vm_raise(vm, vm->e_TypeError, "complex() can't take second arg if first is a string");
        return from_string(vm, cls, r);
    }
    if (i && type_of(vm, i) == vm->t_str)
        return vm_raise(vm, vm->e_TypeError, "complex() second arg can't be a string");
    if (!i && cls == ct && type_of(vm, r) == ct) return r;
    r = try_complex_method(vm, r);
    if (!r) return VNULL;
    if (!has_number_slot(vm, r))
        return vm_raise(vm, vm->e_TypeError,
                        "complex() first argument must be a string or a number, not '%s'",
                        type_name(vm, r));
    if (i && !has_number_slot(vm, i))
        return vm_raise(vm, vm->e_TypeError, "complex() second argument must be a number, not '%s'",
                        type_name(vm, i));
    C cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool cr_complex = complex_is(vm, r), ci_complex = i && complex_is(vm, i);
    if (cr_complex) cr = cval(r);
    else if (vm_to_double(vm, r, &cr.re) < 0) return VNULL;
    if (!i) ci.re = cr.im;
    else if (ci_complex) ci = cval(i);
    else if (vm_to_double(vm, i, &ci.re) < 0) return VNULL;
    /* real + imag*1j when either part is itself complex */
    if (ci_complex) cr.re -= ci.im;
    if (cr_complex && i) ci.re += cr.im;
    return alloc_in(vm, cls, cr.re, ci.re);
}

/* ---- methods ---- */

static Value complex_repr_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__repr__");
    C c = cval(a[0]);
    StrBuf sb;
    sb_init(&sb);
    if (c.re == 0.0 && !signbit(c.re)) {
        numfmt_double(c.im, 'r', 0, 0, &sb);     /* +0 real part: just the imaginary */
        sb_addc(&sb, 'j');
    } else {
        sb_addc(&sb, '(');
        numfmt_double(c.re, 'r', 0, 0, &sb);
        numfmt_double(c.im, 'r', 0, NUMFMT_SIGN, &sb);
        sb_adds(&sb, "j)");
    }
    Value r = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static Value complex_hash_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__hash__");
    C c = cval(a[0]);
    /* NaN parts hash by identity in CPython; the object's address stands in */
    uint64_t hr = isnan(c.re) ? (uint64_t)(a[0] >> 4) : (uint64_t)float_hash(c.re);
    uint64_t hi = isnan(c.im) ? (uint64_t)(a[0] >> 4) : (uint64_t)float_hash(c.im);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return int_from_i64(vm, h == -1 ? -2 : h);
}

static Value complex_bool_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__bool__");
    C c = cval(a[0]);
    return vm_bool(vm, c.re != 0.0 || c.im != 0.0);
}

static Value binop(VM *vm, int op, Value x, Value y, Value mod) {
    C p, q;
    int r = to_c(vm, x, &p);
    if (r <= 0) return r < 0 ? VNULL : vm->notimpl;
    r = to_c(vm, y, &q);
    if (r <= 0) return r < 0 ? VNULL : vm->notimpl;
    bool zerodiv = false;
    switch (op) {
    case OP_ADD: return from_c(vm, c_sum(p, q));
    case OP_SUB: return from_c(vm, c_diff(p, q));
    case OP_MULT: return from_c(vm, c_prod(p, q));
    case OP_DIV: {
        C d = c_quot(p, q, &zerodiv);
        if (zerodiv) return vm_raise(vm, vm->e_ZeroDivisionError, "complex division by zero");
        return from_c(vm, d);
    }
    default:
        if (mod && mod != vm->none) return vm_raise(vm, vm->e_ValueError, "complex modulo");
        return complex_pow_parts(vm, p.re, p.im, q.re, q.im);
    }
}

#define CBINOP_PAIR(NAME, OP, MAXARGS)                                                      \
    static Value complex_##NAME(VM *vm, Value *a, int n, Value k) {                         \
        SELF_CHECK("__" #NAME "__");                                                        \
        if (vm_check_args(vm, "__" #NAME "__", n - 1, k, 1, MAXARGS) < 0) return VNULL;     \
        return binop(vm, OP, a[0], a[1], n > 2 ? a[2] : VNULL);                             \
    }                                                                                       \
    static Value complex_r##NAME(VM *vm, Value *a, int n, Value k) {                        \
        SELF_CHECK("__r" #NAME "__");                                                       \
        if (vm_check_args(vm, "__r" #NAME "__", n - 1, k, 1, MAXARGS) < 0) return VNULL;    \
        return binop(vm, OP, a[1], a[0], n > 2 ? a[2] : VNULL);                             \
    }
CBINOP_PAIR(add, OP_ADD, 1)
CBINOP_PAIR(sub, OP_SUB, 1)
CBINOP_PAIR(mul, OP_MULT, 1)
CBINOP_PAIR(truediv, OP_DIV, 1)
CBINOP_PAIR(pow, OP_POW, 2)

/* Only == and != are defined; ints compare exactly against the real part. */
static Value compare(VM *vm, Value *a, int n, bool ne, const char *name) {
    SELF_CHECK(name);
    if (vm_check_args(vm, name, n - 1, VNULL, 1, 1) < 0) return VNULL;
    C c = cval(a[0]);
    Value w = a[1];
    bool eq;
    if (int_is(vm, w)) {
        if (c.im != 0.0) eq = false;
        else {
            Value f = float_new(vm, c.re);
            if (!f) return VNULL;
            int r = vm_eq(vm, f, w);
            if (r < 0) return VNULL;
            eq = r;
        }
    } else if (float_is(vm, w)) {
        eq = c.re == float_val(w) && c.im == 0.0;
    } else if (complex_is(vm, w)) {
        C d = cval(w);
        eq = c.re == d.re && c.im == d.im;
    } else {
        return vm->notimpl;
    }
    return vm_bool(vm, eq != ne);
}
static Value complex_eq(VM *vm, Value *a, int n, Value k) { return compare(vm, a, n, false, "__eq__"); }
static Value complex_ne(VM *vm, Value *a, int n, Value k) { return compare(vm, a, n, true, "__ne__"); }

static Value complex_neg_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__neg__");
    C c = cval(a[0]);
    return complex_new(vm, -c.re, -c.im);
}

static Value complex_pos_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__pos__");
    if (type_of(vm, a[0]) == complex_type(vm)) return a[0];
    return from_c(vm, cval(a[0]));
}

static Value complex_abs_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__abs__");
    C c = cval(a[0]);
    if (isinf(c.re) || isinf(c.im)) return float_new(vm, INFINITY);
    if (isnan(c.re) || isnan(c.im)) return float_new(vm, NAN);
    double r = hypot(c.re, c.im);
    if (isinf(r)) return vm_raise(vm, vm->e_OverflowError, "absolute value too large");
    return float_new(vm, r);
}

static Value complex_conjugate(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("conjugate");
    if (vm_check_args(vm, "conjugate", n - 1, k, 0, 0) < 0) return VNULL;
    C c = cval(a[0]);
    return complex_new(vm, c.re, -c.im);
}

static Value complex_getnewargs(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__getnewargs__");
    C c = cval(a[0]);
    Value re = float_new(vm, c.re), im = re ? float_new(vm, c.im) : VNULL;
    return im ? tuple_pack(vm, 2, re, im) : VNULL;
}

static Value complex_real(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("real");
    return float_new(vm, cval(a[0]).re);
}

static Value complex_imag(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("imag");
    return float_new(vm, cval(a[0]).im);
}

void complex_init(VM *vm) {
    Type *t = type_new_builtin(vm, "complex", vm->t_object, sizeof(Complex), TF_BASETYPE);
    t->trace = complex_trace;
    dict_set_cstr(vm, vm->hidden, HIDDEN_KEY, v_from_obj(t));
    type_add_static(vm, t, "__new__", complex_new_m);
    static const struct { const char *name; NativeFn fn; } ms[] = {
        {"__repr__", complex_repr_m}, {"__hash__", complex_hash_m}, {"__bool__", complex_bool_m},
        {"__add__", complex_add}, {"__radd__", complex_radd}, {"__sub__", complex_sub},
        {"__rsub__", complex_rsub}, {"__mul__", complex_mul}, {"__rmul__", complex_rmul},
        {"__truediv__", complex_truediv}, {"__rtruediv__", complex_rtruediv},
        {"__pow__", complex_pow}, {"__rpow__", complex_rpow},
        {"__eq__", complex_eq}, {"__ne__", complex_ne},
        {"__neg__", complex_neg_m}, {"__pos__", complex_pos_m}, {"__abs__", complex_abs_m},
        {"__complex__", complex_pos_m}, {"__getnewargs__", complex_getnewargs},
        {"conjugate", complex_conjugate},
    };
    for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) type_add_method(vm, t, ms[i].name, ms[i].fn);
    type_add_property(vm, t, "real", complex_real, NULL);
    type_add_property(vm, t, "imag", complex_imag, NULL);
}
