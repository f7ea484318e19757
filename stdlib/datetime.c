/* datetime.c — the `datetime` module: the proleptic Gregorian calendar helpers, the
 * timedelta and date classes, and the module's set-up. datetime and time live in
 * datetime_dt.c, formatting and parsing in datetime_fmt.c. Semantics, normalization, reprs
 * and error messages are CPython 3.11's (Modules/_datetimemodule.c). Time zones (tzinfo,
 * timezone) are not supported: every datetime is naive. */
#include "stdlib/datetime_impl.h"
#include "vm/clock.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- calendar ---- */

static const int days_before_month_tbl[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
static const int days_in_month_tbl[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool dt_is_leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int dt_days_in_month(int y, int m) { return m == 2 && dt_is_leap(y) ? 29 : days_in_month_tbl[m]; }

static int64_t days_before_year(int64_t y) {
    y -= 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

int64_t dt_ymd_to_ord(int y, int m, int d) {
    return days_before_year(y) + days_before_month_tbl[m] + (m > 2 && dt_is_leap(y)) + d;
}

void dt_ord_to_ymd(int64_t n, int *y, int *m, int *d) {
    n -= 1;
    int64_t n400 = n / 146097;
    n %= 146097;
    int64_t year = n400 * 400 + 1;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    year += n100 * 100 + n4 * 4 + n1;
    if (n1 == 4 || n100 == 4) { *y = (int)year - 1; *m = 12; *d = 31; return; }
    bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int month = (int)((n + 50) >> 5);
    int preceding = days_before_month_tbl[month] + (month > 2 && leap);
    if (preceding > n) {
        month -= 1;
        preceding -= days_in_month_tbl[month] + (month == 2 && leap);
    }
    *y = (int)year;
    *m = month;
    *d = (int)(n - preceding) + 1;
}

int dt_weekday(int y, int m, int d) { return (int)((dt_ymd_to_ord(y, m, d) + 6) % 7); }

int dt_check_date(VM *vm, int64_t y, int64_t m, int64_t d) {
    if (y < 1 || y > 9999) { vm_raise(vm, vm->e_ValueError, "year %lld is out of range", (long long)y); return -1; }
    if (m < 1 || m > 12) { vm_raise(vm, vm->e_ValueError, "month must be in 1..12"); return -1; }
    if (d < 1 || d > dt_days_in_month((int)y, (int)m)) {
        vm_raise(vm, vm->e_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

int dt_check_time(VM *vm, int64_t h, int64_t mi, int64_t s, int64_t us, int64_t fold) {
    const char *msg = NULL;
    if (h < 0 || h > 23) msg = "hour must be in 0..23";
    else if (mi < 0 || mi > 59) msg = "minute must be in 0..59";
    else if (s < 0 || s > 59) msg = "second must be in 0..59";
    else if (us < 0 || us > 999999) msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1) msg = "fold must be either 0 or 1";
    if (msg) { vm_raise(vm, vm->e_ValueError, "%s", msg); return -1; }
    return 0;
}

/* ---- shared helpers ---- */

static __int128 floordiv128(__int128 a, __int128 b) {
    __int128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

/* Round-half-even a / b (b > 0), CPython's _divide_and_round. */
static __int128 div_round(__int128 a, __int128 b) {
    __int128 q = floordiv128(a, b), r = a - q * b;
    if (2 * r > b || (2 * r == b && (q & 1))) q++;
    return q;
}

static Value i128_value(VM *vm, __int128 x) {
    if (x >= INT64_MIN && x <= INT64_MAX) return int_from_i64(vm, (int64_t)x);
    Value hi = int_from_i64(vm, (int64_t)(x >> 64));
    Value lo = int_from_u64(vm, (uint64_t)x);
    Value sh = int_binop(vm, OP_LSHIFT, hi, v_from_int(64));
    return sh ? int_binop(vm, OP_ADD, sh, lo) : VNULL;
}

/* An int Value to __int128; false when it does not fit. */
static bool value_i128(Value v, __int128 *out) {
    BigIntTmp tmp;
    const BigInt *b = int_view(v, &tmp);
    int64_t n = b->size < 0 ? -b->size : b->size;
    if (n > 3) return false;
    unsigned __int128 mag = 0;
    for (int64_t i = n - 1; i >= 0; i--) mag = (mag << 32) | b->d[i];
    *out = b->size < 0 ? -(__int128)mag : (__int128)mag;
    return true;
}

int dt_int_arg(VM *vm, Value v, int64_t *out) {
    Value i = int_index(vm, v);
    if (!i) return -1;
    if (!int_to_i64(i, out) || *out > INT32_MAX || *out < INT32_MIN) {
        vm_raise(vm, vm->e_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    return 0;
}

Value dt_repr_prefix(VM *vm, Value self, const char *dflt) {
    Type *t = type_of(vm, self);
    if (t->flags & TF_HEAPTYPE) return str_from_cstr(vm, t->name);
    return str_printf(vm, "datetime.%s", dflt);
}

static void bind_into(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn, int kind) {
    Value f = native_new(vm, name, fn, v_from_obj(S));
    ((NativeFunc *)f)->owner = t;
    if (kind == 0) {
        ((NativeFunc *)f)->flags = 1;
        type_set_attr(vm, t, name, f);
        return;
    }
    if (kind == 3) {
        Property *p = gc_alloc(vm, vm->t_property, sizeof(Property));
        p->fget = f;
        p->fset = p->fdel = p->doc = vm->none;
        p->name = str_intern_cstr(vm, name);
        type_set_attr(vm, t, name, v_from_obj(p));
        return;
    }
    StaticMethod *sm = gc_alloc(vm, kind == 1 ? vm->t_staticmethod : vm->t_classmethod, sizeof(StaticMethod));
    sm->func = f;
    type_set_attr(vm, t, name, v_from_obj(sm));
}
void dt_method(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn) { bind_into(vm, S, t, name, fn, 0); }
void dt_static(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn) { bind_into(vm, S, t, name, fn, 1); }
void dt_classmethod(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn) { bind_into(vm, S, t, name, fn, 2); }
void dt_property(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn) { bind_into(vm, S, t, name, fn, 3); }

Value dt_cmp_result(VM *vm, int c, int op) {
    bool r = false;
    switch (op) {
    case CMP_EQ: r = c == 0; break;
    case CMP_NOTEQ: r = c != 0; break;
    case CMP_LT: r = c < 0; break;
    case CMP_LTE: r = c <= 0; break;
    case CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return vm_bool(vm, r);
}

/* hash() of the fields that define equality, as a tuple (so equal values hash alike). */
Value dt_hash_fields(VM *vm, Value fields) {
    int64_t h;
    if (!fields || vm_hash(vm, fields, &h) < 0) return VNULL;
    return int_from_i64(vm, h);
}

/* ---- timedelta ---- */

__int128 td_total_us(const TD *td) {
    return ((__int128)td->days * 86400 + td->seconds) * 1000000 + td->us;
}

static Value td_overflow(VM *vm, __int128 days) {
    Value d = i128_value(vm, days);
    if (!d) return VNULL;
    Value s = int_to_str(vm, d, 10);
    return s ? vm_raise(vm, vm->e_OverflowError, "days=%s; must have magnitude <= 999999999", str_cstr(s)) : VNULL;
}

Value td_new(VM *vm, Type *t, __int128 total) {
    __int128 days = floordiv128(total, US_PER_DAY);
    if (days > MAX_DELTA_DAYS || days < -MAX_DELTA_DAYS) return td_overflow(vm, days);
    int64_t rem = (int64_t)(total - days * US_PER_DAY);
    TD *td = gc_alloc(vm, t, t->size);
    if (!td) return VNULL;
    td->days = (int32_t)days;
    td->seconds = (int32_t)(rem / 1000000);
    td->us = (int32_t)(rem % 1000000);
    return v_from_obj(td);
}

/* CPython's accum(): the int part exactly, the float part split into whole microseconds and
 * a leftover fraction that is rounded once at the end. */
static int td_accum(VM *vm, Value v, const char *tag, int64_t factor, __int128 *sum, double *leftover) {
    if (int_is(vm, v)) {
        __int128 x;
        if (!value_i128(int_exact(vm, v), &x) || x > ((__int128)1 << 100) || x < -((__int128)1 << 100)) {
            vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        *sum += x * factor;
        return 0;
    }
    if (float_is(vm, v)) {
        double d = float_val(v), ip;
        if (!isfinite(d) || fabs(d) > 1e20) {
            if (isnan(d)) vm_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
            else vm_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
            return -1;
        }
        double frac = modf(d, &ip);
        *sum += (__int128)ip * factor;
        if (frac == 0.0) return 0;
        double us = frac * (double)factor, uip;
        double ufrac = modf(us, &uip);
        *sum += (__int128)uip;
        *leftover += ufrac;
        return 0;
    }
    vm_raise(vm, vm->e_TypeError, "unsupported type for timedelta %s component: %s", tag, type_name(vm, v));
    return -1;
}

static Value td_new_m(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"days", "seconds", "microseconds", "milliseconds",
                                        "minutes", "hours", "weeks", NULL};
    static const char *const tags[] = {"days", "seconds", "microseconds", "milliseconds",
                                       "minutes", "hours", "weeks"};
    static const int64_t factors[] = {US_PER_DAY, 1000000, 1, 1000, 60000000, 3600000000LL, 7 * US_PER_DAY};
    static const int order[] = {2, 3, 1, 4, 5, 0, 6};   /* CPython accumulates us first */
    Value out[7];
    if (vm_parse_args(vm, "timedelta", a + 1, n - 1, k, names, 0, 0, out) < 0) return VNULL;
    __int128 sum = 0;
    double left = 0.0;
    for (int j = 0; j < 7; j++) {
        int i = order[j];
        if (out[i] && td_accum(vm, out[i], tags[i], factors[i], &sum, &left) < 0) return VNULL;
    }
    if (left != 0.0) {
        double whole = round(left);
        if (fabs(whole - left) == 0.5) {
            int odd = (int)(sum & 1);
            whole = 2.0 * round((left + odd) * 0.5) - odd;
        }
        sum += (__int128)whole;
    }
    return td_new(vm, (Type *)a[0], sum);
}

static Value td_str_of(VM *vm, const TD *td) {
    char buf[96];
    int hh = td->seconds / 3600, mm = td->seconds / 60 % 60, ss = td->seconds % 60, len = 0;
    if (td->days)
        len = snprintf(buf, sizeof buf, "%d day%s, ", td->days, td->days == 1 || td->days == -1 ? "" : "s");
    len += snprintf(buf + len, sizeof buf - len, "%d:%02d:%02d", hh, mm, ss);
    if (td->us) snprintf(buf + len, sizeof buf - len, ".%06d", td->us);
    return str_from_cstr(vm, buf);
}

static Value td_str(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    return td_str_of(vm, (TD *)a[0]);
}

static Value td_repr(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    TD *td = (TD *)a[0];
    Value p = dt_repr_prefix(vm, a[0], "timedelta");
    if (!p) return VNULL;
    char buf[128];
    int len = 0;
    if (td->days) len += snprintf(buf + len, sizeof buf - len, "days=%d", td->days);
    if (td->seconds) len += snprintf(buf + len, sizeof buf - len, "%sseconds=%d", len ? ", " : "", td->seconds);
    if (td->us) len += snprintf(buf + len, sizeof buf - len, "%smicroseconds=%d", len ? ", " : "", td->us);
    if (!len) snprintf(buf, sizeof buf, "0");
    return str_printf(vm, "%s(%s)", str_cstr(p), buf);
}

static Value td_days(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int(((TD *)a[0])->days); }
static Value td_seconds(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int(((TD *)a[0])->seconds); }
static Value td_micro(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int(((TD *)a[0])->us); }

static Value td_total_seconds(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "total_seconds", n - 1, k, 0, 0) < 0) return VNULL;
    __int128 us = td_total_us((TD *)a[0]);
    /* int / 10**6 as Python's true division: exact when |us| < 2**53 */
    return float_new(vm, (double)us / 1e6);
}

static Value td_bool(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    TD *td = (TD *)a[0];
    return vm_bool(vm, td->days || td->seconds || td->us);
}

static Value td_hash(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    TD *td = (TD *)a[0];
    Value t = tuple_pack(vm, 3, v_from_int(td->days), v_from_int(td->seconds), v_from_int(td->us));
    return dt_hash_fields(vm, t);
}

#define TD_CMP(NAME, OP)                                                                 \
    static Value NAME(VM *vm, Value *a, int n, Value k) {                                \
        DT_PROLOGUE;                                                                     \
        if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;                              \
        __int128 x = td_total_us((TD *)a[0]), y = td_total_us((TD *)a[1]);              \
        return dt_cmp_result(vm, (x > y) - (x < y), OP);                                    \
    }
TD_CMP(td_eq, CMP_EQ)
TD_CMP(td_ne, CMP_NOTEQ)
TD_CMP(td_lt, CMP_LT)
TD_CMP(td_le, CMP_LTE)
TD_CMP(td_gt, CMP_GT)
TD_CMP(td_ge, CMP_GTE)

static Type *td_type(Tuple *S) { return DT_TYPE(S, DT_TD); }

static Value td_add(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    return td_new(vm, td_type(S), td_total_us((TD *)a[0]) + td_total_us((TD *)a[1]));
}

static Value td_sub(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    return td_new(vm, td_type(S), td_total_us((TD *)a[0]) - td_total_us((TD *)a[1]));
}

static Value td_rsub(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    return td_new(vm, td_type(S), td_total_us((TD *)a[1]) - td_total_us((TD *)a[0]));
}

static Value td_neg(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    return td_new(vm, td_type(S), -td_total_us((TD *)a[0]));
}

static Value td_pos(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    return td_new(vm, td_type(S), td_total_us((TD *)a[0]));
}

static Value td_abs(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    __int128 x = td_total_us((TD *)a[0]);
    return td_new(vm, td_type(S), x < 0 ? -x : x);
}

/* x = m * 2**e exactly, with m an odd-or-zero integer of at most 53 bits. */
static void float_ratio(double x, int64_t *m, int *e) {
    int ex;
    double fr = frexp(x, &ex);
    *m = (int64_t)ldexp(fr, 53);
    *e = ex - 53;
    while (*m && !(*m & 1)) { *m >>= 1; (*e)++; }
}

/* us * x rounded half-even (timedelta * float). */
static Value td_mul_float(VM *vm, Tuple *S, __int128 us, double x) {
    if (!isfinite(x)) {
        if (isnan(x)) return vm_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
        return vm_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
    }
    int64_t m;
    int e;
    float_ratio(x, &m, &e);
    __int128 p = us * m;   /* |us| < 2**67, |m| < 2**53 */
    if (p == 0) return td_new(vm, td_type(S), 0);
    if (e >= 0) {
        if (e > 40) return td_overflow(vm, (__int128)MAX_DELTA_DAYS + 1);
        __int128 r = p * ((__int128)1 << e);
        if (r / ((__int128)1 << e) != p) return td_overflow(vm, (__int128)MAX_DELTA_DAYS + 1);
        return td_new(vm, td_type(S), r);
    }
    if (-e >= 126) return td_new(vm, td_type(S), 0);
    return td_new(vm, td_type(S), div_round(p, (__int128)1 << -e));
}

static Value td_mul(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    __int128 us = td_total_us((TD *)a[0]);
    Value o = a[1];
    if (float_is(vm, o)) return td_mul_float(vm, S, us, float_val(o));
    if (!int_is(vm, o)) return vm->notimpl;
    Value usv = i128_value(vm, us);
    if (!usv) return VNULL;
    Value p = int_binop(vm, OP_MULT, usv, int_exact(vm, o));
    if (!p) return VNULL;
    __int128 r;
    if (!value_i128(p, &r)) {
        Value d = int_binop(vm, OP_FLOORDIV, p, int_from_i64(vm, US_PER_DAY));
        Value s = d ? int_to_str(vm, d, 10) : VNULL;
        return s ? vm_raise(vm, vm->e_OverflowError, "days=%s; must have magnitude <= 999999999", str_cstr(s)) : VNULL;
    }
    return td_new(vm, td_type(S), r);
}

static Value td_truediv(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    __int128 us = td_total_us((TD *)a[0]);
    Value o = a[1];
    if (dt_is(vm, S, o, DT_TD)) {
        __int128 d = td_total_us((TD *)o);
        if (d == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "division by zero");
        Value x = i128_value(vm, us), y = i128_value(vm, d);
        return x && y ? int_binop(vm, OP_DIV, x, y) : VNULL;
    }
    if (float_is(vm, o)) {
        double x = float_val(o);
        if (x == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float division by zero");
        if (!isfinite(x)) return isnan(x) ? vm_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer")
                                          : td_new(vm, td_type(S), 0);
        int64_t m;
        int e;
        float_ratio(x, &m, &e);
        /* us / (m * 2**e) = us * 2**-e / m */
        if (m < 0) { m = -m; us = -us; }
        if (e <= 0) {
            if (-e > 58) return vm_raise(vm, vm->e_OverflowError, "date value out of range");
            return td_new(vm, td_type(S), div_round(us * ((__int128)1 << -e), m));
        }
        if (e >= 126) return td_new(vm, td_type(S), 0);
        return td_new(vm, td_type(S), div_round(us, (__int128)m << e));
    }
    if (!int_is(vm, o)) return vm->notimpl;
    __int128 d;
    if (!value_i128(int_exact(vm, o), &d)) return td_new(vm, td_type(S), 0);
    if (d == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
    if (d < 0) { d = -d; us = -us; }
    return td_new(vm, td_type(S), div_round(us, d));
}

static Value td_floordiv(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    __int128 us = td_total_us((TD *)a[0]);
    Value o = a[1];
    if (dt_is(vm, S, o, DT_TD)) {
        __int128 d = td_total_us((TD *)o);
        if (d == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
        return i128_value(vm, floordiv128(us, d));
    }
    if (!int_is(vm, o)) return vm->notimpl;
    __int128 d;
    if (!value_i128(int_exact(vm, o), &d)) return td_new(vm, td_type(S), us < 0 ? -1 : 0);
    if (d == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
    return td_new(vm, td_type(S), floordiv128(us, d));
}

static Value td_mod(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    __int128 x = td_total_us((TD *)a[0]), y = td_total_us((TD *)a[1]);
    if (y == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "integer modulo by zero");
    return td_new(vm, td_type(S), x - floordiv128(x, y) * y);
}

static Value td_divmod(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    __int128 x = td_total_us((TD *)a[0]), y = td_total_us((TD *)a[1]);
    if (y == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
    __int128 q = floordiv128(x, y);
    Value qv = i128_value(vm, q), r = td_new(vm, td_type(S), x - q * y);
    return qv && r ? tuple_pack(vm, 2, qv, r) : VNULL;
}

/* ---- date ---- */

Value date_new(VM *vm, Type *t, int y, int m, int d) {
    Date *o = gc_alloc(vm, t, t->size);
    if (!o) return VNULL;
    o->year = y;
    o->month = m;
    o->day = d;
    return v_from_obj(o);
}

static Value date_from_ord(VM *vm, Type *t, int64_t ord) {
    if (ord < 1 || ord > 3652059) return vm_raise(vm, vm->e_OverflowError, "date value out of range");
    int y, m, d;
    dt_ord_to_ymd(ord, &y, &m, &d);
    return date_new(vm, t, y, m, d);
}

static Value date_new_m(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"year", "month", "day", NULL};
    Value out[3];
    if (vm_parse_args(vm, "date", a + 1, n - 1, k, names, 3, 0, out) < 0) return VNULL;
    int64_t f[3];
    for (int i = 0; i < 3; i++)
        if (dt_int_arg(vm, out[i], &f[i]) < 0) return VNULL;
    if (dt_check_date(vm, f[0], f[1], f[2]) < 0) return VNULL;
    return date_new(vm, (Type *)a[0], (int)f[0], (int)f[1], (int)f[2]);
}

static Value date_year(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int(((Date *)a[0])->year); }
static Value date_month(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int(((Date *)a[0])->month); }
static Value date_day(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int(((Date *)a[0])->day); }

static Value date_isoformat(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    return str_printf(vm, "%04d-%02d-%02d", d->year, d->month, d->day);
}

static Value date_repr(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    Value p = dt_repr_prefix(vm, a[0], "date");
    return p ? str_printf(vm, "%s(%d, %d, %d)", str_cstr(p), d->year, d->month, d->day) : VNULL;
}

static int64_t date_ord(const Date *d) { return dt_ymd_to_ord(d->year, d->month, d->day); }

static Value date_toordinal(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return int_from_i64(vm, date_ord((Date *)a[0])); }
static Value date_weekday(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int((date_ord((Date *)a[0]) + 6) % 7); }
static Value date_isoweekday(VM *vm, Value *a, int n, Value k) { DT_PROLOGUE; return v_from_int((date_ord((Date *)a[0]) + 6) % 7 + 1); }

static int64_t iso_week1_monday(int y) {
    int64_t first = dt_ymd_to_ord(y, 1, 1);
    int64_t wd = (first + 6) % 7;
    int64_t mon = first - wd;
    if (wd > 3) mon += 7;
    return mon;
}

static Value date_isocalendar(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    int y = d->year;
    int64_t today = date_ord(d), w1 = iso_week1_monday(y);
    int64_t week = (today - w1) / 7, day = (today - w1) % 7;
    if (today - w1 < 0) {
        y--;
        w1 = iso_week1_monday(y);
        week = (today - w1) / 7;
        day = (today - w1) % 7;
    } else if (week >= 52 && today >= iso_week1_monday(y + 1)) {
        y++;
        week = 0;
    }
    return tuple_pack(vm, 3, v_from_int(y), v_from_int(week + 1), v_from_int(day + 1));
}

static const char *const wday_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const mon_names[] = {"", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static Value date_ctime(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    int hh = 0, mm = 0, ss = 0;
    if (dt_is(vm, S, a[0], DT_DATETIME)) {
        DateTime *t = (DateTime *)a[0];
        hh = t->hour; mm = t->minute; ss = t->second;
    }
    return str_printf(vm, "%s %s %2d %02d:%02d:%02d %04d", wday_names[dt_weekday(d->year, d->month, d->day)],
                      mon_names[d->month], d->day, hh, mm, ss, d->year);
}

static Value date_strftime(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "format", NULL};
    Value out[2];
    if (vm_parse_args(vm, "strftime", a, n, k, names, 2, 1, out) < 0) return VNULL;
    if (!isinst(vm, out[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "strftime() argument 1 must be str, not %s", type_name(vm, out[1]));
    Date *d = (Date *)a[0];
    if (dt_is(vm, S, a[0], DT_DATETIME)) {
        DateTime *t = (DateTime *)a[0];
        return dt_strftime(vm, out[1], t->year, t->month, t->day, t->hour, t->minute, t->second, t->us);
    }
    return dt_strftime(vm, out[1], d->year, d->month, d->day, 0, 0, 0, 0);
}

static Value date_format(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (n != 2 || !isinst(vm, a[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__format__() argument 1 must be str, not %s", n == 2 ? type_name(vm, a[1]) : "None");
    if (as_str(a[1])->len == 0) return vm_str(vm, a[0]);
    return vm_call_method(vm, a[0], STR(vm, "strftime"), &a[1], 1);
}

static Value date_timetuple(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    int hh = 0, mm = 0, ss = 0;
    if (dt_is(vm, S, a[0], DT_DATETIME)) {
        DateTime *t = (DateTime *)a[0];
        hh = t->hour; mm = t->minute; ss = t->second;
    }
    Value tm = vm_import(vm, STR(vm, "time"), vm->none, 0, vm->builtins);
    Value st = tm ? vm_getattr_cstr(vm, tm, "struct_time") : VNULL;
    if (!st) return VNULL;
    int64_t yday = date_ord(d) - dt_ymd_to_ord(d->year, 1, 1) + 1;
    Value tup = tuple_new(vm, 9);
    if (!tup) return VNULL;
    int64_t f[9] = {d->year, d->month, d->day, hh, mm, ss, dt_weekday(d->year, d->month, d->day), yday, -1};
    for (int i = 0; i < 9; i++) as_tuple(tup)->items[i] = v_from_int(f[i]);
    return vm_call1(vm, st, tup);
}

static Value date_replace(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "year", "month", "day", NULL};
    Value out[4];
    if (vm_parse_args(vm, "replace", a, n, k, names, 1, 1, out) < 0) return VNULL;
    Date *d = (Date *)a[0];
    int64_t f[3] = {d->year, d->month, d->day};
    for (int i = 0; i < 3; i++)
        if (out[i + 1] && dt_int_arg(vm, out[i + 1], &f[i]) < 0) return VNULL;
    if (dt_check_date(vm, f[0], f[1], f[2]) < 0) return VNULL;
    return date_new(vm, type_of(vm, a[0]), (int)f[0], (int)f[1], (int)f[2]);
}

/* date + timedelta (and timedelta + date): whole days only. */
static Value date_add(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (dt_is(vm, S, a[0], DT_DATETIME) || !dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    return date_from_ord(vm, type_of(vm, a[0]), date_ord((Date *)a[0]) + ((TD *)a[1])->days);
}

static Value date_sub(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (dt_is(vm, S, a[0], DT_DATETIME)) return vm->notimpl;
    if (dt_is(vm, S, a[1], DT_TD))
        return date_from_ord(vm, type_of(vm, a[0]), date_ord((Date *)a[0]) - ((TD *)a[1])->days);
    if (dt_is(vm, S, a[1], DT_DATE) && !dt_is(vm, S, a[1], DT_DATETIME))
        return td_new(vm, td_type(S), (__int128)(date_ord((Date *)a[0]) - date_ord((Date *)a[1])) * US_PER_DAY);
    return vm->notimpl;
}

static Value date_cmp(VM *vm, Tuple *S, Value x, Value y, int op) {
    if (!dt_is(vm, S, y, DT_DATE)) return vm->notimpl;
    if (dt_is(vm, S, y, DT_DATETIME)) {
        if (op == CMP_EQ) return vm->false_;
        if (op == CMP_NOTEQ) return vm->true_;
        return vm_raise(vm, vm->e_TypeError, "can't compare datetime.datetime to datetime.date");
    }
    int64_t p = date_ord((Date *)x), q = date_ord((Date *)y);
    return dt_cmp_result(vm, (p > q) - (p < q), op);
}

#define DATE_CMP(NAME, OP)                                                               \
    static Value NAME(VM *vm, Value *a, int n, Value k) {                                \
        DT_PROLOGUE;                                                                     \
        return date_cmp(vm, S, a[0], a[1], OP);                                          \
    }
DATE_CMP(date_eq, CMP_EQ)
DATE_CMP(date_ne, CMP_NOTEQ)
DATE_CMP(date_lt, CMP_LT)
DATE_CMP(date_le, CMP_LTE)
DATE_CMP(date_gt, CMP_GT)
DATE_CMP(date_ge, CMP_GTE)

static Value date_hash(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    Value t = tuple_pack(vm, 3, v_from_int(d->year), v_from_int(d->month), v_from_int(d->day));
    return dt_hash_fields(vm, t);
}

/* The local broken-down time of secs (+us) as an object of type t (a date or datetime). */
Value dt_from_posix(VM *vm, Type *t, int64_t secs, int us, bool utc) {
    time_t tt = (time_t)secs;
    struct tm tm;
    if (!(utc ? gmtime_r(&tt, &tm) : localtime_r(&tt, &tm)) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
        return vm_raise(vm, vm->e_ValueError, "year %d is out of range", tm.tm_year + 1900);
    if (t->size < sizeof(DateTime)) return date_new(vm, t, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    int sec = tm.tm_sec > 59 ? 59 : tm.tm_sec;   /* leap seconds are clamped, as CPython */
    return datetime_new(vm, t, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, sec, us, 0);
}

static Value date_today(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "today", n - 1, k, 0, 0) < 0) return VNULL;
    int64_t ns = clock_wall_ns(vm);
    int64_t secs = ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
    int us = (int)((ns - secs * 1000000000) / 1000);
    return dt_from_posix(vm, (Type *)a[0], secs, us, false);
}

static Value date_fromtimestamp(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "fromtimestamp", n - 1, k, 1, 1) < 0) return VNULL;
    double t;
    if (vm_to_double(vm, a[1], &t) < 0) return VNULL;
    if (!isfinite(t)) return vm_raise(vm, isnan(t) ? vm->e_ValueError : vm->e_OverflowError,
                                      isnan(t) ? "Invalid value NaN (not a number)" : "cannot convert float infinity to integer");
    return dt_from_posix(vm, (Type *)a[0], (int64_t)floor(t), 0, false);
}

static Value date_fromordinal(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "fromordinal", n - 1, k, 1, 1) < 0) return VNULL;
    int64_t o;
    if (dt_int_arg(vm, a[1], &o) < 0) return VNULL;
    if (o < 1) return vm_raise(vm, vm->e_ValueError, "ordinal must be >= 1");
    if (o > 3652059) return vm_raise(vm, vm->e_ValueError, "year 10000 is out of range");
    return date_from_ord(vm, (Type *)a[0], o);
}

static Value date_fromisoformat(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "fromisoformat", n - 1, k, 1, 1) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "fromisoformat: argument must be str");
    int y, m, d;
    if (dt_parse_iso_date(vm, a[1], &y, &m, &d) < 0) return VNULL;
    return date_new(vm, (Type *)a[0], y, m, d);
}

static Value date_reduce(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Date *d = (Date *)a[0];
    Value args = tuple_pack(vm, 3, v_from_int(d->year), v_from_int(d->month), v_from_int(d->day));
    return args ? tuple_pack(vm, 2, v_from_obj(type_of(vm, a[0])), args) : VNULL;
}

/* ---- set-up ---- */

static void td_init(VM *vm, Tuple *S, Value mod) {
    Type *t = DT_TYPE(S, DT_TD);
    dt_static(vm, S, t, "__new__", td_new_m);
    dt_method(vm, S, t, "__str__", td_str);
    dt_method(vm, S, t, "__repr__", td_repr);
    dt_method(vm, S, t, "__bool__", td_bool);
    dt_method(vm, S, t, "__hash__", td_hash);
    dt_method(vm, S, t, "__eq__", td_eq);
    dt_method(vm, S, t, "__ne__", td_ne);
    dt_method(vm, S, t, "__lt__", td_lt);
    dt_method(vm, S, t, "__le__", td_le);
    dt_method(vm, S, t, "__gt__", td_gt);
    dt_method(vm, S, t, "__ge__", td_ge);
    dt_method(vm, S, t, "__add__", td_add);
    dt_method(vm, S, t, "__radd__", td_add);
    dt_method(vm, S, t, "__sub__", td_sub);
    dt_method(vm, S, t, "__rsub__", td_rsub);
    dt_method(vm, S, t, "__mul__", td_mul);
    dt_method(vm, S, t, "__rmul__", td_mul);
    dt_method(vm, S, t, "__truediv__", td_truediv);
    dt_method(vm, S, t, "__floordiv__", td_floordiv);
    dt_method(vm, S, t, "__mod__", td_mod);
    dt_method(vm, S, t, "__divmod__", td_divmod);
    dt_method(vm, S, t, "__neg__", td_neg);
    dt_method(vm, S, t, "__pos__", td_pos);
    dt_method(vm, S, t, "__abs__", td_abs);
    dt_method(vm, S, t, "total_seconds", td_total_seconds);
    dt_property(vm, S, t, "days", td_days);
    dt_property(vm, S, t, "seconds", td_seconds);
    dt_property(vm, S, t, "microseconds", td_micro);
    type_set_attr(vm, t, "min", td_new(vm, t, -(__int128)MAX_DELTA_DAYS * US_PER_DAY));
    type_set_attr(vm, t, "max", td_new(vm, t, ((__int128)MAX_DELTA_DAYS + 1) * US_PER_DAY - 1));
    type_set_attr(vm, t, "resolution", td_new(vm, t, 1));
    module_add(vm, mod, "timedelta", v_from_obj(t));
}

static void date_init(VM *vm, Tuple *S, Value mod) {
    Type *t = DT_TYPE(S, DT_DATE);
    dt_static(vm, S, t, "__new__", date_new_m);
    dt_method(vm, S, t, "__repr__", date_repr);
    dt_method(vm, S, t, "__str__", date_isoformat);
    dt_method(vm, S, t, "isoformat", date_isoformat);
    dt_method(vm, S, t, "__format__", date_format);
    dt_method(vm, S, t, "__hash__", date_hash);
    dt_method(vm, S, t, "__eq__", date_eq);
    dt_method(vm, S, t, "__ne__", date_ne);
    dt_method(vm, S, t, "__lt__", date_lt);
    dt_method(vm, S, t, "__le__", date_le);
    dt_method(vm, S, t, "__gt__", date_gt);
    dt_method(vm, S, t, "__ge__", date_ge);
    dt_method(vm, S, t, "__add__", date_add);
    dt_method(vm, S, t, "__radd__", date_add);
    dt_method(vm, S, t, "__sub__", date_sub);
    dt_method(vm, S, t, "__reduce__", date_reduce);
    dt_method(vm, S, t, "toordinal", date_toordinal);
    dt_method(vm, S, t, "weekday", date_weekday);
    dt_method(vm, S, t, "isoweekday", date_isoweekday);
    dt_method(vm, S, t, "isocalendar", date_isocalendar);
    dt_method(vm, S, t, "ctime", date_ctime);
    dt_method(vm, S, t, "strftime", date_strftime);
    dt_method(vm, S, t, "timetuple", date_timetuple);
    dt_method(vm, S, t, "replace", date_replace);
    dt_property(vm, S, t, "year", date_year);
    dt_property(vm, S, t, "month", date_month);
    dt_property(vm, S, t, "day", date_day);
    dt_classmethod(vm, S, t, "today", date_today);
    dt_classmethod(vm, S, t, "fromtimestamp", date_fromtimestamp);
    dt_classmethod(vm, S, t, "fromordinal", date_fromordinal);
    dt_classmethod(vm, S, t, "fromisoformat", date_fromisoformat);
    type_set_attr(vm, t, "min", date_new(vm, t, 1, 1, 1));
    type_set_attr(vm, t, "max", date_new(vm, t, 9999, 12, 31));
    type_set_attr(vm, t, "resolution", td_new(vm, DT_TYPE(S, DT_TD), US_PER_DAY));
    module_add(vm, mod, "date", v_from_obj(t));
}

Value datetime_module_init(VM *vm) {
    Value mod = module_new(vm, "datetime");
    if (!mod) return VNULL;
    Value st = tuple_new(vm, DT_NSTATE);
    if (!st) return VNULL;
    Tuple *S = as_tuple(st);
    Value mname = str_intern_cstr(vm, "datetime");
    Type *td = type_new_builtin(vm, "timedelta", vm->t_object, sizeof(TD), TF_BASETYPE);
    Type *date = type_new_builtin(vm, "date", vm->t_object, sizeof(Date), TF_BASETYPE);
    Type *dtt = type_new_builtin(vm, "datetime", date, sizeof(DateTime), TF_BASETYPE);
    Type *tm = type_new_builtin(vm, "time", vm->t_object, sizeof(Time), TF_BASETYPE);
    td->module = date->module = dtt->module = tm->module = mname;
    /* CPython's tp_name, used by error messages; __name__ stays the short name */
    td->name = "datetime.timedelta";
    date->name = "datetime.date";
    dtt->name = "datetime.datetime";
    tm->name = "datetime.time";
    S->items[DT_TD] = v_from_obj(td);
    S->items[DT_DATE] = v_from_obj(date);
    S->items[DT_DATETIME] = v_from_obj(dtt);
    S->items[DT_TIME] = v_from_obj(tm);
    module_add(vm, mod, "MINYEAR", v_from_int(1));
    module_add(vm, mod, "MAXYEAR", v_from_int(9999));
    td_init(vm, S, mod);
    date_init(vm, S, mod);
    datetime_types_init(vm, S, mod);
    return mod;
}
