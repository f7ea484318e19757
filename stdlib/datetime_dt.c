/* datetime_dt.c — the datetime.datetime and datetime.time classes (naive only), with
 * CPython 3.11's constructors, reprs, isoformat, arithmetic, comparisons and the
 * now/today/fromtimestamp/combine/fromisoformat/strptime class methods. */
#include "stdlib/datetime_impl.h"
#include "vm/clock.h"
#include <math.h>
#include <string.h>
#include <time.h>

Value datetime_new(VM *vm, Type *t, int y, int m, int d, int hh, int mm, int ss, int us, int fold) {
    DateTime *o = gc_alloc(vm, t, t->size);
    if (!o) return VNULL;
    o->year = y; o->month = m; o->day = d;
    o->hour = hh; o->minute = mm; o->second = ss; o->us = us; o->fold = fold;
    return v_from_obj(o);
}

Value time_new_obj(VM *vm, Type *t, int hh, int mm, int ss, int us, int fold) {
    Time *o = gc_alloc(vm, t, t->size);
    if (!o) return VNULL;
    o->hour = hh; o->minute = mm; o->second = ss; o->us = us; o->fold = fold;
    return v_from_obj(o);
}

__int128 datetime_to_us(const DateTime *d) {
    int64_t days = dt_ymd_to_ord(d->year, d->month, d->day);
    return ((__int128)days * 86400 + d->hour * 3600 + d->minute * 60 + d->second) * 1000000 + d->us;
}

Value datetime_from_us(VM *vm, Type *t, __int128 us) {
    __int128 days = us / US_PER_DAY;
    int64_t rem = (int64_t)(us % US_PER_DAY);
    if (rem < 0) { rem += US_PER_DAY; days--; }
    if (days < 1 || days > 3652059) return vm_raise(vm, vm->e_OverflowError, "date value out of range");
    int y, m, d;
    dt_ord_to_ymd((int64_t)days, &y, &m, &d);
    int64_t secs = rem / 1000000;
    return datetime_new(vm, t, y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60),
                        (int)(rem % 1000000), 0);
}

/* "HH:MM:SS[.ffffff]" per timespec; -1 on an unknown timespec (ValueError raised). */
static int format_time(VM *vm, char *buf, size_t cap, int h, int m, int s, int us, Value spec) {
    const char *ts = spec ? str_cstr(spec) : "auto";
    if (strcmp(ts, "auto") == 0) ts = us ? "microseconds" : "seconds";
    if (strcmp(ts, "hours") == 0) snprintf(buf, cap, "%02d", h);
    else if (strcmp(ts, "minutes") == 0) snprintf(buf, cap, "%02d:%02d", h, m);
    else if (strcmp(ts, "seconds") == 0) snprintf(buf, cap, "%02d:%02d:%02d", h, m, s);
    else if (strcmp(ts, "milliseconds") == 0) snprintf(buf, cap, "%02d:%02d:%02d.%03d", h, m, s, us / 1000);
    else if (strcmp(ts, "microseconds") == 0) snprintf(buf, cap, "%02d:%02d:%02d.%06d", h, m, s, us);
    else { vm_raise(vm, vm->e_ValueError, "Unknown timespec value"); return -1; }
    return 0;
}

/* ---- datetime ---- */

static int parse_time_fields(VM *vm, Value *out, int64_t f[5]) {
    for (int i = 0; i < 4; i++) {
        f[i] = 0;
        if (out[i] && dt_int_arg(vm, out[i], &f[i]) < 0) return -1;
    }
    f[4] = 0;
    if (out[5] && dt_int_arg(vm, out[5], &f[4]) < 0) return -1;
    if (out[4] && out[4] != vm->none) {
        vm_raise(vm, vm->e_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                 type_name(vm, out[4]));
        return -1;
    }
    return 0;
}

static Value dt_new_m(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"year", "month", "day", "hour", "minute", "second",
                                        "microsecond", "tzinfo", "fold", NULL};
    Value out[9];
    if (n - 1 > 8) return vm_raise(vm, vm->e_TypeError, "function takes at most 8 arguments (%d given)", n - 1);
    if (vm_parse_args(vm, "datetime", a + 1, n - 1, k, names, 3, 0, out) < 0) return VNULL;
    int64_t d[3], t[5];
    for (int i = 0; i < 3; i++)
        if (dt_int_arg(vm, out[i], &d[i]) < 0) return VNULL;
    if (parse_time_fields(vm, out + 3, t) < 0) return VNULL;
    if (dt_check_date(vm, d[0], d[1], d[2]) < 0 || dt_check_time(vm, t[0], t[1], t[2], t[3], t[4]) < 0) return VNULL;
    return datetime_new(vm, (Type *)a[0], (int)d[0], (int)d[1], (int)d[2], (int)t[0], (int)t[1], (int)t[2], (int)t[3], (int)t[4]);
}

#define DT_FIELD(NAME, F)                                                                \
    static Value NAME(VM *vm, Value *a, int n, Value k) {                                \
        DT_PROLOGUE;                                                                     \
        return v_from_int(((DateTime *)a[0])->F);                                        \
    }
DT_FIELD(dt_hour, hour)
DT_FIELD(dt_minute, minute)
DT_FIELD(dt_second, second)
DT_FIELD(dt_micro, us)
DT_FIELD(dt_fold, fold)

static Value dt_tzinfo(VM *vm, Value *a, int n, Value k) { return vm->none; }

static Value dt_repr(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    DateTime *d = (DateTime *)a[0];
    Value p = dt_repr_prefix(vm, a[0], "datetime");
    if (!p) return VNULL;
    char buf[96];
    int len = snprintf(buf, sizeof buf, "%d, %d, %d, %d, %d", d->year, d->month, d->day, d->hour, d->minute);
    if (d->us) snprintf(buf + len, sizeof buf - len, ", %d, %d", d->second, d->us);
    else if (d->second) snprintf(buf + len, sizeof buf - len, ", %d", d->second);
    if (d->fold) return str_printf(vm, "%s(%s, fold=1)", str_cstr(p), buf);
    return str_printf(vm, "%s(%s)", str_cstr(p), buf);
}

static Value dt_isoformat_sep(VM *vm, DateTime *d, const char *sep, size_t seplen, Value spec) {
    char tb[32];
    if (format_time(vm, tb, sizeof tb, d->hour, d->minute, d->second, d->us, spec) < 0) return VNULL;
    return str_printf(vm, "%04d-%02d-%02d%.*s%s", d->year, d->month, d->day, (int)seplen, sep, tb);
}

static Value dt_str(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    return dt_isoformat_sep(vm, (DateTime *)a[0], " ", 1, VNULL);
}

static Value dt_isoformat(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "sep", "timespec", NULL};
    Value out[3];
    if (vm_parse_args(vm, "isoformat", a, n, k, names, 1, 1, out) < 0) return VNULL;
    const char *sep = "T";
    size_t seplen = 1;
    if (out[1]) {
        if (!isinst(vm, out[1], vm->t_str) || as_str(out[1])->cplen != 1)
            return vm_raise(vm, vm->e_TypeError, "isoformat() argument 1 must be a unicode character, not %s",
                            isinst(vm, out[1], vm->t_str) ? "str" : type_name(vm, out[1]));
        sep = str_cstr(out[1]);
        seplen = as_str(out[1])->len;
    }
    if (out[2] && !isinst(vm, out[2], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "isoformat() argument 2 must be str, not %s", type_name(vm, out[2]));
    return dt_isoformat_sep(vm, (DateTime *)a[0], sep, seplen, out[2]);
}

static Value dt_date(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    DateTime *d = (DateTime *)a[0];
    return date_new(vm, DT_TYPE(S, DT_DATE), d->year, d->month, d->day);
}

static Value dt_time(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    DateTime *d = (DateTime *)a[0];
    return time_new_obj(vm, DT_TYPE(S, DT_TIME), d->hour, d->minute, d->second, d->us, d->fold);
}

static Value dt_replace(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "year", "month", "day", "hour", "minute", "second",
                                        "microsecond", "tzinfo", "fold", NULL};
    Value out[10];
    if (vm_parse_args(vm, "replace", a, n, k, names, 1, 1, out) < 0) return VNULL;
    DateTime *d = (DateTime *)a[0];
    int64_t f[8] = {d->year, d->month, d->day, d->hour, d->minute, d->second, d->us, d->fold};
    for (int i = 0; i < 7; i++)
        if (out[i + 1] && dt_int_arg(vm, out[i + 1], &f[i]) < 0) return VNULL;
    if (out[9] && dt_int_arg(vm, out[9], &f[7]) < 0) return VNULL;
    if (out[8] && out[8] != vm->none)
        return vm_raise(vm, vm->e_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", type_name(vm, out[8]));
    if (dt_check_date(vm, f[0], f[1], f[2]) < 0 || dt_check_time(vm, f[3], f[4], f[5], f[6], f[7]) < 0) return VNULL;
    return datetime_new(vm, type_of(vm, a[0]), (int)f[0], (int)f[1], (int)f[2], (int)f[3], (int)f[4], (int)f[5], (int)f[6], (int)f[7]);
}

static Value dt_timestamp(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    DateTime *d = (DateTime *)a[0];
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = d->year - 1900; tm.tm_mon = d->month - 1; tm.tm_mday = d->day;
    tm.tm_hour = d->hour; tm.tm_min = d->minute; tm.tm_sec = d->second;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    return float_new(vm, (double)t + d->us / 1e6);
}

static Value dt_add(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (!dt_is(vm, S, a[1], DT_TD)) return vm->notimpl;
    return datetime_from_us(vm, type_of(vm, a[0]), datetime_to_us((DateTime *)a[0]) + td_total_us((TD *)a[1]));
}

static Value dt_sub(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (dt_is(vm, S, a[1], DT_TD))
        return datetime_from_us(vm, type_of(vm, a[0]), datetime_to_us((DateTime *)a[0]) - td_total_us((TD *)a[1]));
    if (dt_is(vm, S, a[1], DT_DATETIME))
        return td_new(vm, DT_TYPE(S, DT_TD), datetime_to_us((DateTime *)a[0]) - datetime_to_us((DateTime *)a[1]));
    return vm->notimpl;
}

static Value dt_cmp(VM *vm, Tuple *S, Value x, Value y, int op) {
    if (!dt_is(vm, S, y, DT_DATETIME)) {
        if (!dt_is(vm, S, y, DT_DATE)) return vm->notimpl;
        if (op == CMP_EQ) return vm->false_;
        if (op == CMP_NOTEQ) return vm->true_;
        return vm_raise(vm, vm->e_TypeError, "can't compare datetime.datetime to datetime.date");
    }
    __int128 p = datetime_to_us((DateTime *)x), q = datetime_to_us((DateTime *)y);
    return dt_cmp_result(vm, (p > q) - (p < q), op);
}

#define DTC(NAME, OP)                                                                    \
    static Value NAME(VM *vm, Value *a, int n, Value k) {                                \
        DT_PROLOGUE;                                                                     \
        return dt_cmp(vm, S, a[0], a[1], OP);                                            \
    }
DTC(dt_eq, CMP_EQ)
DTC(dt_ne, CMP_NOTEQ)
DTC(dt_lt, CMP_LT)
DTC(dt_le, CMP_LTE)
DTC(dt_gt, CMP_GT)
DTC(dt_ge, CMP_GTE)

static Value dt_hash(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    DateTime *d = (DateTime *)a[0];
    Value t = tuple_pack(vm, 7, v_from_int(d->year), v_from_int(d->month), v_from_int(d->day),
                         v_from_int(d->hour), v_from_int(d->minute), v_from_int(d->second), v_from_int(d->us));
    return dt_hash_fields(vm, t);
}

static int no_tz(VM *vm, Value tz) {
    if (tz && tz != vm->none) {
        vm_raise(vm, vm->e_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", type_name(vm, tz));
        return -1;
    }
    return 0;
}

static Value now_of(VM *vm, Type *t, bool utc) {
    int64_t ns = clock_wall_ns(vm);
    int64_t us = ns >= 0 ? ns / 1000 : -((-ns + 999) / 1000);   /* ROUND_FLOOR */
    int64_t secs = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
    return dt_from_posix(vm, t, secs, (int)(us - secs * 1000000), utc);
}

static Value dt_now(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"cls", "tz", NULL};
    Value out[2];
    if (vm_parse_args(vm, "now", a, n, k, names, 1, 1, out) < 0 || no_tz(vm, out[1]) < 0) return VNULL;
    return now_of(vm, (Type *)a[0], false);
}

static Value dt_utcnow(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "utcnow", n - 1, k, 0, 0) < 0) return VNULL;
    return now_of(vm, (Type *)a[0], true);
}

static Value dt_today(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "today", n - 1, k, 0, 0) < 0) return VNULL;
    return now_of(vm, (Type *)a[0], false);
}

/* CPython's _PyTime_ObjectToTimeval with ROUND_HALF_EVEN. */
static int timestamp_arg(VM *vm, Value v, int64_t *secs, int *us) {
    if (int_is(vm, v)) {
        if (!int_to_i64(int_exact(vm, v), secs)) {
            vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *us = 0;
        return 0;
    }
    double d;
    if (!float_is(vm, v)) {
        vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, v));
        return -1;
    }
    d = float_val(v);
    if (isnan(d)) { vm_raise(vm, vm->e_ValueError, "Invalid value NaN (not a number)"); return -1; }
    double ip, fp = modf(d, &ip) * 1e6;
    fp = nearbyint(fp);   /* default rounding mode: half to even */
    if (fp >= 1e6) { fp -= 1e6; ip += 1.0; }
    else if (fp < 0) { fp += 1e6; ip -= 1.0; }
    if (!(ip > -9.2e18 && ip < 9.2e18)) {
        vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *secs = (int64_t)ip;
    *us = (int)fp;
    return 0;
}

static Value dt_fromtimestamp(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"cls", "timestamp", "tz", NULL};
    Value out[3];
    if (vm_parse_args(vm, "fromtimestamp", a, n, k, names, 2, 1, out) < 0 || no_tz(vm, out[2]) < 0) return VNULL;
    int64_t secs;
    int us;
    if (timestamp_arg(vm, out[1], &secs, &us) < 0) return VNULL;
    return dt_from_posix(vm, (Type *)a[0], secs, us, false);
}

static Value dt_utcfromtimestamp(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "utcfromtimestamp", n - 1, k, 1, 1) < 0) return VNULL;
    int64_t secs;
    int us;
    if (timestamp_arg(vm, a[1], &secs, &us) < 0) return VNULL;
    return dt_from_posix(vm, (Type *)a[0], secs, us, true);
}

static Value dt_combine(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"cls", "date", "time", "tzinfo", NULL};
    Value out[4];
    if (vm_parse_args(vm, "combine", a, n, k, names, 3, 1, out) < 0 || no_tz(vm, out[3]) < 0) return VNULL;
    if (!dt_is(vm, S, out[1], DT_DATE))
        return vm_raise(vm, vm->e_TypeError, "combine() argument 1 must be datetime.date, not %s", type_name(vm, out[1]));
    if (!dt_is(vm, S, out[2], DT_TIME))
        return vm_raise(vm, vm->e_TypeError, "combine() argument 2 must be datetime.time, not %s", type_name(vm, out[2]));
    Date *d = (Date *)out[1];
    Time *t = (Time *)out[2];
    return datetime_new(vm, (Type *)a[0], d->year, d->month, d->day, t->hour, t->minute, t->second, t->us, t->fold);
}

static Value dt_fromisoformat(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "fromisoformat", n - 1, k, 1, 1) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "fromisoformat: argument must be str");
    int f[7];
    if (dt_parse_iso_datetime(vm, a[1], f) < 0) return VNULL;
    return datetime_new(vm, (Type *)a[0], f[0], f[1], f[2], f[3], f[4], f[5], f[6], 0);
}

static Value dt_strptime_m(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "strptime", n - 1, k, 2, 2) < 0) return VNULL;
    for (int i = 1; i <= 2; i++)
        if (!isinst(vm, a[i], vm->t_str))
            return vm_raise(vm, vm->e_TypeError, "strptime() argument %d must be str, not %s", i, type_name(vm, a[i]));
    int f[7];
    if (dt_strptime(vm, a[1], a[2], f) < 0) return VNULL;
    return datetime_new(vm, (Type *)a[0], f[0], f[1], f[2], f[3], f[4], f[5], f[6], 0);
}

/* ---- time ---- */

static Value tm_new_m(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold", NULL};
    Value out[6];
    if (vm_parse_args(vm, "time", a + 1, n - 1, k, names, 0, 0, out) < 0) return VNULL;
    int64_t t[5];
    if (parse_time_fields(vm, out, t) < 0) return VNULL;
    if (dt_check_time(vm, t[0], t[1], t[2], t[3], t[4]) < 0) return VNULL;
    return time_new_obj(vm, (Type *)a[0], (int)t[0], (int)t[1], (int)t[2], (int)t[3], (int)t[4]);
}

#define TM_FIELD(NAME, F)                                                                \
    static Value NAME(VM *vm, Value *a, int n, Value k) {                                \
        DT_PROLOGUE;                                                                     \
        return v_from_int(((Time *)a[0])->F);                                            \
    }
TM_FIELD(tm_hour, hour)
TM_FIELD(tm_minute, minute)
TM_FIELD(tm_second, second)
TM_FIELD(tm_micro, us)
TM_FIELD(tm_fold, fold)

static Value tm_repr(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Time *t = (Time *)a[0];
    Value p = dt_repr_prefix(vm, a[0], "time");
    if (!p) return VNULL;
    char buf[64];
    if (t->us) snprintf(buf, sizeof buf, "%d, %d, %d, %d", t->hour, t->minute, t->second, t->us);
    else if (t->second) snprintf(buf, sizeof buf, "%d, %d, %d", t->hour, t->minute, t->second);
    else snprintf(buf, sizeof buf, "%d, %d", t->hour, t->minute);
    if (t->fold) return str_printf(vm, "%s(%s, fold=1)", str_cstr(p), buf);
    return str_printf(vm, "%s(%s)", str_cstr(p), buf);
}

static Value tm_isoformat(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "timespec", NULL};
    Value out[2];
    if (vm_parse_args(vm, "isoformat", a, n, k, names, 1, 1, out) < 0) return VNULL;
    if (out[1] && !isinst(vm, out[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "isoformat() argument 1 must be str, not %s", type_name(vm, out[1]));
    Time *t = (Time *)a[0];
    char buf[32];
    if (format_time(vm, buf, sizeof buf, t->hour, t->minute, t->second, t->us, out[1]) < 0) return VNULL;
    return str_from_cstr(vm, buf);
}

static Value tm_strftime(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "format", NULL};
    Value out[2];
    if (vm_parse_args(vm, "strftime", a, n, k, names, 2, 1, out) < 0) return VNULL;
    if (!isinst(vm, out[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "strftime() argument 1 must be str, not %s", type_name(vm, out[1]));
    Time *t = (Time *)a[0];
    return dt_strftime(vm, out[1], 1900, 1, 1, t->hour, t->minute, t->second, t->us);
}

static int64_t tm_us(const Time *t) { return ((t->hour * 60LL + t->minute) * 60 + t->second) * 1000000 + t->us; }

static Value tm_cmp(VM *vm, Tuple *S, Value x, Value y, int op) {
    if (!dt_is(vm, S, y, DT_TIME)) return vm->notimpl;
    int64_t p = tm_us((Time *)x), q = tm_us((Time *)y);
    return dt_cmp_result(vm, (p > q) - (p < q), op);
}

#define TMC(NAME, OP)                                                                    \
    static Value NAME(VM *vm, Value *a, int n, Value k) {                                \
        DT_PROLOGUE;                                                                     \
        return tm_cmp(vm, S, a[0], a[1], OP);                                            \
    }
TMC(tm_eq, CMP_EQ)
TMC(tm_ne, CMP_NOTEQ)
TMC(tm_lt, CMP_LT)
TMC(tm_le, CMP_LTE)
TMC(tm_gt, CMP_GT)
TMC(tm_ge, CMP_GTE)

static Value tm_hash(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Time *t = (Time *)a[0];
    Value tup = tuple_pack(vm, 4, v_from_int(t->hour), v_from_int(t->minute), v_from_int(t->second), v_from_int(t->us));
    return dt_hash_fields(vm, tup);
}

static Value tm_replace(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    static const char *const names[] = {"self", "hour", "minute", "second", "microsecond", "tzinfo", "fold", NULL};
    Value out[7];
    if (vm_parse_args(vm, "replace", a, n, k, names, 1, 1, out) < 0) return VNULL;
    Time *t = (Time *)a[0];
    int64_t f[5] = {t->hour, t->minute, t->second, t->us, t->fold};
    for (int i = 0; i < 4; i++)
        if (out[i + 1] && dt_int_arg(vm, out[i + 1], &f[i]) < 0) return VNULL;
    if (out[6] && dt_int_arg(vm, out[6], &f[4]) < 0) return VNULL;
    if (no_tz(vm, out[5]) < 0 || dt_check_time(vm, f[0], f[1], f[2], f[3], f[4]) < 0) return VNULL;
    return time_new_obj(vm, type_of(vm, a[0]), (int)f[0], (int)f[1], (int)f[2], (int)f[3], (int)f[4]);
}

static Value tm_fromisoformat(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (vm_check_args(vm, "fromisoformat", n - 1, k, 1, 1) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "fromisoformat: argument must be str");
    int f[4];
    if (dt_parse_iso_time(vm, a[1], f) < 0) return VNULL;
    return time_new_obj(vm, (Type *)a[0], f[0], f[1], f[2], f[3], 0);
}

static Value tm_str(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    Time *t = (Time *)a[0];
    char buf[32];
    format_time(vm, buf, sizeof buf, t->hour, t->minute, t->second, t->us, VNULL);
    return str_from_cstr(vm, buf);
}

static Value tm_format(VM *vm, Value *a, int n, Value k) {
    DT_PROLOGUE;
    if (n != 2 || !isinst(vm, a[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__format__() argument 1 must be str, not %s", n == 2 ? type_name(vm, a[1]) : "None");
    if (as_str(a[1])->len == 0) return vm_str(vm, a[0]);
    return vm_call_method(vm, a[0], STR(vm, "strftime"), &a[1], 1);
}

void datetime_types_init(VM *vm, Tuple *S, Value mod) {
    Type *t = DT_TYPE(S, DT_DATETIME);
    dt_static(vm, S, t, "__new__", dt_new_m);
    dt_method(vm, S, t, "__repr__", dt_repr);
    dt_method(vm, S, t, "__str__", dt_str);
    dt_method(vm, S, t, "isoformat", dt_isoformat);
    dt_method(vm, S, t, "__hash__", dt_hash);
    dt_method(vm, S, t, "__eq__", dt_eq);
    dt_method(vm, S, t, "__ne__", dt_ne);
    dt_method(vm, S, t, "__lt__", dt_lt);
    dt_method(vm, S, t, "__le__", dt_le);
    dt_method(vm, S, t, "__gt__", dt_gt);
    dt_method(vm, S, t, "__ge__", dt_ge);
    dt_method(vm, S, t, "__add__", dt_add);
    dt_method(vm, S, t, "__radd__", dt_add);
    dt_method(vm, S, t, "__sub__", dt_sub);
    dt_method(vm, S, t, "date", dt_date);
    dt_method(vm, S, t, "time", dt_time);
    dt_method(vm, S, t, "timetz", dt_time);
    dt_method(vm, S, t, "replace", dt_replace);
    dt_method(vm, S, t, "timestamp", dt_timestamp);
    dt_property(vm, S, t, "hour", dt_hour);
    dt_property(vm, S, t, "minute", dt_minute);
    dt_property(vm, S, t, "second", dt_second);
    dt_property(vm, S, t, "microsecond", dt_micro);
    dt_property(vm, S, t, "fold", dt_fold);
    dt_property(vm, S, t, "tzinfo", dt_tzinfo);
    dt_classmethod(vm, S, t, "now", dt_now);
    dt_classmethod(vm, S, t, "utcnow", dt_utcnow);
    dt_classmethod(vm, S, t, "today", dt_today);
    dt_classmethod(vm, S, t, "fromtimestamp", dt_fromtimestamp);
    dt_classmethod(vm, S, t, "utcfromtimestamp", dt_utcfromtimestamp);
    dt_classmethod(vm, S, t, "combine", dt_combine);
    dt_classmethod(vm, S, t, "fromisoformat", dt_fromisoformat);
    dt_classmethod(vm, S, t, "strptime", dt_strptime_m);
    type_set_attr(vm, t, "min", datetime_new(vm, t, 1, 1, 1, 0, 0, 0, 0, 0));
    type_set_attr(vm, t, "max", datetime_new(vm, t, 9999, 12, 31, 23, 59, 59, 999999, 0));
    type_set_attr(vm, t, "resolution", td_new(vm, DT_TYPE(S, DT_TD), 1));
    module_add(vm, mod, "datetime", v_from_obj(t));

    Type *tt = DT_TYPE(S, DT_TIME);
    dt_static(vm, S, tt, "__new__", tm_new_m);
    dt_method(vm, S, tt, "__repr__", tm_repr);
    dt_method(vm, S, tt, "__str__", tm_str);
    dt_method(vm, S, tt, "__format__", tm_format);
    dt_method(vm, S, tt, "isoformat", tm_isoformat);
    dt_method(vm, S, tt, "strftime", tm_strftime);
    dt_method(vm, S, tt, "__hash__", tm_hash);
    dt_method(vm, S, tt, "__eq__", tm_eq);
    dt_method(vm, S, tt, "__ne__", tm_ne);
    dt_method(vm, S, tt, "__lt__", tm_lt);
    dt_method(vm, S, tt, "__le__", tm_le);
    dt_method(vm, S, tt, "__gt__", tm_gt);
    dt_method(vm, S, tt, "__ge__", tm_ge);
    dt_method(vm, S, tt, "replace", tm_replace);
    dt_property(vm, S, tt, "hour", tm_hour);
    dt_property(vm, S, tt, "minute", tm_minute);
    dt_property(vm, S, tt, "second", tm_second);
    dt_property(vm, S, tt, "microsecond", tm_micro);
    dt_property(vm, S, tt, "fold", tm_fold);
    dt_property(vm, S, tt, "tzinfo", dt_tzinfo);
    dt_classmethod(vm, S, tt, "fromisoformat", tm_fromisoformat);
    type_set_attr(vm, tt, "min", time_new_obj(vm, tt, 0, 0, 0, 0, 0));
    type_set_attr(vm, tt, "max", time_new_obj(vm, tt, 23, 59, 59, 999999, 0));
    type_set_attr(vm, tt, "resolution", td_new(vm, DT_TYPE(S, DT_TD), 1));
    module_add(vm, mod, "time", v_from_obj(tt));
}
