/* math.c — the `math` module, with CPython 3.11's results and errors: libm wrappers with
 * its domain/range classification, exact integer functions (factorial, gcd, lcm, comb,
 * perm, isqrt) over big ints, and the accurate summations (fsum: Shewchuk's exact partials;
 * hypot/dist: CPython's vector_norm with error-free squaring). */
#include "vm/numobj.h"
#include <float.h>
#include <math.h>
#include <string.h>

static Value domain_error(VM *vm) { return vm_raise(vm, vm->e_ValueError, "math domain error"); }
static Value range_error(VM *vm) { return vm_raise(vm, vm->e_OverflowError, "math range error"); }

static int one_arg(VM *vm, const char *name, int n, Value kw) {
    if (kw && as_tuple(kw)->n) {
        vm_raise(vm, vm->e_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    if (n != 1) {
        vm_raise(vm, vm->e_TypeError, "math.%s() takes exactly one argument (%d given)", name, n);
        return -1;
    }
    return 0;
}

static int two_args(VM *vm, const char *name, int n, Value kw) {
    if (kw && as_tuple(kw)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (n != 2) {
        vm_raise(vm, vm->e_TypeError, "%s expected 2 arguments, got %d", name, n);
        return -1;
    }
    return 0;
}

/* CPython's math_1: NaN from a non-NaN is a domain error; an infinity from a finite input
 * is a range error for functions that can overflow, else a domain error. */
static Value math_1(VM *vm, Value *a, int n, Value kw, const char *name, double (*f)(double),
                    bool can_overflow) {
    if (one_arg(vm, name, n, kw) < 0) return VNULL;
    double x;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    double r = f(x);
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
    return float_new(vm, r);
}

/* CPython's math_2. */
static Value math_2(VM *vm, Value *a, int n, Value kw, const char *name, double (*f)(double, double)) {
    if (two_args(vm, name, n, kw) < 0) return VNULL;
    double x, y;
    if (vm_to_double(vm, a[0], &x) < 0 || vm_to_double(vm, a[1], &y) < 0) return VNULL;
    double r = f(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    if (isinf(r) && isfinite(x) && isfinite(y)) return range_error(vm);
    return float_new(vm, r);
}

static double deg(double x) { return x * (180.0 / M_PI); }
static double rad(double x) { return x * (M_PI / 180.0); }
static double c_sqrt(double x) { return sqrt(x); }

#define M1(NAME, FN, OVF)                                                                   \
    static Value m_##NAME(VM *vm, Value *a, int n, Value k) {                              \
        return math_1(vm, a, n, k, #NAME, FN, OVF);                                         \
    }
M1(sqrt, c_sqrt, false)
M1(exp, exp, true)
M1(exp2, exp2, true)
M1(expm1, expm1, true)
M1(log1p, log1p, false)
M1(sin, sin, false)
M1(cos, cos, false)
M1(tan, tan, false)
M1(asin, asin, false)
M1(acos, acos, false)
M1(atan, atan, false)
M1(sinh, sinh, true)
M1(cosh, cosh, true)
M1(tanh, tanh, false)
M1(asinh, asinh, false)
M1(acosh, acosh, false)
M1(atanh, atanh, false)
M1(erf, erf, false)
M1(erfc, erfc, false)
M1(cbrt, cbrt, false)
M1(fabs, fabs, false)
M1(degrees, deg, false)
M1(radians, rad, false)

static double m_fmod(double x, double y) {
    if (isinf(y) && isfinite(x)) return x;
    return fmod(x, y);
}
static double m_remainder(double x, double y) { return remainder(x, y); }

static Value m_atan2(VM *vm, Value *a, int n, Value k) { return math_2(vm, a, n, k, "atan2", atan2); }
static Value m_fmod_f(VM *vm, Value *a, int n, Value k) { return math_2(vm, a, n, k, "fmod", m_fmod); }
static Value m_copysign(VM *vm, Value *a, int n, Value k) { return math_2(vm, a, n, k, "copysign", copysign); }
static Value m_remainder_f(VM *vm, Value *a, int n, Value k) { return math_2(vm, a, n, k, "remainder", m_remainder); }
static Value m_nextafter(VM *vm, Value *a, int n, Value k) {
    if (two_args(vm, "nextafter", n, k) < 0) return VNULL;
    double x, y;
    if (vm_to_double(vm, a[0], &x) < 0 || vm_to_double(vm, a[1], &y) < 0) return VNULL;
    return float_new(vm, nextafter(x, y));
}

static Value m_gamma(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "gamma", n, k) < 0) return VNULL;
    double x;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    if (isfinite(x) && x <= 0 && x == floor(x)) return domain_error(vm);
    if (x == -INFINITY) return domain_error(vm);
    double r = tgamma(x);
    if (isinf(r) && isfinite(x)) return range_error(vm);
    return float_new(vm, r);
}

static Value m_lgamma(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "lgamma", n, k) < 0) return VNULL;
    double x;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    if (isfinite(x) && x <= 0 && x == floor(x)) return domain_error(vm);
    double r = lgamma(x);
    if (isinf(r) && isfinite(x)) return range_error(vm);
    return float_new(vm, r);
}

static Value m_ulp(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "ulp", n, k) < 0) return VNULL;
    double x;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    if (isnan(x)) return float_new(vm, x);
    x = fabs(x);
    if (isinf(x)) return float_new(vm, x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) return float_new(vm, x - nextafter(x, -INFINITY));
    return float_new(vm, x2 - x);
}

/* ---- pow, logs ---- */

static Value m_pow(VM *vm, Value *a, int n, Value k) {
    if (two_args(vm, "pow", n, k) < 0) return VNULL;
    double x, y, r;
    if (vm_to_double(vm, a[0], &x) < 0 || vm_to_double(vm, a[1], &y) < 0) return VNULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            r = y > 0 ? (odd ? x : fabs(x)) : y == 0 ? 1.0 : (odd ? copysign(0.0, x) : 0.0);
        } else {
            if (fabs(x) == 1.0) r = 1.0;
            else if (y > 0 && fabs(x) > 1.0) r = y;
            else if (y < 0 && fabs(x) < 1.0) r = -y;
            else r = 0.0;
        }
        return float_new(vm, r);
    }
    r = pow(x, y);
    if (isnan(r)) return domain_error(vm);
    if (isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
    return float_new(vm, r);
}

/* CPython's loghelper: ints too large for a double are split as m * 2**e first. */
static int log_of(VM *vm, Value v, double (*f)(double), double *out) {
    if (int_is(vm, v)) {
        if (int_sign(v) <= 0) { domain_error(vm); return -1; }
        BigIntTmp t;
        const BigInt *b = int_view(v, &t);
        bool ovf = false;
        double x = bigint_to_double(b, &ovf);
        if (!ovf) { *out = f(x); return 0; }
        uint64_t bl = bigint_bit_length(b), shift = bl - 55;
        int_bind(vm);
        Value top = int_binop(vm, OP_RSHIFT, v, int_from_u64(vm, shift));
        if (!top) return -1;
        Value back = int_binop(vm, OP_LSHIFT, top, int_from_u64(vm, shift));
        if (!back) return -1;
        int64_t m;
        int_to_i64(top, &m);
        if (int_cmp(vm, back, v) != 0) m |= 1;   /* sticky bit: round correctly below */
        int e;
        double frac = frexp((double)m, &e);
        *out = f(frac) + f(2.0) * ((double)e + (double)shift);
        return 0;
    }
    double x;
    if (vm_to_double(vm, v, &x) < 0) return -1;
    if (isnan(x)) { *out = x; return 0; }
    if (x <= 0) { domain_error(vm); return -1; }
    if (isinf(x)) { *out = x; return 0; }
    *out = f(x);
    return 0;
}

static Value m_log(VM *vm, Value *a, int n, Value k) {
    if (k && as_tuple(k)->n) return vm_raise(vm, vm->e_TypeError, "log() takes no keyword arguments");
    if (n < 1) return vm_raise(vm, vm->e_TypeError, "log expected at least 1 argument, got %d", n);
    if (n > 2) return vm_raise(vm, vm->e_TypeError, "log expected at most 2 arguments, got %d", n);
    double num, den;
    if (log_of(vm, a[0], log, &num) < 0) return VNULL;
    if (n == 1) return float_new(vm, num);
    if (log_of(vm, a[1], log, &den) < 0) return VNULL;
    if (den == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float division by zero");
    return float_new(vm, num / den);
}

static Value m_log2(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "log2", n, k) < 0) return VNULL;
    double r;
    return log_of(vm, a[0], log2, &r) < 0 ? VNULL : float_new(vm, r);
}

static Value m_log10(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "log10", n, k) < 0) return VNULL;
    double r;
    return log_of(vm, a[0], log10, &r) < 0 ? VNULL : float_new(vm, r);
}

/* ---- rounding to int ---- */

static Value round_to_int(VM *vm, Value x, Value dunder, double (*f)(double)) {
    if (type_of(vm, x) == vm->t_float) return int_from_double(vm, f(float_val(x)));
    if (type_lookup(vm, type_of(vm, x), dunder)) return vm_call_method(vm, x, dunder, NULL, 0);
    double d;
    if (vm_to_double(vm, x, &d) < 0) return VNULL;
    return int_from_double(vm, f(d));
}

static Value m_floor(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "floor", n, k) < 0) return VNULL;
    return round_to_int(vm, a[0], vm->s___floor__, floor);
}

static Value m_ceil(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "ceil", n, k) < 0) return VNULL;
    return round_to_int(vm, a[0], vm->s___ceil__, ceil);
}

static Value m_trunc(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "trunc", n, k) < 0) return VNULL;
    if (type_of(vm, a[0]) == vm->t_float) return int_from_double(vm, trunc(float_val(a[0])));
    if (!type_lookup(vm, type_of(vm, a[0]), vm->s___trunc__))
        return vm_raise(vm, vm->e_TypeError, "type %s doesn't define __trunc__ method", type_name(vm, a[0]));
    return vm_call_method(vm, a[0], vm->s___trunc__, NULL, 0);
}

/* ---- predicates and small float functions ---- */

static Value pred(VM *vm, Value *a, int n, Value k, const char *name, int which) {
    if (one_arg(vm, name, n, k) < 0) return VNULL;
    double x;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    return vm_bool(vm, which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}
static Value m_isfinite(VM *vm, Value *a, int n, Value k) { return pred(vm, a, n, k, "isfinite", 0); }
static Value m_isinf(VM *vm, Value *a, int n, Value k) { return pred(vm, a, n, k, "isinf", 1); }
static Value m_isnan(VM *vm, Value *a, int n, Value k) { return pred(vm, a, n, k, "isnan", 2); }

static Value m_isclose(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Value v[4];
    if (n > 2) return vm_raise(vm, vm->e_TypeError, "isclose() takes exactly 2 positional arguments (%d given)", n);
    if (vm_parse_args(vm, "isclose", a, n, k, names, 2, 0, v) < 0) return VNULL;
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (vm_to_double(vm, v[0], &x) < 0 || vm_to_double(vm, v[1], &y) < 0) return VNULL;
    if (v[2] && vm_to_double(vm, v[2], &rel) < 0) return VNULL;
    if (v[3] && vm_to_double(vm, v[3], &abs_tol) < 0) return VNULL;
    if (rel < 0.0 || abs_tol < 0.0) return vm_raise(vm, vm->e_ValueError, "tolerances must be non-negative");
    if (x == y) return vm->true_;
    if (isinf(x) || isinf(y)) return vm->false_;
    double diff = fabs(y - x);
    return vm_bool(vm, diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

static Value m_modf(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "modf", n, k) < 0) return VNULL;
    double x, ip, fp;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    if (isinf(x)) { ip = x; fp = copysign(0.0, x); }
    else if (isnan(x)) { ip = fp = x; }
    else fp = modf(x, &ip);
    Value f = float_new(vm, fp), i = float_new(vm, ip);
    return f && i ? tuple_pack(vm, 2, f, i) : VNULL;
}

static Value m_frexp(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "frexp", n, k) < 0) return VNULL;
    double x, m;
    int e = 0;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    if (!isfinite(x) || x == 0.0) m = x;
    else m = frexp(x, &e);
    Value f = float_new(vm, m);
    return f ? tuple_pack(vm, 2, f, v_from_int(e)) : VNULL;
}

static Value m_ldexp(VM *vm, Value *a, int n, Value k) {
    if (two_args(vm, "ldexp", n, k) < 0) return VNULL;
    double x;
    if (vm_to_double(vm, a[0], &x) < 0) return VNULL;
    if (!int_is(vm, a[1]))
        return vm_raise(vm, vm->e_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!int_to_i64(a[1], &e)) e = int_sign(a[1]) < 0 ? INT32_MIN : INT32_MAX;
    if (e > INT32_MAX) e = INT32_MAX;
    if (e < INT32_MIN) e = INT32_MIN;
    if (x == 0.0 || !isfinite(x)) return float_new(vm, x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error(vm);
    return float_new(vm, r);
}

/* ---- accurate sums ---- */

/* CPython's vector_norm: the Euclidean norm of non-negative finite values (max is their
 * maximum), nearly always correctly rounded: scaled, squared without error (fma) and summed
 * with compensation, then a final correction step. */
static double vector_norm(int64_t n, double *vec, double max, bool found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (int64_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        double hi = x * x, lo = fma(x, x, -hi);
        double s = csum + hi, z = s - csum, slo = hi - z;
        csum = s;
        frac1 += lo;
        frac2 += slo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    double phi = -h * h, plo = fma(-h, h, -phi);
    double s = csum + phi, z = s - csum, slo = phi - z;
    csum = s;
    frac1 += plo;
    frac2 += slo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static Value m_hypot(VM *vm, Value *a, int n, Value k) {
    if (k && as_tuple(k)->n) return vm_raise(vm, vm->e_TypeError, "hypot() takes no keyword arguments");
    double buf[16], *vec = n <= 16 ? buf : malloc(sizeof(double) * (size_t)n);
    if (!vec) return vm_nomem(vm);
    double max = 0.0;
    bool nan = false;
    for (int i = 0; i < n; i++) {
        double x;
        if (vm_to_double(vm, a[i], &x) < 0) { if (vec != buf) free(vec); return VNULL; }
        x = fabs(x);
        vec[i] = x;
        nan |= isnan(x);
        if (x > max) max = x;
    }
    double r = vector_norm(n, vec, max, nan);
    if (vec != buf) free(vec);
    return float_new(vm, r);
}

static Value m_dist(VM *vm, Value *a, int n, Value k) {
    if (two_args(vm, "dist", n, k) < 0) return VNULL;
    Value p = vm_to_tuple(vm, a[0]);
    if (!p) return VNULL;
    Value q = vm_to_tuple(vm, a[1]);
    if (!q) return VNULL;
    int64_t len = as_tuple(p)->n;
    if (as_tuple(q)->n != len)
        return vm_raise(vm, vm->e_ValueError, "both points must have the same number of dimensions");
    double *vec = malloc(sizeof(double) * (size_t)(len ? len : 1));
    if (!vec) return vm_nomem(vm);
    double max = 0.0;
    bool nan = false;
    for (int64_t i = 0; i < len; i++) {
        double x, y;
        if (vm_to_double(vm, as_tuple(p)->items[i], &x) < 0 ||
            vm_to_double(vm, as_tuple(q)->items[i], &y) < 0) { free(vec); return VNULL; }
        double d = fabs(x - y);
        vec[i] = d;
        nan |= isnan(d);
        if (d > max) max = d;
    }
    double r = vector_norm(len, vec, max, nan);
    free(vec);
    return float_new(vm, r);
}

/* Shewchuk's algorithm with CPython's handling of specials and final half-even rounding. */
static Value m_fsum(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "fsum", n, k) < 0) return VNULL;
    Value it = vm_iter(vm, a[0]);
    if (!it) return VNULL;
    size_t np = 0, cap = 32;
    double *p = malloc(sizeof(double) * cap);
    if (!p) return vm_nomem(vm);
    double special = 0.0, inf_sum = 0.0;
    Value item;
    while ((item = vm_next(vm, it))) {
        double x;
        if (vm_to_double(vm, item, &x) < 0) { free(p); return VNULL; }
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < np; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y, yr = hi - x, lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        np = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    free(p);
                    return vm_raise(vm, vm->e_OverflowError, "intermediate overflow in fsum");
                }
                if (isinf(xsave)) inf_sum += xsave;
                special += xsave;
                np = 0;
            } else {
                if (np == cap) {
                    double *q = realloc(p, sizeof(double) * cap * 2);
                    if (!q) { free(p); return vm_nomem(vm); }
                    p = q;
                    cap *= 2;
                }
                p[np++] = x;
            }
        }
    }
    if (vm->exc) { free(p); return VNULL; }
    if (special != 0.0) {
        free(p);
        if (isnan(inf_sum)) return vm_raise(vm, vm->e_ValueError, "-inf + inf in fsum");
        return float_new(vm, special);
    }
    double hi = 0.0, lo = 0.0;
    if (np > 0) {
        hi = p[--np];
        while (np > 0) {
            double x = hi, y = p[--np];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (np > 0 && ((lo < 0.0 && p[np - 1] < 0.0) || (lo > 0.0 && p[np - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    free(p);
    return float_new(vm, hi);
}

static Value m_prod(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"iterable", "start", NULL};
    Value v[2];
    if (n > 1) return vm_raise(vm, vm->e_TypeError, "prod() takes exactly 1 positional argument (%d given)", n);
    if (vm_parse_args(vm, "prod", a, n, k, names, 1, 1, v) < 0) return VNULL;
    Value acc = v[1] ? v[1] : v_from_int(1);
    Value it = vm_iter(vm, v[0]);
    if (!it) return VNULL;
    Value item;
    while ((item = vm_next(vm, it))) {
        acc = vm_binop(vm, OP_MULT, acc, item);
        if (!acc) return VNULL;
    }
    return vm->exc ? VNULL : acc;
}

/* ---- integer functions ---- */

/* A non-negative exact int argument; raises with `negmsg` for negatives. */
static Value nonneg_int(VM *vm, Value v, const char *negmsg) {
    Value i = int_index(vm, v);
    if (!i) return VNULL;
    if (int_sign(i) < 0) return vm_raise(vm, vm->e_ValueError, "%s", negmsg);
    return i;
}

/* The product lo * (lo+1) * ... * hi, balanced so the big multiplications are even. */
static Value range_product(VM *vm, int64_t lo, int64_t hi) {
    if (lo > hi) return v_from_int(1);
    if (hi - lo < 8) {
        Value r = int_from_i64(vm, lo);
        for (int64_t i = lo + 1; r && i <= hi; i++) r = int_binop(vm, OP_MULT, r, int_from_i64(vm, i));
        return r;
    }
    int64_t mid = lo + (hi - lo) / 2;
    Value x = range_product(vm, lo, mid);
    if (!x) return VNULL;
    Value y = range_product(vm, mid + 1, hi);
    if (!y) return VNULL;
    return int_binop(vm, OP_MULT, x, y);
}

static Value factorial_of(VM *vm, Value v) {
    int64_t x;
    if (!int_to_i64(v, &x))
        return vm_raise(vm, vm->e_OverflowError, "factorial() argument should not exceed %lld",
                        (long long)INT64_MAX);
    return range_product(vm, 1, x);
}

static Value m_factorial(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "factorial", n, k) < 0) return VNULL;
    Value v = nonneg_int(vm, a[0], "factorial() not defined for negative values");
    return v ? factorial_of(vm, v) : VNULL;
}

static Value m_gcd(VM *vm, Value *a, int n, Value k) {
    if (k && as_tuple(k)->n) return vm_raise(vm, vm->e_TypeError, "gcd() takes no keyword arguments");
    Value g = v_from_int(0);
    for (int i = 0; i < n; i++) {
        Value x = int_index(vm, a[i]);
        if (!x) return VNULL;
        g = int_gcd(vm, g, x);
        if (!g) return VNULL;
    }
    return g;
}

static Value m_lcm(VM *vm, Value *a, int n, Value k) {
    if (k && as_tuple(k)->n) return vm_raise(vm, vm->e_TypeError, "lcm() takes no keyword arguments");
    Value l = v_from_int(1);
    for (int i = 0; i < n; i++) {
        Value x = int_index(vm, a[i]);
        if (!x) return VNULL;
        if (int_sign(l) == 0) continue;
        if (int_sign(x) == 0) { l = v_from_int(0); continue; }
        Value g = int_gcd(vm, l, x);
        if (!g) return VNULL;
        Value q = int_binop(vm, OP_FLOORDIV, l, g);
        if (!q) return VNULL;
        l = int_binop(vm, OP_MULT, q, x);
        if (!l) return VNULL;
        l = int_abs(vm, l);
        if (!l) return VNULL;
    }
    return l;
}

/* n * (n-1) * ... * (n-k+1), and with `divide` that over k! step by step (exact). */
static Value falling(VM *vm, Value nv, int64_t kk, bool divide) {
    Value r = v_from_int(1);
    for (int64_t i = 0; i < kk; i++) {
        Value f = int_binop(vm, OP_SUB, nv, int_from_i64(vm, i));
        if (!f) return VNULL;
        r = int_binop(vm, OP_MULT, r, f);
        if (!r) return VNULL;
        if (divide) {
            r = int_binop(vm, OP_FLOORDIV, r, int_from_i64(vm, i + 1));
            if (!r) return VNULL;
        }
    }
    return r;
}

static Value m_comb(VM *vm, Value *a, int n, Value k) {
    if (two_args(vm, "comb", n, k) < 0) return VNULL;
    Value nv = nonneg_int(vm, a[0], "n must be a non-negative integer");
    if (!nv) return VNULL;
    Value kv = nonneg_int(vm, a[1], "k must be a non-negative integer");
    if (!kv) return VNULL;
    if (int_cmp(vm, kv, nv) > 0) return v_from_int(0);
    Value rest = int_binop(vm, OP_SUB, nv, kv);
    if (!rest) return VNULL;
    if (int_cmp(vm, rest, kv) < 0) kv = rest;
    int64_t kk;
    if (!int_to_i64(kv, &kk))
        return vm_raise(vm, vm->e_OverflowError, "min(n - k, k) must not exceed %lld", (long long)INT64_MAX);
    return falling(vm, nv, kk, true);
}

static Value m_perm(VM *vm, Value *a, int n, Value k) {
    if (k && as_tuple(k)->n) return vm_raise(vm, vm->e_TypeError, "perm() takes no keyword arguments");
    if (n < 1 || n > 2)
        return vm_raise(vm, vm->e_TypeError, "perm expected at %s %d argument%s, got %d",
                        n < 1 ? "least" : "most", n < 1 ? 1 : 2, n < 1 ? "" : "s", n);
    if (n == 1 || a[1] == vm->none) {
        Value v = nonneg_int(vm, a[0], "factorial() not defined for negative values");
        return v ? factorial_of(vm, v) : VNULL;
    }
    Value nv = nonneg_int(vm, a[0], "n must be a non-negative integer");
    if (!nv) return VNULL;
    Value kv = nonneg_int(vm, a[1], "k must be a non-negative integer");
    if (!kv) return VNULL;
    if (int_cmp(vm, kv, nv) > 0) return v_from_int(0);
    int64_t kk;
    if (!int_to_i64(kv, &kk))
        return vm_raise(vm, vm->e_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
    return falling(vm, nv, kk, false);
}

static Value m_isqrt(VM *vm, Value *a, int n, Value k) {
    if (one_arg(vm, "isqrt", n, k) < 0) return VNULL;
    Value v = nonneg_int(vm, a[0], "isqrt() argument must be nonnegative");
    if (!v) return VNULL;
    int64_t x;
    if (int_to_i64(v, &x) && x < ((int64_t)1 << 52)) {
        int64_t r = (int64_t)sqrt((double)x);
        while (r * r > x) r--;
        while ((r + 1) * (r + 1) <= x) r++;
        return v_from_int(r);
    }
    /* Newton from above: x0 = 2**ceil(bits/2) >= sqrt(v); stop when it stops decreasing */
    BigIntTmp t;
    uint64_t bl = bigint_bit_length(int_view(v, &t));
    Value r = int_binop(vm, OP_LSHIFT, v_from_int(1), int_from_u64(vm, (bl + 1) / 2));
    while (r) {
        Value q = int_binop(vm, OP_FLOORDIV, v, r);
        if (!q) return VNULL;
        Value s = int_binop(vm, OP_ADD, r, q);
        if (!s) return VNULL;
        Value y = int_binop(vm, OP_RSHIFT, s, v_from_int(1));
        if (!y) return VNULL;
        if (int_cmp(vm, y, r) >= 0) return r;
        r = y;
    }
    return VNULL;
}

Value math_module_init(VM *vm) {
    Value m = module_new(vm, "math");
    static const struct { const char *name; NativeFn fn; } fns[] = {
        {"sqrt", m_sqrt}, {"exp", m_exp}, {"exp2", m_exp2}, {"expm1", m_expm1},
        {"log", m_log}, {"log2", m_log2}, {"log10", m_log10}, {"log1p", m_log1p},
        {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan}, {"asin", m_asin}, {"acos", m_acos},
        {"atan", m_atan}, {"atan2", m_atan2}, {"sinh", m_sinh}, {"cosh", m_cosh},
        {"tanh", m_tanh}, {"asinh", m_asinh}, {"acosh", m_acosh}, {"atanh", m_atanh},
        {"erf", m_erf}, {"erfc", m_erfc}, {"gamma", m_gamma}, {"lgamma", m_lgamma},
        {"cbrt", m_cbrt}, {"fabs", m_fabs}, {"degrees", m_degrees}, {"radians", m_radians},
        {"fmod", m_fmod_f}, {"copysign", m_copysign}, {"remainder", m_remainder_f},
        {"nextafter", m_nextafter}, {"ulp", m_ulp}, {"pow", m_pow}, {"floor", m_floor},
        {"ceil", m_ceil}, {"trunc", m_trunc}, {"isfinite", m_isfinite}, {"isinf", m_isinf},
        {"isnan", m_isnan}, {"isclose", m_isclose}, {"modf", m_modf}, {"frexp", m_frexp},
        {"ldexp", m_ldexp}, {"hypot", m_hypot}, {"dist", m_dist}, {"fsum", m_fsum},
        {"prod", m_prod}, {"factorial", m_factorial}, {"gcd", m_gcd}, {"lcm", m_lcm},
        {"comb", m_comb}, {"perm", m_perm}, {"isqrt", m_isqrt},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) module_add_fn(vm, m, fns[i].name, fns[i].fn);
    module_add(vm, m, "pi", float_new(vm, M_PI));
    module_add(vm, m, "e", float_new(vm, M_E));
    module_add(vm, m, "tau", float_new(vm, 2 * M_PI));
    module_add(vm, m, "inf", float_new(vm, INFINITY));
    module_add(vm, m, "nan", float_new(vm, NAN));
    return m;
}
