/* numfmt.h — float <-> text exactly as CPython 3.11 does it: repr(float), float(str),
 * round(float, n), and the PyOS_double_to_string core that format() and '%' build on.
 * Pure C over char buffers; knows nothing of interpreter objects.
 *
 * Digits come from glibc's printf ("%.*e" / "%.*f"), which is exact and rounds
 * half-to-even on exact ties, like David Gay's dtoa that CPython uses. The shortest
 * repr digits are found by trying 1..17 significant digits with a strtod round-trip.
 * Assumes the C numeric locale (decimal point '.'), as CPython's LC_NUMERIC is. */
#ifndef ASPEN_NUMFMT_H
#define ASPEN_NUMFMT_H

#include <stddef.h>
#include "vm/strbuf.h"

/* Flags for numfmt_double (CPython's Py_DTSF_*). */
enum {
    NUMFMT_ADD_DOT_0 = 1,   /* integral results without exponent get ".0" ('r' and ''-type) */
    NUMFMT_ALT       = 2,   /* '#': keep the point and trailing zeros */
    NUMFMT_UPPER     = 4,   /* 'E', 'F', 'G': "E", "INF", "NAN" */
    NUMFMT_NO_NEG_0  = 8,   /* 'z': a result that rounds to zero loses its '-' */
    NUMFMT_SIGN      = 16   /* always write '+' for non-negative numbers (and nan) */
};

/* Appends PyOS_double_to_string(d, code, prec, flags) to out.
 * code: 'e' (prec digits after the point), 'f' (prec digits after the point),
 * 'g' (prec significant digits, 0 means 1; trailing zeros dropped unless ALT),
 * 'r' (shortest round-trip digits, prec ignored; exponent when exp < -4 or >= 16).
 * Non-finite: "inf", "-inf", "nan" (never "-nan"). */
void numfmt_double(double d, char code, int prec, int flags, StrBuf *out);

/* repr(d) == str(d): '1.0', '0.1', '1e-05', '1e+16', '-0.0', 'inf', 'nan'. */
void numfmt_float_repr(double d, StrBuf *out);

/* The shortest digit string that round-trips (no sign, no leading/trailing zeros,
 * "0" for zero) and the decimal exponent: value = 0.DIGITS * 10**decpt.
 * buf must hold 18 bytes. d must be finite. Returns the number of digits. */
int numfmt_shortest(double d, char *buf, int *decpt);

/* float(str) for the n bytes at s (UTF-8): surrounding whitespace (ASCII and Unicode),
 * optional sign, 'inf'/'infinity'/'nan' in any case, digits with single underscores
 * between digits, optional fraction and exponent. Overflow gives +-inf (as CPython).
 * Returns 0 and sets *out, or 1 if invalid; the caller then raises
 * ValueError("could not convert string to float: %r"). Non-ASCII decimal digits
 * (which CPython accepts) are rejected. */
int numfmt_parse_double(const char *s, size_t n, double *out);

/* round(x, ndigits): correctly rounded through the decimal string, half-even on exact
 * ties (CPython's double_round). nan/inf/0 come back unchanged; huge ndigits return x;
 * very negative ndigits return 0.0 with x's sign. Sets *overflow to 1 (else 0) when the
 * result is too large: the caller raises OverflowError("rounded value too large to
 * represent"). */
double numfmt_round(double x, int ndigits, int *overflow);

/* round(x) with no ndigits: nearest integer, ties to even (result still a double;
 * the caller converts to int and raises for inf/nan as CPython does). */
double numfmt_round_half_even(double x);

#endif
