/* datetime_impl.h — private to the `datetime` module (datetime.c, datetime_dt.c,
 * datetime_fmt.c): object layouts, the per-module state and the calendar helpers.
 *
 * State without globals: every method is a native function bound (NativeFunc.self) to the
 * module's state tuple, so each receives args[0] = state and args[1..] = the usual
 * arguments (self first for methods, cls for class methods and __new__). DT_PROLOGUE shifts
 * the state off. The state tuple holds the module's types (DT_TD .. DT_TIME). */
#ifndef ASPEN_DATETIME_IMPL_H
#define ASPEN_DATETIME_IMPL_H

#include "vm/numobj.h"

enum { DT_TD, DT_DATE, DT_DATETIME, DT_TIME, DT_NSTATE };

#define DT_PROLOGUE                                                                        \
    Tuple *S = as_tuple(a[0]);                                                             \
    a++, n--;                                                                              \
    (void)S
#define DT_TYPE(S, i) ((Type *)(S)->items[i])

#define MAX_DELTA_DAYS 999999999
#define US_PER_DAY 86400000000LL

typedef struct { Obj head; int32_t days, seconds, us; } TD;
typedef struct { Obj head; int32_t year, month, day; } Date;
/* datetime is a subclass of date: its layout starts with Date's. */
typedef struct { Obj head; int32_t year, month, day, hour, minute, second, us, fold; } DateTime;
typedef struct { Obj head; int32_t hour, minute, second, us, fold; } Time;

static inline bool dt_is(VM *vm, Tuple *S, Value v, int which) {
    return v_is_obj(v) && isinst(vm, v, DT_TYPE(S, which));
}

/* ---- calendar (datetime.c) ---- */
bool dt_is_leap(int y);
int dt_days_in_month(int y, int m);
int64_t dt_ymd_to_ord(int y, int m, int d);            /* 0001-01-01 is day 1 */
void dt_ord_to_ymd(int64_t ord, int *y, int *m, int *d);
int dt_weekday(int y, int m, int d);                   /* Monday == 0 */
int dt_check_date(VM *vm, int64_t y, int64_t m, int64_t d);
int dt_check_time(VM *vm, int64_t h, int64_t mi, int64_t s, int64_t us, int64_t fold);

/* ---- constructors (no range checks beyond what they say) ---- */
Value td_new(VM *vm, Type *t, __int128 total_us);      /* OverflowError past +-999999999 days */
__int128 td_total_us(const TD *td);
Value date_new(VM *vm, Type *t, int y, int m, int d);
Value datetime_new(VM *vm, Type *t, int y, int m, int d, int hh, int mm, int ss, int us, int fold);
Value time_new_obj(VM *vm, Type *t, int hh, int mm, int ss, int us, int fold);
/* A datetime from a count of microseconds since 0001-01-01T00:00 (OverflowError if out). */
Value datetime_from_us(VM *vm, Type *t, __int128 us);
__int128 datetime_to_us(const DateTime *d);

/* The "datetime.timedelta" / "__main__.Sub" prefix of reprs. */
Value dt_repr_prefix(VM *vm, Value self, const char *dflt);
/* Parses an int argument (TypeError "'float' object cannot be interpreted as an integer"). */
int dt_int_arg(VM *vm, Value v, int64_t *out);
/* Binds fn to the state and adds it to t as a method / static / class method / property. */
void dt_method(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn);
void dt_static(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn);
void dt_classmethod(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn);
void dt_property(VM *vm, Tuple *S, Type *t, const char *name, NativeFn fn);
/* The local broken-down time of a POSIX timestamp (seconds) as a datetime of type t. */
Value dt_from_posix(VM *vm, Type *t, int64_t secs, int us, bool utc);

/* ---- datetime_dt.c ---- */
void datetime_types_init(VM *vm, Tuple *S, Value mod);

/* ---- datetime_fmt.c ---- */
/* strftime for date/datetime/time fields (%f, %z, %Z handled here; the rest by libc). */
Value dt_strftime(VM *vm, Value fmt, int y, int mo, int d, int hh, int mi, int ss, int us);
/* fromisoformat parsers: 0 ok, -1 raised ValueError "Invalid isoformat string: ..." */
int dt_parse_iso_date(VM *vm, Value s, int *y, int *m, int *d);
int dt_parse_iso_datetime(VM *vm, Value s, int f[7]);
int dt_parse_iso_time(VM *vm, Value s, int f[4]);
/* strptime(s, fmt) -> fields y, m, d, H, M, S, us: 0 ok, -1 raised. */
int dt_strptime(VM *vm, Value s, Value fmt, int f[7]);

/* Shared by date, datetime and time (datetime.c). */
Value dt_cmp_result(VM *vm, int c, int op);   /* c: -1/0/1, op: CMP_EQ..CMP_GTE */
Value dt_hash_fields(VM *vm, Value fields);  /* hash of a tuple of the defining fields */

#endif
