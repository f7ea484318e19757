/* numfmt.c — float <-> text with CPython 3.11's exact output: the PyOS_double_to_string
 * layout (format_float_short), shortest repr digits, float(str) parsing and round(). */
#include "vm/numfmt.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- digit generation: DIGITS and decpt with value = 0.DIGITS * 10**decpt ---------- */

/* Normalises printf output ("d.ddde+XX" or "iii.fff") to dtoa's form: no leading or
 * trailing zeros, "0" with decpt 1 for a zero result. */
static void digits_from_printf(const char *s, StrBuf *dig, int *decpt) {
    int before = 0, seen_point = 0;
    const char *p = s;
    for (; *p && *p != 'e'; p++) {
        if (*p == '.') { seen_point = 1; continue; }
        sb_addc(dig, *p);
        if (!seen_point) before++;
    }
    int exp10 = (*p == 'e') ? atoi(p + 1) : 0;
    size_t lead = 0;
    while (lead < dig->len && dig->data[lead] == '0') lead++;
    if (lead == dig->len) {             /* the value rounded to zero */
        dig->len = 0; sb_addc(dig, '0'); *decpt = 1; return;
    }
    memmove(dig->data, dig->data + lead, dig->len - lead);
    dig->len -= lead;
    while (dig->len > 1 && dig->data[dig->len - 1] == '0') dig->len--;
    dig->data[dig->len] = 0;
    *decpt = before - (int)lead + exp10;
}

static void printf_digits(double d, char conv, int prec, StrBuf *dig, int *decpt) {
    char fmt[8] = {'%', '.', '*', conv, 0};
    int n = snprintf(NULL, 0, fmt, prec, d);
    char *tmp = malloc((size_t)n + 1);
    if (!tmp) abort();
    snprintf(tmp, (size_t)n + 1, fmt, prec, d);
    digits_from_printf(tmp, dig, decpt);
    free(tmp);
}

/* Adds one unit in the last place of "d.ddd" (mantissa digits only); returns 0 on a
 * carry out of the first digit (the caller then skips that candidate). */
static int bump_last_digit(char *m) {
    for (int i = (int)strlen(m) - 1; i >= 0; i--) {
        if (m[i] == '.') continue;
        if (m[i] != '9') { m[i]++; return 1; }
        m[i] = '0';
    }
    return 0;
}

/* Writes the nearest p-significant-digit decimal for d (> 0) into tmp if it round-trips,
 * else the next one up if that does; returns whether either does. */
static int try_digits(double d, int p, char *tmp, size_t cap) {
    snprintf(tmp, cap, "%.*e", p - 1, d);
    if (strtod(tmp, NULL) == d) return 1;
    /* At a power of two the gap below d is half the gap above, so the nearest
     * p-digit decimal can miss while the next one up still round-trips; dtoa's
     * shortest mode finds that one. */
    char *e = strchr(tmp, 'e');
    char mant[32], alt[48];
    size_t ml = (size_t)(e - tmp);
    memcpy(mant, tmp, ml); mant[ml] = 0;
    if (!bump_last_digit(mant)) return 0;
    snprintf(alt, sizeof alt, "%s%s", mant, e);
    if (strtod(alt, NULL) != d) return 0;
    snprintf(tmp, cap, "%s", alt);
    return 1;
}

int numfmt_shortest(double d, char *buf, int *decpt) {
    d = fabs(d);
    if (d == 0.0) { strcpy(buf, "0"); *decpt = 1; return 1; }
    /* Round-tripping is monotone in the digit count (17 always works), so binary
     * search for the fewest digits: ~5 printf/strtod pairs instead of up to 17. */
    char tmp[48], best[48];
    int lo = 1, hi = 17;
    snprintf(best, sizeof best, "%.16e", d);
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (try_digits(d, mid, tmp, sizeof tmp)) { hi = mid; memcpy(best, tmp, sizeof tmp); }
        else lo = mid + 1;
    }
    StrBuf dig; sb_init(&dig);
    digits_from_printf(best, &dig, decpt);
    memcpy(buf, dig.data, dig.len + 1);
    int n = (int)dig.len;
    sb_free(&dig);
    return n;
}

/* ---- layout: CPython's format_float_short ----------------------------------------- */

static void add_zeros(StrBuf *out, long n) { if (n > 0) sb_fill(out, '0', (size_t)n); }

static void layout_finite(const char *digits, long ndig, long decpt, int negative,
                          char code, int prec, int flags, StrBuf *out) {
    int alt = flags & NUMFMT_ALT, dot0 = flags & NUMFMT_ADD_DOT_0;
    int use_exp = 0;
    long exp = 0, vend = ndig;
    switch (code) {
    case 'e': use_exp = 1; vend = prec; break;
    case 'f': vend = decpt + prec; break;
    case 'g':
        if (decpt <= -4 || decpt > (dot0 ? prec - 1 : prec)) use_exp = 1;
        if (alt) vend = prec;
        break;
    default: /* 'r': exponent from 1e16 on */
        if (decpt <= -4 || decpt > 16) use_exp = 1;
        break;
    }
    if (use_exp) { exp = decpt - 1; decpt = 1; }
    /* the decimal point must fall inside (vstart, vend] of the zero-padded digits */
    long vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && dot0) vend = vend > decpt ? vend : decpt + 1;
    else vend = vend > decpt ? vend : decpt;

    if (negative) sb_addc(out, '-');
    else if (flags & NUMFMT_SIGN) sb_addc(out, '+');
    if (decpt <= 0) {
        add_zeros(out, decpt - vstart);
        sb_addc(out, '.');
        add_zeros(out, -decpt);
    } else {
        add_zeros(out, -vstart);
    }
    if (0 < decpt && decpt <= ndig) {
        sb_add(out, digits, (size_t)decpt);
        sb_addc(out, '.');
        sb_add(out, digits + decpt, (size_t)(ndig - decpt));
    } else {
        sb_add(out, digits, (size_t)ndig);
    }
    if (ndig < decpt) {
        add_zeros(out, decpt - ndig);
        sb_addc(out, '.');
        add_zeros(out, vend - decpt);
    } else {
        add_zeros(out, vend - ndig);
    }
    if (out->data[out->len - 1] == '.' && !alt) out->data[--out->len] = 0;
    if (use_exp) sb_printf(out, "%c%+.02ld", (flags & NUMFMT_UPPER) ? 'E' : 'e', exp);
}

void numfmt_double(double d, char code, int prec, int flags, StrBuf *out) {
    int upper = flags & NUMFMT_UPPER;
    if (isnan(d)) {                    /* the sign of a nan is never shown */
        if (flags & NUMFMT_SIGN) sb_addc(out, '+');
        sb_adds(out, upper ? "NAN" : "nan");
        return;
    }
    int negative = signbit(d) != 0;
    if (isinf(d)) {
        if (negative) sb_addc(out, '-');
        else if (flags & NUMFMT_SIGN) sb_addc(out, '+');
        sb_adds(out, upper ? "INF" : "inf");
        return;
    }
    StrBuf dig; sb_init(&dig);
    int decpt = 1;
    double a = fabs(d);
    switch (code) {
    case 'e': printf_digits(a, 'e', prec, &dig, &decpt); prec += 1; break;
    case 'f': printf_digits(a, 'f', prec, &dig, &decpt); break;
    case 'g':
        if (prec == 0) prec = 1;
        printf_digits(a, 'e', prec - 1, &dig, &decpt);
        break;
    default: {
        char buf[20];
        int n = numfmt_shortest(a, buf, &decpt);
        sb_add(&dig, buf, (size_t)n);
        code = 'r';
        break;
    }
    }
    if (negative && (flags & NUMFMT_NO_NEG_0) && dig.len == 1 && dig.data[0] == '0')
        negative = 0;
    layout_finite(dig.data, (long)dig.len, decpt, negative, code, prec, flags, out);
    sb_free(&dig);
}

void numfmt_float_repr(double d, StrBuf *out) {
    numfmt_double(d, 'r', 0, NUMFMT_ADD_DOT_0, out);
}

/* ---- float(str) ------------------------------------------------------------------ */

/* Byte length of the UTF-8 sequence at s[0..n) if it is whitespace to float(): ASCII
 * \t\n\v\f\r and ' ' (not \x1c-\x1f: CPython strips with its ASCII table), or a
 * non-ASCII character that str.isspace() accepts (mapped to ' ' before parsing); else 0. */
static size_t space_at(const unsigned char *s, size_t n) {
    if (n == 0) return 0;
    unsigned c = s[0];
    if ((c >= 9 && c <= 13) || c == 32) return 1;
    if (c < 0xC2) return 0;
    uint32_t cp; size_t len;
    if (c < 0xE0) { len = 2; cp = c & 0x1F; }
    else if (c < 0xF0) { len = 3; cp = c & 0x0F; }
    else return 0;                      /* no whitespace above U+FFFF */
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    int sp = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
             cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    return sp ? len : 0;
}

static void strip_spaces(const char *s, size_t *start, size_t *end) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k;
    while (*start < *end && (k = space_at(u + *start, *end - *start)) > 0) *start += k;
    while (*end > *start) {
        size_t b = *end - 1;            /* back up to the start of the last character */
        while (b > *start && (u[b] & 0xC0) == 0x80 && *end - b < 3) b--;
        if (space_at(u + b, *end - b) != *end - b) break;
        *end = b;
    }
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int match_word(const char *s, size_t n, const char *word) {
    if (strlen(word) != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return 0;
    }
    return 1;
}

/* Checks the decimal grammar digits [. digits] [e [sign] digits] with at least one
 * mantissa digit; s has no underscores any more. */
static int valid_decimal(const char *s, size_t n) {
    size_t i = 0, mant = 0;
    while (i < n && is_digit(s[i])) { i++; mant++; }
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && is_digit(s[i])) { i++; mant++; }
    }
    if (mant == 0) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        size_t ed = 0;
        while (i < n && is_digit(s[i])) { i++; ed++; }
        if (ed == 0) return 0;
    }
    return i == n;
}

int numfmt_parse_double(const char *s, size_t n, double *out) {
    size_t start = 0, end = n;
    strip_spaces(s, &start, &end);
    if (start == end) return 1;
    /* Underscores are allowed only between two digits (PEP 515); drop them. */
    char *buf = malloc(end - start + 1);
    if (!buf) abort();
    size_t m = 0;
    for (size_t i = start; i < end; i++) {
        if (s[i] == '_') {
            if (i == start || !is_digit(s[i - 1]) || i + 1 == end || !is_digit(s[i + 1])) {
                free(buf); return 1;
            }
            continue;
        }
        buf[m++] = s[i];
    }
    buf[m] = 0;
    size_t p = 0;
    int neg = 0;
    if (buf[0] == '+' || buf[0] == '-') { neg = buf[0] == '-'; p = 1; }
    int rc = 0;
    if (match_word(buf + p, m - p, "inf") || match_word(buf + p, m - p, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
    } else if (match_word(buf + p, m - p, "nan")) {
        *out = neg ? -NAN : NAN;
    } else if (valid_decimal(buf + p, m - p)) {
        double v = strtod(buf + p, NULL);   /* overflow gives inf, as CPython */
        *out = neg ? -v : v;
    } else {
        rc = 1;
    }
    free(buf);
    return rc;
}

/* ---- round() ---------------------------------------------------------------------- */

/* Rounds the exact decimal expansion of |x| to `keep` digits (half-even on exact ties)
 * and returns the digits with their decpt (value = 0.DIGITS * 10**decpt). */
static void round_digits(const char *d, size_t nd, int *decpt, long keep, StrBuf *res) {
    if (keep >= (long)nd) { sb_add(res, d, nd); return; }
    if (keep < 0) return;               /* below half of the last kept place: zero */
    sb_add(res, d, (size_t)keep);
    int up;
    if (d[keep] > '5') up = 1;
    else if (d[keep] < '5') up = 0;
    else {
        int rest_nonzero = 0;
        for (size_t i = (size_t)keep + 1; i < nd; i++) if (d[i] != '0') { rest_nonzero = 1; break; }
        int last_odd = keep > 0 && ((d[keep - 1] - '0') & 1);
        up = rest_nonzero || last_odd;
    }
    if (!up) return;
    long i = keep - 1;
    for (; i >= 0; i--) {
        if (res->data[i] != '9') { res->data[i]++; break; }
        res->data[i] = '0';
    }
    if (i < 0) {                        /* carry out: 999 -> 1000 */
        sb_addc(res, '0');
        memmove(res->data + 1, res->data, res->len - 1);
        res->data[0] = '1';
        (*decpt)++;
    }
}

double numfmt_round(double x, int ndigits, int *overflow) {
    /* CPython's NDIGITS_MAX / NDIGITS_MIN bounds for doubles */
    *overflow = 0;
    if (!isfinite(x) || x == 0.0) return x;
    if (ndigits > 323) return x;
    if (ndigits < -308) return 0.0 * x;
    StrBuf dig, res, num;
    sb_init(&dig); sb_init(&res); sb_init(&num);
    if (ndigits >= 0) {
        /* "%.*f" is dtoa mode 3 exactly: correctly rounded, half-even on exact ties */
        sb_printf(&num, "%.*f", ndigits, x);
    } else {
        int decpt;
        printf_digits(fabs(x), 'e', 800, &dig, &decpt);   /* 800 >= 767: exact */
        round_digits(dig.data, dig.len, &decpt, (long)decpt + ndigits, &res);
        sb_printf(&num, "%s0.%se%d", signbit(x) ? "-" : "", res.len ? res.data : "0", decpt);
    }
    errno = 0;
    double r = strtod(num.data, NULL);
    if (errno == ERANGE && fabs(r) >= 1.0) *overflow = 1;
    sb_free(&dig); sb_free(&res); sb_free(&num);
    return r;
}

double numfmt_round_half_even(double x) {
    double r = round(x);
    if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
    return r;
}
