/* datetime_fmt.c — text in and out for the datetime module: strftime (CPython's
 * wrap_strftime: %f, %z and %Z expanded here, everything else by libc's strftime on the
 * time tuple), the fromisoformat parsers, and strptime for the common directives. */
#include "stdlib/datetime_impl.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <time.h>

Value time_strftime_tm(VM *vm, const char *fmt, size_t fmtlen, struct tm *tm);   /* time.c */

Value dt_strftime(VM *vm, Value fmt, int y, int mo, int d, int hh, int mi, int ss, int us) {
    const char *f = str_cstr(fmt);
    size_t len = as_str(fmt)->len;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < len; i++) {
        if (f[i] != '%' || i + 1 >= len) { sb_addc(&sb, f[i]); continue; }
        char c = f[++i];
        if (c == 'f') sb_printf(&sb, "%06d", us);
        else if (c == 'z' || c == 'Z') { /* naive: empty */ }
        else { sb_addc(&sb, '%'); sb_addc(&sb, c); }
    }
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900; tm.tm_mon = mo - 1; tm.tm_mday = d;
    tm.tm_hour = hh; tm.tm_min = mi; tm.tm_sec = ss;
    tm.tm_wday = (dt_weekday(y, mo, d) + 1) % 7;
    tm.tm_yday = (int)(dt_ymd_to_ord(y, mo, d) - dt_ymd_to_ord(y, 1, 1));
    tm.tm_isdst = -1;
    Value r = time_strftime_tm(vm, sb.data ? sb.data : "", sb.len, &tm);
    sb_free(&sb);
    return r;
}

static int bad_iso(VM *vm, Value s) {
    Value r = vm_repr(vm, s);
    if (r) vm_raise(vm, vm->e_ValueError, "Invalid isoformat string: %s", str_cstr(r));
    return -1;
}

/* n ASCII digits at p (bounded by end) -> *out; false if not digits. */
static bool digits(const char *p, const char *end, int n, int *out) {
    if (end - p < n) return false;
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)p[i])) return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

/* YYYY-MM-DD or YYYYMMDD; returns the length consumed or -1. */
static int parse_date_part(const char *p, const char *end, int *y, int *m, int *d) {
    if (!digits(p, end, 4, y)) return -1;
    if (end - p >= 10 && p[4] == '-' && p[7] == '-' && digits(p + 5, end, 2, m) && digits(p + 8, end, 2, d))
        return 10;
    if (end - p >= 8 && digits(p + 4, end, 2, m) && digits(p + 6, end, 2, d)) return 8;
    return -1;
}

/* HH[:MM[:SS[.f+]]] (or the basic HHMMSS forms); the whole rest must be consumed. */
static bool parse_time_part(const char *p, const char *end, int f[4]) {
    f[0] = f[1] = f[2] = f[3] = 0;
    if (!digits(p, end, 2, &f[0])) return false;
    p += 2;
    bool ext = p < end && *p == ':';
    for (int i = 1; i <= 2 && p < end; i++) {
        if (ext) { if (*p != ':') return false; p++; }
        if (!digits(p, end, 2, &f[i])) return false;
        p += 2;
        if (p < end && (*p == '.' || *p == ',')) break;
    }
    if (p < end && (*p == '.' || *p == ',')) {
        p++;
        int nd = 0, us = 0;
        while (p < end && isdigit((unsigned char)*p)) {
            if (nd < 6) { us = us * 10 + (*p - '0'); nd++; }
            p++;
        }
        if (nd == 0) return false;
        while (nd < 6) { us *= 10; nd++; }
        f[3] = us;
    }
    return p == end;
}

int dt_parse_iso_date(VM *vm, Value s, int *y, int *m, int *d) {
    const char *p = str_cstr(s), *end = p + as_str(s)->len;
    int used = parse_date_part(p, end, y, m, d);
    if (used < 0 || p + used != end) return bad_iso(vm, s);
    return dt_check_date(vm, *y, *m, *d);
}

int dt_parse_iso_datetime(VM *vm, Value s, int f[7]) {
    const char *p = str_cstr(s), *end = p + as_str(s)->len;
    int used = parse_date_part(p, end, &f[0], &f[1], &f[2]);
    if (used < 0) return bad_iso(vm, s);
    for (int i = 3; i < 7; i++) f[i] = 0;
    p += used;
    if (p < end) {
        p++;   /* any one-character separator */
        if (!parse_time_part(p, end, f + 3)) return bad_iso(vm, s);
    }
    if (dt_check_date(vm, f[0], f[1], f[2]) < 0) return -1;
    return dt_check_time(vm, f[3], f[4], f[5], f[6], 0);
}

int dt_parse_iso_time(VM *vm, Value s, int f[4]) {
    const char *p = str_cstr(s), *end = p + as_str(s)->len;
    if (p < end && *p == 'T') p++;
    if (!parse_time_part(p, end, f)) return bad_iso(vm, s);
    return dt_check_time(vm, f[0], f[1], f[2], f[3], 0);
}

/* ---- strptime ---- */

static const char *const full_days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
static const char *const full_months[] = {"january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"};

/* Up to maxd digits (at least mind) whose value lies in [lo, hi]: the longest that fits. */
static bool take_num(const char **pp, const char *end, int mind, int maxd, int lo, int hi, int *out) {
    const char *p = *pp;
    int n = 0;
    while (p + n < end && n < maxd && isdigit((unsigned char)p[n])) n++;
    for (; n >= mind && n > 0; n--) {
        int v = 0;
        for (int i = 0; i < n; i++) v = v * 10 + (p[i] - '0');
        if (v >= lo && v <= hi) { *out = v; *pp = p + n; return true; }
    }
    return false;
}

static bool take_name(const char **pp, const char *end, const char *const *names, int count, int *out) {
    size_t avail = (size_t)(end - *pp);
    for (int full = 1; full >= 0; full--)
        for (int i = 0; i < count; i++) {
            size_t l = full ? strlen(names[i]) : 3;
            if (l <= avail && strncasecmp(*pp, names[i], l) == 0) { *out = i; *pp += l; return true; }
        }
    return false;
}

static int strptime_fail(VM *vm, Value s, Value fmt) {
    Value rs = vm_repr(vm, s), rf = rs ? vm_repr(vm, fmt) : VNULL;
    if (rf) vm_raise(vm, vm->e_ValueError, "time data %s does not match format %s", str_cstr(rs), str_cstr(rf));
    return -1;
}

int dt_strptime(VM *vm, Value s, Value fmt, int f[7]) {
    const char *p = str_cstr(s), *end = p + as_str(s)->len;
    const char *q = str_cstr(fmt), *qend = q + as_str(fmt)->len;
    int year = 1900, month = 1, day = 1, hour = 0, minute = 0, sec = 0, us = 0, yday = -1;
    int hour12 = -1, ampm = -1, dummy;
    while (q < qend) {
        char c = *q++;
        if (isspace((unsigned char)c)) {
            if (p >= end || !isspace((unsigned char)*p)) return strptime_fail(vm, s, fmt);
            while (p < end && isspace((unsigned char)*p)) p++;
            while (q < qend && isspace((unsigned char)*q)) q++;
            continue;
        }
        if (c != '%') {
            if (p >= end || tolower((unsigned char)*p) != tolower((unsigned char)c)) return strptime_fail(vm, s, fmt);
            p++;
            continue;
        }
        if (q >= qend) {
            vm_raise(vm, vm->e_ValueError, "stray %% in format '%s'", str_cstr(fmt));
            return -1;
        }
        char d = *q++;
        bool ok = true;
        switch (d) {
        case 'Y': ok = take_num(&p, end, 4, 4, 0, 9999, &year); break;
        case 'y': ok = take_num(&p, end, 2, 2, 0, 99, &year); if (ok) year += year < 69 ? 2000 : 1900; break;
        case 'm': ok = take_num(&p, end, 1, 2, 1, 12, &month); break;
        case 'd': if (p < end && *p == ' ') p++; ok = take_num(&p, end, 1, 2, 1, 31, &day); break;
        case 'H': ok = take_num(&p, end, 1, 2, 0, 23, &hour); break;
        case 'I': ok = take_num(&p, end, 1, 2, 1, 12, &hour12); break;
        case 'M': ok = take_num(&p, end, 1, 2, 0, 59, &minute); break;
        case 'S': ok = take_num(&p, end, 1, 2, 0, 61, &sec); break;
        case 'j': ok = take_num(&p, end, 1, 3, 1, 366, &yday); break;
        case 'f': {
            int nd = 0;
            us = 0;
            while (p < end && nd < 6 && isdigit((unsigned char)*p)) { us = us * 10 + (*p++ - '0'); nd++; }
            ok = nd > 0;
            while (nd < 6) { us *= 10; nd++; }
            break;
        }
        case 'b': case 'B': case 'h': ok = take_name(&p, end, full_months, 12, &month); month++; break;
        case 'a': case 'A': ok = take_name(&p, end, full_days, 7, &dummy); break;
        case 'p':
            if (end - p >= 2 && strncasecmp(p, "am", 2) == 0) ampm = 0;
            else if (end - p >= 2 && strncasecmp(p, "pm", 2) == 0) ampm = 1;
            else ok = false;
            p += ok ? 2 : 0;
            break;
        case '%': ok = p < end && *p == '%'; p += ok; break;
        default:
            vm_raise(vm, vm->e_ValueError, "'%c' is a bad directive in format '%s'", d, str_cstr(fmt));
            return -1;
        }
        if (!ok) return strptime_fail(vm, s, fmt);
    }
    if (p != end) {
        vm_raise(vm, vm->e_ValueError, "unconverted data remains: %s", p);
        return -1;
    }
    if (hour12 >= 0) hour = ampm < 0 ? hour12 : (hour12 % 12) + (ampm ? 12 : 0);
    if (sec > 59) sec = 59;
    if (yday >= 0) {
        int64_t ord = dt_ymd_to_ord(year < 1 ? 1 : year, 1, 1) + yday - 1;
        dt_ord_to_ymd(ord, &year, &month, &day);
    }
    f[0] = year; f[1] = month; f[2] = day; f[3] = hour; f[4] = minute; f[5] = sec; f[6] = us;
    return dt_check_date(vm, year, month, day);
}
