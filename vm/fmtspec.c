/* fmtspec.c — the format-spec mini-language of CPython 3.11 (Python/formatter_unicode.c):
 * parsing, the number layout (sign, prefix, grouping into zero padding), and str/int/float
 * formatting; then the printf-style '%' conversions (Objects/unicodeobject.c). */
#include "vm/fmtspec.h"
#include "vm/numfmt.h"

#include <stdio.h>
#include <string.h>

/* ---- UTF-8 helpers ------------------------------------------------------------------ */

/* Decodes one code point at s[*i..n) and advances *i; malformed bytes decode as
 * themselves (one byte each) so nothing here can loop forever. */
static uint32_t utf8_next(const char *s, size_t n, size_t *i) {
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[*i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0xC0 || *i + len > n) { (*i)++; return c; }
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; k++) cp = (cp << 6) | (u[*i + k] & 0x3F);
    *i += len;
    return cp;
}

static size_t utf8_encode(uint32_t cp, char *b) {
    if (cp < 0x80) { b[0] = (char)cp; return 1; }
    if (cp < 0x800) { b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

static size_t utf8_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Byte offset of code point number k (or n if the text is shorter). */
static size_t utf8_offset(const char *s, size_t n, size_t k) {
    size_t i = 0;
    while (k > 0 && i < n) { utf8_next(s, n, &i); k--; }
    return i;
}

static void add_fill(StrBuf *out, uint32_t fill, int64_t count) {
    char b[4];
    size_t len = utf8_encode(fill, b);
    if (count <= 0) return;
    if (len == 1) { sb_fill(out, b[0], (size_t)count); return; }
    for (int64_t k = 0; k < count; k++) sb_add(out, b, len);
}

/* ---- parsing ------------------------------------------------------------------------ */

static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads decimal digits at cps[*pos]; returns how many, or -1 past PY_SSIZE_T_MAX. */
static int64_t get_integer(const uint32_t *cps, size_t n, size_t *pos, int64_t *val,
                           StrBuf *err) {
    int64_t acc = 0, count = 0;
    for (; *pos < n && cps[*pos] >= '0' && cps[*pos] <= '9'; (*pos)++, count++) {
        int dv = (int)(cps[*pos] - '0');
        if (acc > (INT64_MAX - dv) / 10) {
            sb_adds(err, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + dv;
    }
    *val = acc;
    return count;
}

static void bad_type_char(StrBuf *err, uint32_t t) {
    if (t > 32 && t < 128) sb_printf(err, "'%c'", (char)t);
    else sb_printf(err, "'\\x%x'", (unsigned)t);
}

static int unknown_type(const FormatSpec *f, StrBuf *err) {
    sb_adds(err, "Unknown format code ");
    bad_type_char(err, f->type);
    sb_printf(err, " for object of type '%s'", f->type_name);
    return FMT_VALUE_ERROR;
}

/* PEP 378 / PEP 515: which types accept ',' and '_' (and '_' groups by 4 in b/o/x/X). */
static int check_grouping(FormatSpec *f, StrBuf *err) {
    if (!f->grouping) return FMT_OK;
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return FMT_OK;
    case 'b': case 'o': case 'x': case 'X':
        if (f->grouping == '_') { f->group_size = 4; return FMT_OK; }
        break;
    default:
        break;
    }
    sb_printf(err, "Cannot specify '%c' with ", f->grouping);
    bad_type_char(err, f->type);
    sb_addc(err, '.');
    return FMT_VALUE_ERROR;
}

static int parse_cps(const uint32_t *c, size_t n, const char *spec, size_t nbytes,
                     FormatSpec *f, char default_align, StrBuf *err) {
    size_t pos = 0;
    int align_given = 0, fill_given = 0;
    if (n - pos >= 2 && is_align(c[pos + 1])) {
        f->align = (char)c[pos + 1]; f->fill = c[pos];
        fill_given = align_given = 1; pos += 2;
    } else if (n - pos >= 1 && is_align(c[pos])) {
        f->align = (char)c[pos]; align_given = 1; pos++;
    }
    if (pos < n && (c[pos] == '+' || c[pos] == '-' || c[pos] == ' ')) f->sign = (char)c[pos++];
    if (pos < n && c[pos] == 'z') { f->no_neg_0 = 1; pos++; }
    if (pos < n && c[pos] == '#') { f->alt = 1; pos++; }
    /* '0' before the width means fill with '0' after the sign (backwards compat) */
    if (!fill_given && pos < n && c[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') f->align = '=';
        pos++;
    }
    int64_t got = get_integer(c, n, &pos, &f->width, err);
    if (got < 0) return FMT_VALUE_ERROR;
    if (got == 0) f->width = -1;
    if (pos < n && c[pos] == ',') { f->grouping = ','; pos++; }
    if (pos < n && c[pos] == '_') {
        if (f->grouping) { sb_adds(err, "Cannot specify both ',' and '_'."); return FMT_VALUE_ERROR; }
        f->grouping = '_'; pos++;
    }
    if (pos < n && c[pos] == ',' && f->grouping == '_') {
        sb_adds(err, "Cannot specify both ',' and '_'.");
        return FMT_VALUE_ERROR;
    }
    if (pos < n && c[pos] == '.') {
        pos++;
        got = get_integer(c, n, &pos, &f->precision, err);
        if (got < 0) return FMT_VALUE_ERROR;
        if (got == 0) { sb_adds(err, "Format specifier missing precision"); return FMT_VALUE_ERROR; }
    }
    if (n - pos > 1) {
        sb_adds(err, "Invalid format specifier '");
        sb_add(err, spec, nbytes);
        sb_printf(err, "' for object of type '%s'", f->type_name);
        return FMT_VALUE_ERROR;
    }
    if (n - pos == 1) f->type = c[pos];
    return check_grouping(f, err);
}

int fmtspec_parse(const char *spec, size_t n, FmtKind kind, const char *type_name,
                  FormatSpec *out, StrBuf *err) {
    memset(out, 0, sizeof *out);
    char default_align = kind == FMT_KIND_STR ? '<' : '>';
    out->fill = ' ';
    out->align = default_align;
    out->group_size = 3;
    out->width = -1;
    out->precision = -1;
    out->type = kind == FMT_KIND_STR ? 's' : kind == FMT_KIND_INT ? 'd' : 0;
    out->type_name = type_name;
    uint32_t small[64];
    uint32_t *cps = n <= 64 ? small : malloc(n * sizeof *cps);
    if (!cps) abort();
    size_t k = 0;
    for (size_t i = 0; i < n;) cps[k++] = utf8_next(spec, n, &i);
    int rc = parse_cps(cps, k, spec, n, out, default_align, err);
    if (cps != small) free(cps);
    return rc;
}

/* ---- strings ------------------------------------------------------------------------ */

int fmtspec_format_str(const FormatSpec *f, const char *utf8, size_t n,
                       StrBuf *out, StrBuf *err) {
    if (f->type != 's') return unknown_type(f, err);
    if (f->sign) {
        sb_adds(err, f->sign == ' ' ? "Space not allowed in string format specifier"
                                    : "Sign not allowed in string format specifier");
        return FMT_VALUE_ERROR;
    }
    if (f->no_neg_0) {
        sb_adds(err, "Negative zero coercion (z) not allowed in string format specifier");
        return FMT_VALUE_ERROR;
    }
    if (f->alt) {
        sb_adds(err, "Alternate form (#) not allowed in string format specifier");
        return FMT_VALUE_ERROR;
    }
    if (f->align == '=') {
        sb_adds(err, "'=' alignment not allowed in string format specifier");
        return FMT_VALUE_ERROR;
    }
    int64_t len = (int64_t)utf8_count(utf8, n);
    size_t nbytes = n;
    if (f->precision >= 0 && len >= f->precision) {
        len = f->precision;
        nbytes = utf8_offset(utf8, n, (size_t)len);
    }
    int64_t total = f->width > len ? f->width : len;
    int64_t lpad = f->align == '>' ? total - len : f->align == '^' ? (total - len) / 2 : 0;
    add_fill(out, f->fill, lpad);
    sb_add(out, utf8, nbytes);
    add_fill(out, f->fill, total - len - lpad);
    return FMT_OK;
}

/* ---- the number layout (calc_number_widths + fill_number) ---------------------------- */

/* One number split into the pieces CPython lays out:
 * [lpad][sign][prefix][spad][grouped digits][decimal point][remainder][rpad]. */
typedef struct {
    char sign;                  /* '-' if negative, else 0 */
    const char *prefix;         /* "0x" etc., or "" */
    const char *digits; size_t n_digits;
    int has_decimal;
    const char *rem; size_t rem_bytes, rem_cps;
    int upper;                  /* 'X': upper-case the digits and the prefix */
} NumParts;

static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

/* _PyUnicode_InsertThousandsGrouping: groups from the right and, with '0'-fill and '='
 * alignment, keeps adding zero digits (and separators) until min_width is reached:
 * format(1234, '010,') == '00,001,234'. sep 0 means no grouping, only zero padding. */
static void group_digits(const char *d, int64_t nd, int64_t min_width, char sep, int gsize,
                         int upper, StrBuf *out) {
    StrBuf r; sb_init(&r);      /* built reversed */
    int64_t remaining = nd;
    int use_sep = 0, broken = 0;
    while (sep) {
        int64_t l = min64(gsize, max64(max64(remaining, min_width), 1));
        int64_t nz = max64(0, l - remaining), nc = max64(0, min64(remaining, l));
        if (use_sep) sb_addc(&r, sep);
        for (int64_t k = 0; k < nc; k++) sb_addc(&r, d[--remaining]);
        sb_fill(&r, '0', (size_t)nz);
        use_sep = 1;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0) { broken = 1; break; }
        min_width -= 1;
    }
    if (!broken) {
        int64_t l = max64(max64(remaining, min_width), 1);
        int64_t nz = max64(0, l - remaining), nc = max64(0, min64(remaining, l));
        if (use_sep) sb_addc(&r, sep);
        for (int64_t k = 0; k < nc; k++) sb_addc(&r, d[--remaining]);
        sb_fill(&r, '0', (size_t)nz);
    }
    for (size_t k = r.len; k > 0; k--) {
        char c = r.data[k - 1];
        sb_addc(out, upper && c >= 'a' && c <= 'f' ? (char)(c - 32) : c);
    }
    sb_free(&r);
}

static void layout_number(const FormatSpec *f, const NumParts *p, int grouping_ok,
                          StrBuf *out) {
    char sign = 0;
    if (f->sign == '+') sign = p->sign ? '-' : '+';
    else if (f->sign == ' ') sign = p->sign ? '-' : ' ';
    else sign = p->sign;
    int64_t n_prefix = (int64_t)strlen(p->prefix);
    int64_t fixed = (sign != 0) + n_prefix + (p->has_decimal ? 1 : 0) + (int64_t)p->rem_cps;
    int64_t min_width = (f->fill == '0' && f->align == '=') ? f->width - fixed : 0;
    char sep = grouping_ok ? f->grouping : 0;
    StrBuf g; sb_init(&g);
    if (p->n_digits > 0)        /* nothing to group for inf, nan and 'c' */
        group_digits(p->digits, (int64_t)p->n_digits, min_width, sep, f->group_size,
                     p->upper, &g);
    int64_t pad = f->width - (fixed + (int64_t)g.len);
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (f->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    add_fill(out, f->fill, lpad);
    if (sign) sb_addc(out, sign);
    for (int64_t k = 0; k < n_prefix; k++) {
        char c = p->prefix[k];
        sb_addc(out, p->upper && c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
    }
    add_fill(out, f->fill, spad);
    sb_add(out, g.data, g.len);
    if (p->has_decimal) sb_addc(out, '.');
    sb_add(out, p->rem, p->rem_bytes);
    add_fill(out, f->fill, rpad);
    sb_free(&g);
}

/* ---- ints --------------------------------------------------------------------------- */

int fmtspec_int_base(const FormatSpec *f) {
    switch (f->type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return 10;
    }
}

static int is_float_type(uint32_t t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

static int format_char(const FormatSpec *f, int negative, const char *digits, size_t n,
                       StrBuf *out, StrBuf *err) {
    if (f->sign) {
        sb_adds(err, "Sign not allowed with integer format specifier 'c'");
        return FMT_VALUE_ERROR;
    }
    if (f->alt) {
        sb_adds(err, "Alternate form (#) not allowed with integer format specifier 'c'");
        return FMT_VALUE_ERROR;
    }
    /* PyLong_AsLong comes first: outside a C long the message differs */
    uint64_t v = 0;
    int too_big = 0;
    for (size_t i = 0; i < n && !too_big; i++) {
        unsigned dv = (unsigned)(digits[i] - '0');
        if (v > (UINT64_MAX - dv) / 10) too_big = 1;
        else v = v * 10 + dv;
    }
    if (too_big || v > (negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX)) {
        sb_adds(err, "Python int too large to convert to C long");
        return FMT_OVERFLOW_ERROR;
    }
    if ((negative && v != 0) || v > 0x10FFFF) {
        sb_adds(err, "%c arg not in range(0x110000)");
        return FMT_OVERFLOW_ERROR;
    }
    char b[4];
    size_t len = utf8_encode((uint32_t)v, b);
    /* CPython passes the character as "remainder" so it is copied, never grouped */
    NumParts p = {0, "", "", 0, 0, b, len, 1, 0};
    layout_number(f, &p, 0, out);
    return FMT_OK;
}

int fmtspec_format_int_digits(const FormatSpec *f, int negative, const char *digits,
                              size_t n, StrBuf *out, StrBuf *err) {
    switch (f->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    default:
        if (is_float_type(f->type)) return FMT_NEEDS_FLOAT;
        return unknown_type(f, err);
    }
    if (f->precision != -1) {
        sb_adds(err, "Precision not allowed in integer format specifier");
        return FMT_VALUE_ERROR;
    }
    if (f->no_neg_0) {
        sb_adds(err, "Negative zero coercion (z) not allowed in integer format specifier");
        return FMT_VALUE_ERROR;
    }
    if (f->type == 'c') return format_char(f, negative, digits, n, out, err);
    const char *prefix = "";
    if (f->alt) {
        if (f->type == 'b') prefix = "0b";
        else if (f->type == 'o') prefix = "0o";
        else if (f->type == 'x' || f->type == 'X') prefix = "0x";
    }
    NumParts p = {negative ? '-' : 0, prefix, digits, n, 0, "", 0, 0, f->type == 'X'};
    layout_number(f, &p, f->type != 'n', out);
    return FMT_OK;
}

int fmtspec_format_int64(const FormatSpec *f, int64_t v, StrBuf *out, StrBuf *err) {
    int rc;
    if (is_float_type(f->type) && f->type != 0) {
        /* the type check comes first in CPython, then the conversion */
        rc = fmtspec_format_float(f, (double)v, out, err);
        return rc;
    }
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int base = fmtspec_int_base(f);
    char buf[72];
    size_t k = sizeof buf;
    do {
        buf[--k] = "0123456789abcdef"[mag % (uint64_t)base];
        mag /= (uint64_t)base;
    } while (mag);
    return fmtspec_format_int_digits(f, v < 0, buf + k, sizeof buf - k, out, err);
}

/* ---- floats ------------------------------------------------------------------------- */

int fmtspec_format_float(const FormatSpec *f, double d, StrBuf *out, StrBuf *err) {
    uint32_t type = f->type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return unknown_type(f, err);
    }
    if (f->precision > 2147483647) {
        sb_adds(err, "precision too big");
        return FMT_VALUE_ERROR;
    }
    int prec = (int)f->precision, flags = 0, default_prec = 6, add_pct = 0;
    if (f->alt) flags |= NUMFMT_ALT;
    if (f->no_neg_0) flags |= NUMFMT_NO_NEG_0;
    if (type == 0) {            /* repr() without precision, else 'g' with ".0" kept */
        flags |= NUMFMT_ADD_DOT_0;
        type = 'r';
        default_prec = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') { type = 'f'; d *= 100; add_pct = 1; }
    if (prec < 0) prec = default_prec;
    else if (type == 'r') type = 'g';
    if (type == 'E' || type == 'F' || type == 'G') { flags |= NUMFMT_UPPER; type += 32; }
    StrBuf s; sb_init(&s);
    numfmt_double(d, (char)type, prec, flags, &s);
    if (add_pct) sb_addc(&s, '%');
    size_t i = 0;
    NumParts p = {0, "", NULL, 0, 0, NULL, 0, 0, 0};
    if (s.data[0] == '-') { p.sign = '-'; i = 1; }
    p.digits = s.data + i;
    while (i < s.len && s.data[i] >= '0' && s.data[i] <= '9') { i++; p.n_digits++; }
    if (i < s.len && s.data[i] == '.') { p.has_decimal = 1; i++; }
    p.rem = s.data + i;
    p.rem_bytes = p.rem_cps = s.len - i;
    layout_number(f, &p, f->type != 'n', out);
    sb_free(&s);
    return FMT_OK;
}

/* ---- printf-style '%' conversions ----------------------------------------------------- */

static int pct_incomplete(StrBuf *err) {
    sb_adds(err, "incomplete format");
    return FMT_VALUE_ERROR;
}

static int is_pct_type(uint32_t c) {
    return c < 128 && c && strchr("diuoxXeEfFgGcsra", (int)c) != NULL;
}

/* Digits of a width or precision; `limit` is CPython's overflow bound for each. */
static int pct_number(const char *fmt, size_t n, size_t *i, int64_t limit, int64_t *val,
                      const char *too_big, StrBuf *err) {
    int64_t v = 0;
    while (*i < n && fmt[*i] >= '0' && fmt[*i] <= '9') {
        int dv = fmt[*i] - '0';
        if (v > (limit - dv) / 10) { sb_adds(err, too_big); return FMT_VALUE_ERROR; }
        v = v * 10 + dv;
        (*i)++;
    }
    *val = v;
    return FMT_OK;
}

int pct_parse(const char *fmt, size_t n, size_t *pos, PctSpec *out, StrBuf *err) {
    memset(out, 0, sizeof *out);
    out->width = out->prec = -1;
    size_t i = *pos;
    if (i < n && fmt[i] == '%') { out->type = '%'; *pos = i + 1; return FMT_OK; }
    if (i < n && fmt[i] == '(') {
        int depth = 1;
        size_t ks = ++i;
        for (; depth > 0 && i < n; i++) {
            if (fmt[i] == ')') depth--;
            else if (fmt[i] == '(') depth++;
        }
        if (depth > 0) { sb_adds(err, "incomplete format key"); return FMT_VALUE_ERROR; }
        out->has_key = 1; out->key_start = ks; out->key_len = i - 1 - ks;
    }
    for (; i < n; i++) {
        int fl = fmt[i] == '-' ? PCT_LJUST : fmt[i] == '+' ? PCT_SIGN : fmt[i] == ' ' ? PCT_BLANK
               : fmt[i] == '#' ? PCT_ALT : fmt[i] == '0' ? PCT_ZERO : 0;
        if (!fl) break;
        out->flags |= fl;
    }
    /* every '0' went to the flags, so width digits start at 1..9 */
    if (i < n && fmt[i] == '*') { out->width_star = 1; i++; }
    else if (i < n && fmt[i] >= '0' && fmt[i] <= '9' &&
             pct_number(fmt, n, &i, INT64_MAX, &out->width, "width too big", err))
        return FMT_VALUE_ERROR;
    if (i < n && fmt[i] == '.') {
        i++;
        out->prec = 0;
        if (i < n && fmt[i] == '*') { out->prec_star = 1; i++; }
        else if (pct_number(fmt, n, &i, 2147483647, &out->prec, "precision too big", err))
            return FMT_VALUE_ERROR;
    }
    if (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) i++;
    if (i >= n) return pct_incomplete(err);
    size_t at = i;
    uint32_t ch = utf8_next(fmt, n, &i);
    *pos = i;
    if (!is_pct_type(ch)) {
        /* CPython fetches the argument before complaining, so the caller must too */
        out->type = 0;
        out->bad_char = ch;
        out->bad_index = utf8_count(fmt, at);
        return FMT_OK;
    }
    out->type = (char)ch;
    return FMT_OK;
}

void pct_bad_conversion(const PctSpec *s, StrBuf *err) {
    uint32_t c = s->bad_char;
    sb_printf(err, "unsupported format character '%c' (0x%x) at index %zu",
              (c >= 32 && c <= 126) ? (char)c : '?', (unsigned)c, s->bad_index);
}

void pct_set_star_width(PctSpec *s, int64_t w) {
    if (w < 0) { s->flags |= PCT_LJUST; w = -w; }
    s->width = w;
}

void pct_set_star_prec(PctSpec *s, int64_t p) { s->prec = p < 0 ? 0 : p; }

int pct_int_base(char type) {
    return type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
}

static int pct_has_prefix(const PctSpec *s) {
    return (s->flags & PCT_ALT) && (s->type == 'x' || s->type == 'X' || s->type == 'o');
}

/* unicode_format_arg_output: str is the converted text (numbers carry their '-' and
 * "0x" prefix); numeric conversions get '+'/' ' signs and '0' padding after them. */
static void pct_output(const PctSpec *s, int numeric, const char *str, size_t n,
                       StrBuf *out) {
    int64_t width = s->width;
    char fill = (numeric && (s->flags & PCT_ZERO)) ? '0' : ' ';
    int64_t len = (int64_t)utf8_count(str, n);
    size_t idx = 0;
    if ((s->type == 's' || s->type == 'r' || s->type == 'a') && s->prec >= 0 && len > s->prec) {
        len = s->prec;
        n = utf8_offset(str, n, (size_t)len);
    }
    char signchar = 0;
    if (numeric) {
        if (str[0] == '-' || str[0] == '+') { signchar = str[0]; len--; idx++; }
        else if (s->flags & PCT_SIGN) signchar = '+';
        else if (s->flags & PCT_BLANK) signchar = ' ';
    }
    if (width < len) width = len;
    if (signchar) {
        if (fill != ' ') sb_addc(out, signchar);
        if (width > len) width--;
    }
    int prefix = numeric && pct_has_prefix(s);
    if (prefix) {
        if (fill != ' ') { sb_add(out, str + idx, 2); idx += 2; }
        width -= 2;
        if (width < 0) width = 0;
        len -= 2;
    }
    if (width > len && !(s->flags & PCT_LJUST)) { sb_fill(out, fill, (size_t)(width - len)); width = len; }
    if (fill == ' ') {
        if (signchar) sb_addc(out, signchar);
        if (prefix) { sb_add(out, str + idx, 2); idx += 2; }
    }
    sb_add(out, str + idx, n - idx);
    if (width > len) sb_fill(out, ' ', (size_t)(width - len));
}

void pct_format_int(const PctSpec *s, int negative, const char *digits, size_t n,
                    StrBuf *out) {
    /* _PyUnicode_FormatLong: sign, "0x"/"0o" prefix, zeros up to the precision */
    StrBuf t; sb_init(&t);
    if (negative) sb_addc(&t, '-');
    if (pct_has_prefix(s)) { sb_addc(&t, '0'); sb_addc(&t, s->type == 'o' ? 'o' : 'x'); }
    if (s->prec > (int64_t)n) sb_fill(&t, '0', (size_t)(s->prec - (int64_t)n));
    sb_add(&t, digits, n);
    if (s->type == 'X')
        for (size_t k = 0; k < t.len; k++)
            if (t.data[k] >= 'a' && t.data[k] <= 'z') t.data[k] = (char)(t.data[k] - 32);
    pct_output(s, 1, t.data, t.len, out);
    sb_free(&t);
}

void pct_format_float(const PctSpec *s, double d, StrBuf *out) {
    int flags = (s->flags & PCT_ALT) ? NUMFMT_ALT : 0;
    char code = s->type;
    if (code >= 'A' && code <= 'Z') { flags |= NUMFMT_UPPER; code = (char)(code + 32); }
    StrBuf t; sb_init(&t);
    numfmt_double(d, code, s->prec < 0 ? 6 : (int)s->prec, flags, &t);
    pct_output(s, 1, t.data, t.len, out);
    sb_free(&t);
}

void pct_format_str(const PctSpec *s, const char *utf8, size_t n, StrBuf *out) {
    pct_output(s, 0, utf8, n, out);
}
