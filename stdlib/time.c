/* time.c — the `time` module: clocks (through the VM clock in vm/clock.h, so virtual-time
 * mode makes time.time/monotonic/perf_counter/sleep virtual), struct_time (a tuple subclass
 * with CPython's field names and repr), gmtime/localtime/mktime, ctime/asctime and strftime
 * (libc's, as CPython uses it), with CPython 3.11's argument checks and messages. */
#include "vm/numobj.h"
#include "vm/clock.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const st_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst", NULL,
};
#define ST_N 9
/* struct_time is laid out as a 9-item tuple; two hidden items after the visible ones hold
 * tm_zone (an interned str, kept alive by the intern table) and tm_gmtoff (a small int). */
#define ST_HIDDEN 2


static Value struct_time_from_tm(VM *vm, Type *t, const struct tm *tm) {
    Tuple *r = gc_alloc(vm, t, sizeof(Tuple) + (ST_N + ST_HIDDEN) * sizeof(Value));
    if (!r) return VNULL;
    r->n = ST_N;
    int64_t f[ST_N] = {tm->tm_year + 1900LL, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
                       tm->tm_min, tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1,
                       tm->tm_isdst};
    for (int i = 0; i < ST_N; i++) r->items[i] = v_from_int(f[i]);
    r->items[ST_N] = tm->tm_zone ? str_intern_cstr(vm, tm->tm_zone) : vm->none;
    r->items[ST_N + 1] = v_from_int(tm->tm_gmtoff);
    return v_from_obj(r);
}

/* ---- struct_time methods ---- */

static Value st_repr(VM *vm, Value *a, int n, Value k) {
    Tuple *t = as_tuple(a[0]);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "time.struct_time(");
    for (int i = 0; i < ST_N && i < t->n; i++) {
        Value r = vm_repr(vm, t->items[i]);
        if (!r) { sb_free(&sb); return VNULL; }
        sb_printf(&sb, "%s%s=%s", i ? ", " : "", st_fields[i], str_cstr(r));
    }
    sb_adds(&sb, ")");
    Value s = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return s;
}

#define ST_GETTER(IDX)                                                                  \
    static Value st_get_##IDX(VM *vm, Value *a, int n, Value k) {                       \
        return as_tuple(a[0])->items[IDX];                                              \
    }
ST_GETTER(0) ST_GETTER(1) ST_GETTER(2) ST_GETTER(3) ST_GETTER(4) ST_GETTER(5)
ST_GETTER(6) ST_GETTER(7) ST_GETTER(8) ST_GETTER(9) ST_GETTER(10)
static const NativeFn st_getters[] = {st_get_0, st_get_1, st_get_2, st_get_3, st_get_4,
                                      st_get_5, st_get_6, st_get_7, st_get_8, st_get_9,
                                      st_get_10};

/* time.struct_time(sequence): a 9-sequence (11 with zone and offset). */
static Value st_new(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"sequence", "dict", NULL};
    Value out[2];
    if (vm_parse_args(vm, "struct_time", a + 1, n - 1, k, names, 1, 0, out) < 0) return VNULL;
    Value seq = vm_to_tuple(vm, out[0]);
    if (!seq) return VNULL;
    int64_t len = as_tuple(seq)->n;
    if (len < ST_N)
        return vm_raise(vm, vm->e_TypeError, "time.struct_time() takes an at least 9-sequence (%lld-sequence given)", (long long)len);
    if (len > ST_N + ST_HIDDEN)
        return vm_raise(vm, vm->e_TypeError, "time.struct_time() takes an at most 11-sequence (%lld-sequence given)", (long long)len);
    Type *t = (Type *)a[0];
    Tuple *r = gc_alloc(vm, t, sizeof(Tuple) + (ST_N + ST_HIDDEN) * sizeof(Value));
    if (!r) return VNULL;
    r->n = ST_N;
    for (int64_t i = 0; i < ST_N + ST_HIDDEN; i++)
        r->items[i] = i < len ? as_tuple(seq)->items[i] : vm->none;
    /* hidden slots must stay GC-safe without tracing: only interned strs / small ints / None */
    if (!v_is_int(r->items[ST_N + 1])) r->items[ST_N + 1] = vm->none;
    if (r->items[ST_N] != vm->none)
        r->items[ST_N] = isinst(vm, r->items[ST_N], vm->t_str) ? str_intern(vm, r->items[ST_N]) : vm->none;
    return v_from_obj(r);
}

/* ---- converting arguments ---- */

/* A seconds argument (int or float; None means now) to time_t, as CPython's
 * _PyTime_ObjectToTime_t with ROUND_FLOOR. */
static int secs_arg(VM *vm, Value v, time_t *out) {
    if (!v || v == vm->none) { *out = (time_t)(clock_wall_ns(vm) / 1000000000); return 0; }
    if (float_is(vm, v)) {
        double d = float_val(v);
        if (isnan(d)) { vm_raise(vm, vm->e_ValueError, "Invalid value NaN (not a number)"); return -1; }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    Value i = int_index(vm, v);
    if (!i) return -1;
    int64_t x;
    if (!int_to_i64(i, &x)) {
        vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)x;
    return 0;
}

static int int_field(VM *vm, Value v, int *out) {
    Value i = int_index(vm, v);
    if (!i) return -1;
    int64_t x;
    if (!int_to_i64(i, &x) || x > INT32_MAX || x < INT32_MIN) {
        vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* CPython's gettmarg: a struct_time or a 9-tuple to struct tm. */
static int tuple_to_tm(VM *vm, Value tup, const char *fname, struct tm *tm) {
    if (!isinst(vm, tup, vm->t_tuple)) {
        vm_raise(vm, vm->e_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    Tuple *t = as_tuple(tup);
    if (t->n != ST_N) {
        vm_raise(vm, vm->e_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int f[ST_N];
    for (int i = 0; i < ST_N; i++)
        if (int_field(vm, t->items[i], &f[i]) < 0) return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = f[0] - 1900;
    tm->tm_mon = f[1] - 1;
    tm->tm_mday = f[2];
    tm->tm_hour = f[3];
    tm->tm_min = f[4];
    tm->tm_sec = f[5];
    tm->tm_wday = (f[6] + 1) % 7;
    if (tm->tm_wday < 0) tm->tm_wday += 7;
    tm->tm_yday = f[7] - 1;
    tm->tm_isdst = f[8];
    if (type_of(vm, tup) != vm->t_tuple && t->items[ST_N] != vm->none && isinst(vm, t->items[ST_N], vm->t_str))
        tm->tm_zone = str_cstr(t->items[ST_N]);
    if (type_of(vm, tup) != vm->t_tuple && v_is_int(t->items[ST_N + 1]))
        tm->tm_gmtoff = v_int(t->items[ST_N + 1]);
    return 0;
}

/* CPython's checktm, after gettmarg (which already shifted mon/wday/yday). */
static int check_tm(VM *vm, struct tm *tm) {
    const char *msg = NULL;
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) msg = "month out of range";
    if (!msg) {
        if (tm->tm_mday == 0) tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31) msg = "day of month out of range";
    }
    if (!msg && (tm->tm_hour < 0 || tm->tm_hour > 23)) msg = "hour out of range";
    if (!msg && (tm->tm_min < 0 || tm->tm_min > 59)) msg = "minute out of range";
    if (!msg && (tm->tm_sec < 0 || tm->tm_sec > 61)) msg = "seconds out of range";
    if (!msg && tm->tm_wday < 0) msg = "day of week out of range";
    if (!msg) {
        if (tm->tm_yday == -1) tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365) msg = "day of year out of range";
    }
    if (msg) { vm_raise(vm, vm->e_ValueError, "%s", msg); return -1; }
    return 0;
}

/* ---- the module functions ---- */

static Value seconds_float(VM *vm, int64_t ns) {
    if (ns % 1000000000 == 0) return float_new(vm, (double)(ns / 1000000000));
    return float_new(vm, (double)ns / 1e9);
}

static Value t_time(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "time", n, k, 0, 0) < 0) return VNULL;
    return seconds_float(vm, clock_wall_ns(vm));
}
static Value t_time_ns(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "time_ns", n, k, 0, 0) < 0) return VNULL;
    return int_from_i64(vm, clock_wall_ns(vm));
}
static Value t_monotonic(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "monotonic", n, k, 0, 0) < 0) return VNULL;
    return seconds_float(vm, clock_now_ns(vm));
}
static Value t_monotonic_ns(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "monotonic_ns", n, k, 0, 0) < 0) return VNULL;
    return int_from_i64(vm, clock_now_ns(vm));
}
static Value t_perf_counter(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "perf_counter", n, k, 0, 0) < 0) return VNULL;
    return seconds_float(vm, clock_now_ns(vm));
}
static Value t_perf_counter_ns(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "perf_counter_ns", n, k, 0, 0) < 0) return VNULL;
    return int_from_i64(vm, clock_now_ns(vm));
}

static int64_t cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
static Value t_process_time(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "process_time", n, k, 0, 0) < 0) return VNULL;
    return seconds_float(vm, cpu_ns());
}
static Value t_process_time_ns(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "process_time_ns", n, k, 0, 0) < 0) return VNULL;
    return int_from_i64(vm, cpu_ns());
}

static Value t_sleep(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "sleep", n, k, 1, 1) < 0) return VNULL;
    int64_t ns;
    if (float_is(vm, a[0])) {
        double d = float_val(a[0]);
        if (isnan(d)) return vm_raise(vm, vm->e_ValueError, "Invalid value NaN (not a number)");
        double x = ceil(d * 1e9);   /* CPython rounds the timeout up (_PyTime_ROUND_TIMEOUT) */
        if (!(x >= -9.2e18 && x <= 9.2e18))
            return vm_raise(vm, vm->e_OverflowError, "timestamp too large to convert to C _PyTime_t");
        ns = (int64_t)x;
    } else {
        Value i = int_index(vm, a[0]);
        if (!i) return VNULL;
        int64_t s;
        if (!int_to_i64(i, &s) || s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000)
            return vm_raise(vm, vm->e_OverflowError, "timestamp too large to convert to C _PyTime_t");
        ns = s * 1000000000;
    }
    if (ns < 0) return vm_raise(vm, vm->e_ValueError, "sleep length must be non-negative");
    clock_sleep_ns(vm, ns);
    return vm->none;
}

/* gmtime and localtime are bound to the struct_time type (args[0]), which they build. */
static Value t_gmtime(VM *vm, Value *a, int n, Value k) {
    Type *st = (Type *)a[0];
    a++, n--;
    if (vm_check_args(vm, "gmtime", n, k, 0, 1) < 0) return VNULL;
    time_t t;
    if (secs_arg(vm, n ? a[0] : VNULL, &t) < 0) return VNULL;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
    return struct_time_from_tm(vm, st, &tm);
}

static Value make_local(VM *vm, Type *st, Value secs) {
    time_t t;
    if (secs_arg(vm, secs, &t) < 0) return VNULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
    return struct_time_from_tm(vm, st, &tm);
}

static Value t_localtime(VM *vm, Value *a, int n, Value k) {
    Type *st = (Type *)a[0];
    a++, n--;
    if (vm_check_args(vm, "localtime", n, k, 0, 1) < 0) return VNULL;
    return make_local(vm, st, n ? a[0] : VNULL);
}

static Value t_mktime(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "mktime", n, k, 1, 1) < 0) return VNULL;
    struct tm tm;
    if (tuple_to_tm(vm, a[0], "mktime", &tm) < 0) return VNULL;
    tm.tm_wday = -1;   /* sentinel: mktime() leaves it untouched on failure */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return vm_raise(vm, vm->e_OverflowError, "mktime argument out of range");
    return float_new(vm, (double)t);
}

static const char *const wday_abbr[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const mon_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* CPython's _asctime: fixed English names, not the locale's. */
static Value asctime_of(VM *vm, const struct tm *tm) {
    return str_printf(vm, "%s %s%3d %.2d:%.2d:%.2d %d", wday_abbr[((tm->tm_wday % 7) + 7) % 7],
                      mon_abbr[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
                      1900 + tm->tm_year);
}

static Value t_asctime(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "asctime", n, k, 0, 1) < 0) return VNULL;
    struct tm tm;
    if (n == 0) {
        time_t t = (time_t)(clock_wall_ns(vm) / 1000000000);
        localtime_r(&t, &tm);
    } else {
        if (tuple_to_tm(vm, a[0], "asctime", &tm) < 0 || check_tm(vm, &tm) < 0) return VNULL;
    }
    return asctime_of(vm, &tm);
}

static Value t_ctime(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "ctime", n, k, 0, 1) < 0) return VNULL;
    time_t t;
    if (secs_arg(vm, n ? a[0] : VNULL, &t) < 0) return VNULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return vm_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
    return asctime_of(vm, &tm);
}

/* Formats with libc strftime, growing the buffer as CPython does (an empty result from a
 * non-empty format may just mean the buffer was too small). */
Value time_strftime_tm(VM *vm, const char *fmt, size_t fmtlen, struct tm *tm) {
    if (fmtlen == 0) return vm->empty_str;
    if (memchr(fmt, 0, fmtlen)) return vm_raise(vm, vm->e_ValueError, "embedded null character");
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) return vm_nomem(vm);
        size_t r = strftime(buf, cap, fmt, tm);
        if (r > 0 || cap >= 256 * fmtlen + 4096) {
            Value s = str_new(vm, buf, r);
            free(buf);
            return s;
        }
        free(buf);
    }
}

static Value t_strftime(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "strftime", n, k, 1, 2) < 0) return VNULL;
    if (!isinst(vm, a[0], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "strftime() argument 1 must be str, not %s", type_name(vm, a[0]));
    struct tm tm;
    if (n == 1) {
        time_t t = (time_t)(clock_wall_ns(vm) / 1000000000);
        localtime_r(&t, &tm);
    } else {
        if (tuple_to_tm(vm, a[1], "strftime", &tm) < 0 || check_tm(vm, &tm) < 0) return VNULL;
        if (tm.tm_isdst < -1) tm.tm_isdst = -1;
        else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    }
    return time_strftime_tm(vm, str_cstr(a[0]), as_str(a[0])->len, &tm);
}

Value time_module_init(VM *vm) {
    Value mod = module_new(vm, "time");
    if (!mod) return VNULL;
    Type *st = type_new_builtin(vm, "struct_time", vm->t_tuple, sizeof(Tuple), 0);
    st->module = str_intern_cstr(vm, "time");
    st->name = "time.struct_time";   /* CPython's tp_name, for error messages */
    type_add_static(vm, st, "__new__", st_new);
    type_add_method(vm, st, "__repr__", st_repr);
    for (int i = 0; i < ST_N; i++) type_add_property(vm, st, st_fields[i], st_getters[i], NULL);
    type_add_property(vm, st, "tm_zone", st_getters[ST_N], NULL);
    type_add_property(vm, st, "tm_gmtoff", st_getters[ST_N + 1], NULL);
    type_set_attr(vm, st, "n_sequence_fields", v_from_int(ST_N));
    type_set_attr(vm, st, "n_fields", v_from_int(ST_N + ST_HIDDEN));
    type_set_attr(vm, st, "n_unnamed_fields", v_from_int(0));
    module_add(vm, mod, "struct_time", v_from_obj(st));

    module_add_fn(vm, mod, "time", t_time);
    module_add_fn(vm, mod, "time_ns", t_time_ns);
    module_add_fn(vm, mod, "monotonic", t_monotonic);
    module_add_fn(vm, mod, "monotonic_ns", t_monotonic_ns);
    module_add_fn(vm, mod, "perf_counter", t_perf_counter);
    module_add_fn(vm, mod, "perf_counter_ns", t_perf_counter_ns);
    module_add_fn(vm, mod, "process_time", t_process_time);
    module_add_fn(vm, mod, "process_time_ns", t_process_time_ns);
    module_add_fn(vm, mod, "sleep", t_sleep);
    module_add(vm, mod, "gmtime", native_new(vm, "gmtime", t_gmtime, v_from_obj(st)));
    module_add(vm, mod, "localtime", native_new(vm, "localtime", t_localtime, v_from_obj(st)));
    module_add_fn(vm, mod, "mktime", t_mktime);
    module_add_fn(vm, mod, "asctime", t_asctime);
    module_add_fn(vm, mod, "ctime", t_ctime);
    module_add_fn(vm, mod, "strftime", t_strftime);

    tzset();
    module_add(vm, mod, "timezone", v_from_int(timezone));
    module_add(vm, mod, "altzone", v_from_int(daylight ? timezone - 3600 : timezone));
    module_add(vm, mod, "daylight", v_from_int(daylight));
    module_add(vm, mod, "tzname", tuple_pack(vm, 2, str_from_cstr(vm, tzname[0]), str_from_cstr(vm, tzname[1])));
    return mod;
}
