/* fmtspec.h — CPython 3.11's format-spec mini-language (format(), str.format, f-strings)
 * for str, int and float, and the printf-style conversions of `str % args`.
 * Pure C over UTF-8 char buffers: the caller turns its objects into text, digit strings
 * or doubles and raises the exception whose message lands in `err`.
 *
 * Return codes of every function here: FMT_OK, or FMT_VALUE_ERROR / FMT_OVERFLOW_ERROR
 * with CPython's exact message in err (raise ValueError / OverflowError with it), or
 * FMT_NEEDS_FLOAT (see fmtspec_format_int_digits). */
#ifndef ASPEN_FMTSPEC_H
#define ASPEN_FMTSPEC_H

#include <stddef.h>
#include <stdint.h>
#include "vm/strbuf.h"

enum { FMT_OK = 0, FMT_VALUE_ERROR = 1, FMT_OVERFLOW_ERROR = 2, FMT_NEEDS_FLOAT = 3 };

/* Which formatter the spec is for: decides the default type and alignment
 * (str: 's' and '<'; int: 'd' and '>'; float: none and '>'). */
typedef enum { FMT_KIND_STR, FMT_KIND_INT, FMT_KIND_FLOAT } FmtKind;

typedef struct FormatSpec {
    uint32_t fill;          /* fill code point, ' ' by default */
    char align;             /* '<' '>' '=' '^', defaulted per kind (and '0' -> '=') */
    char sign;              /* 0 (not given), '+', '-', ' ' */
    char grouping;          /* 0, ',' or '_' */
    char group_size;        /* 3, or 4 for '_' with b/o/x/X */
    int no_neg_0;           /* 'z' */
    int alt;                /* '#' */
    int64_t width;          /* -1 when not given */
    int64_t precision;      /* -1 when not given */
    uint32_t type;          /* type code point, defaulted per kind (0 = none, floats) */
    const char *type_name;  /* for messages: "int", "float", "str", "bool", ... */
} FormatSpec;

/* Parses spec[0..n) (UTF-8). type_name must outlive the FormatSpec (a static string).
 * Errors: "Invalid format specifier '<spec>' for object of type '<type>'",
 * "Format specifier missing precision", "Too many decimal digits in format string",
 * "Cannot specify both ',' and '_'.", "Cannot specify ',' with 's'.", ...
 * Note: CPython formats an EMPTY spec as str(value) without parsing (this matters for
 * bool: format(True, '') == 'True' but format(True, 'd') == '1'); callers should do
 * the same. The functions below also give the right text for an empty spec on
 * str/int/float. */
int fmtspec_parse(const char *spec, size_t n, FmtKind kind, const char *type_name,
                  FormatSpec *out, StrBuf *err);

/* format(str, spec): precision truncates and width pads, both in code points. */
int fmtspec_format_str(const FormatSpec *f, const char *utf8, size_t n,
                       StrBuf *out, StrBuf *err);

/* format(int, spec) for an int that fits in 64 bits. Float presentation types
 * (e E f F g G %) are handled here by converting to double (exact rounding, like
 * int.__float__). 'c' checks range(0x110000). */
int fmtspec_format_int64(const FormatSpec *f, int64_t v, StrBuf *out, StrBuf *err);

/* The base the caller must render digits in for fmtspec_format_int_digits:
 * 2 ('b'), 8 ('o'), 16 ('x' 'X'), else 10 ('d' 'n' 'c' and none). */
int fmtspec_int_base(const FormatSpec *f);

/* format(int, spec) for any int given as its sign and magnitude digits (lowercase,
 * no prefix, no leading zeros, "0" for zero) in base fmtspec_int_base(f).
 * Returns FMT_NEEDS_FLOAT, writing nothing, when the type is a float type: the caller
 * converts the int to a double (raising OverflowError "int too large to convert to
 * float" if it must) and calls fmtspec_format_float with the same spec. */
int fmtspec_format_int_digits(const FormatSpec *f, int negative, const char *digits,
                              size_t n, StrBuf *out, StrBuf *err);

/* format(float, spec): types e E f F g G n % and none (repr-like), precision default 6,
 * '#', 'z', grouping, sign, fill/align/'0'; inf and nan ('F' etc. give INF, NAN). */
int fmtspec_format_float(const FormatSpec *f, double d, StrBuf *out, StrBuf *err);

/* ---- printf-style: `template % args` ---------------------------------------------
 * The VM walks the template; at each '%' it calls pct_parse on the text after the '%',
 * then supplies the values: for a "(key)" it looks the key up in the mapping (or raises
 * TypeError "format requires a mapping"); for width_star / prec_star it takes the next
 * argument (TypeError "* wants int" if not an int) and calls pct_set_star_width /
 * pct_set_star_prec; then, by type:
 *   '%'              append "%" (CPython consumes no argument, whatever the flags);
 *   d i u            int (or int(float) for a float; TypeError "%d format: a real
 *                    number is required, not T" otherwise) -> pct_format_int, base 10;
 *   o x X            int (TypeError "%x format: an integer is required, not T") ->
 *                    pct_format_int with digits in base pct_int_base(type);
 *   e E f F g G      float(value) -> pct_format_float;
 *   s r a            str()/repr()/ascii() of the value -> pct_format_str;
 *   c                an int in range(0x110000) (else OverflowError
 *                    "%c arg not in range(0x110000)") or a 1-char str (else TypeError
 *                    "%c requires int or char"), as UTF-8 -> pct_format_str. */
enum { PCT_LJUST = 1, PCT_SIGN = 2, PCT_BLANK = 4, PCT_ALT = 8, PCT_ZERO = 16 };

typedef struct PctSpec {
    int flags;              /* PCT_* from '-', '+', ' ', '#', '0' */
    int64_t width;          /* -1 when not given */
    int64_t prec;           /* -1 when not given */
    int width_star, prec_star;  /* '*' given: the caller supplies the value */
    int has_key;            /* "%(key)s": key is fmt[key_start .. key_start+key_len) */
    size_t key_start, key_len;
    char type;              /* the conversion character; 0 if unsupported (see below) */
    uint32_t bad_char;      /* type == 0: the offending character ... */
    size_t bad_index;       /* ... and its index in code points */
} PctSpec;

/* Parses one conversion of fmt[0..n) (UTF-8) starting at *pos, just after the '%';
 * advances *pos past the conversion character. "%%" gives type '%' (no argument).
 * Errors (ValueError): "incomplete format", "incomplete format key", "width too big",
 * "precision too big". An unsupported conversion character is NOT an error here: type
 * is 0, and the caller, after fetching the argument as CPython does (so '%q' % () is
 * TypeError "not enough arguments for format string"), calls pct_bad_conversion. */
int pct_parse(const char *fmt, size_t n, size_t *pos, PctSpec *out, StrBuf *err);

/* "unsupported format character 'q' (0x71) at index 3" (ValueError). */
void pct_bad_conversion(const PctSpec *s, StrBuf *err);

/* A '*' argument: a negative width means left-justify; a negative precision is 0. */
void pct_set_star_width(PctSpec *s, int64_t w);
void pct_set_star_prec(PctSpec *s, int64_t p);

/* Base of the digits pct_format_int expects for a type: 8 'o', 16 'x' 'X', else 10. */
int pct_int_base(char type);

/* %d %i %u %o %x %X: sign and magnitude digits (lowercase, no prefix) in the base. */
void pct_format_int(const PctSpec *s, int negative, const char *digits, size_t n,
                    StrBuf *out);

/* %e %E %f %F %g %G (precision default 6). */
void pct_format_float(const PctSpec *s, double d, StrBuf *out);

/* %s %r %a %c: the already-converted text; precision truncates s/r/a (code points). */
void pct_format_str(const PctSpec *s, const char *utf8, size_t n, StrBuf *out);

#endif
