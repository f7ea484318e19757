/* strobj.h — internals shared by the str and bytes implementation files (str.c,
 * str_methods.c, str_format.c, bytes.c): allocation shortcuts, the Unicode character
 * properties the case and is*() methods use (vm/unicode.c), and the init hooks. The public
 * string API is in vm.h ("strings" section). */
#ifndef ASPEN_STROBJ_H
#define ASPEN_STROBJ_H

#include "vm/vm.h"
#include "vm/strbuf.h"
#include <string.h>

void str_init(VM *vm);      /* adds str's methods; creates empty_str, small_strs, str_iterator */
void bytes_init(VM *vm);    /* creates bytes, bytearray, bytes_iterator */
void str_methods_init(VM *vm);   /* str_methods.c: the named methods */
void str_format_init(VM *vm);    /* str_format.c: format, format_map, __format__, __mod__ */

/* A new str of n bytes whose code-point length is already known (no rescan). */
Value str_new_cp(VM *vm, const char *s, size_t n, int64_t cplen);
/* A new str from a StrBuf's contents; frees the buffer either way. */
Value str_from_sb(VM *vm, StrBuf *b);
/* An uninitialised str of n bytes for the caller to fill; then call str_seal(). */
Str *str_alloc(VM *vm, Type *cls, size_t n);
Value str_seal(Str *s, int64_t cplen);   /* cplen < 0: count it */
/* memcmp(a, b, n) == 0, without a library call for the short runs prefixes, suffixes and
 * search needles usually are. */
static inline bool str_bytes_eq(const char *a, const char *b, size_t n) {
    if (n > 16) return memcmp(a, b, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}
/* memmem, faster on the short haystacks of split, replace, count and `in`. */
const char *str_find_bytes(const char *h, size_t hn, const char *n, size_t nn);
/* Byte offset of code point `cp` counting from byte `from` (which is a code point start). */
int64_t utf8_skip(const char *s, int64_t from, int64_t cps);

/* str iteration: iter(s), and its next item (VNULL without an exception = exhausted). */
Value str_iter_new(VM *vm, Value s);
Value str_iter_next(VM *vm, Value it);
/* s * n (n <= 0 gives ''), and ascii() of a str (repr with non-ASCII escaped). */
Value str_repeat(VM *vm, Value s, int64_t n);
Value str_ascii_repr(VM *vm, Value s);
/* Three-way comparison in code point order (-1, 0, 1). */
int str_compare(Str *a, Str *b);

/* Checks that self (args[0]) is a str for a method called through the type. */
int str_check_self(VM *vm, Value self, const char *name);

/* CPython-style argument count checks for positional-only methods. style picks the
 * message format CPython uses for that method:
 *   SA_NOARGS  "str.upper() takes no arguments (1 given)"
 *   SA_ONE     "str.join() takes exactly one argument (0 given)"
 *   SA_CLINIC  "replace expected at least 2 arguments, got 1"
 *   SA_OLD     "count() takes at least 1 argument (0 given)"
 * n excludes self. Keyword arguments are refused with CPython's message. */
enum { SA_NOARGS, SA_ONE, SA_CLINIC, SA_OLD };
int str_args(VM *vm, const char *tname, const char *name, int style, int n, Value kwnames,
             int min, int max);

/* ---- Unicode character properties (vm/unicode.c, CPython 3.11's Unicode 14.0 data);
 * each answers as the Py_UNICODE_* macro of the same name does ---- */
uint32_t uc_lower(uint32_t c);
uint32_t uc_upper(uint32_t c);
uint32_t uc_title(uint32_t c);
bool uc_isupper(uint32_t c);   /* cased and uppercase (or titlecase for istitle) */
bool uc_islower(uint32_t c);
bool uc_istitle(uint32_t c);   /* titlecase letters such as U+01C5 */
bool uc_iscased(uint32_t c);
bool uc_iscaseignorable(uint32_t c);   /* skipped when looking for a final sigma's context */
bool uc_isalpha(uint32_t c);
bool uc_isdecimal(uint32_t c);
int uc_decimal_value(uint32_t c);   /* -1 if not a decimal digit */
bool uc_isdigit(uint32_t c);
bool uc_isnumeric(uint32_t c);
bool uc_isspace(uint32_t c);
bool uc_isprintable(uint32_t c);
bool uc_islinebreak(uint32_t c);
bool uc_isxidstart(uint32_t c);      /* identifiers: XID_Start (without '_') */
bool uc_isxidcontinue(uint32_t c);   /* XID_Continue */
/* Full case mappings (may expand, e.g. U+00DF -> "SS"): writes up to 3 code points. */
int uc_full_upper(uint32_t c, uint32_t out[3]);
int uc_full_lower(uint32_t c, uint32_t out[3]);
int uc_full_title(uint32_t c, uint32_t out[3]);
int uc_full_fold(uint32_t c, uint32_t out[3]);

/* Appends the escaped repr body of a code point as str.repr does (quote: the quote char). */
void str_repr_cp(StrBuf *b, uint32_t c, char quote, bool ascii_only);

/* bytes helpers (bytes.c), for str.encode and str(bytes, enc) */
Value bytes_decode(VM *vm, const uint8_t *data, int64_t n, Value encoding, Value errors);
Value str_encode_to_bytes(VM *vm, Value s, Value encoding, Value errors);
/* Normalised codec name: 0 utf-8, 1 ascii, 2 latin-1; -1 with LookupError raised. */
int codec_lookup(VM *vm, Value encoding);
/* Borrow the bytes of a bytes or bytearray; false if v is neither. */
bool bytes_view(VM *vm, Value v, const uint8_t **data, int64_t *n);

#endif
