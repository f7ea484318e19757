/* unicode.c — the Unicode character properties str's methods use (case mappings,
 * is*() classes, identifier characters), answered from CPython 3.11's own database
 * (Unicode 14.0) as generated into vm/unicode_db.c by tools/gen_unicode_db.py. Each function
 * gives the answer CPython's Py_UNICODE_* / _PyUnicode_* counterpart gives; ASCII is
 * answered without the tables since it dominates real text. */
#include "vm/strobj.h"
#include "vm/unicode_db.h"

_Static_assert(UC_MAX_EXPAND <= 3, "uc_full_* callers pass out[3]");

#define EXT_INDEX(field) ((uint32_t)(field) & 0xFFFFF)
#define EXT_LEN(field) ((uint32_t)(field) >> 24)

static bool has(uint32_t c, unsigned flag) { return (uc_record(c)->flags & flag) != 0; }

/* ---------------------------------------------------------------- case mappings */

/* The simple mappings of an extended record are the first code point of the full one,
 * as in CPython (_PyUnicode_ToUppercase and friends). */
static uint32_t simple_map(uint32_t c, const UcRecord *r, int32_t field) {
    if (r->flags & UC_EXTENDED_CASE) return uc_ext_case[EXT_INDEX(field)];
    return (uint32_t)((int32_t)c + field);
}

uint32_t uc_lower(uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    const UcRecord *r = uc_record(c);
    return simple_map(c, r, r->lower);
}

uint32_t uc_upper(uint32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    const UcRecord *r = uc_record(c);
    return simple_map(c, r, r->upper);
}

uint32_t uc_title(uint32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    const UcRecord *r = uc_record(c);
    return simple_map(c, r, r->title);
}

static int ext_copy(uint32_t at, uint32_t n, uint32_t out[3]) {
    for (uint32_t i = 0; i < n; i++) out[i] = uc_ext_case[at + i];
    return (int)n;
}

static int full_map(uint32_t c, const UcRecord *r, int32_t field, uint32_t out[3]) {
    if (r->flags & UC_EXTENDED_CASE) return ext_copy(EXT_INDEX(field), EXT_LEN(field), out);
    out[0] = (uint32_t)((int32_t)c + field);
    return 1;
}

int uc_full_upper(uint32_t c, uint32_t out[3]) {
    const UcRecord *r = uc_record(c);
    return full_map(c, r, r->upper, out);
}

int uc_full_lower(uint32_t c, uint32_t out[3]) {
    const UcRecord *r = uc_record(c);
    return full_map(c, r, r->lower, out);
}

int uc_full_title(uint32_t c, uint32_t out[3]) {
    const UcRecord *r = uc_record(c);
    return full_map(c, r, r->title, out);
}

/* A folding that differs from the lower mapping is stored right after it. */
int uc_full_fold(uint32_t c, uint32_t out[3]) {
    const UcRecord *r = uc_record(c);
    uint32_t fold_len = ((uint32_t)r->lower >> 20) & 0xF;
    if ((r->flags & UC_EXTENDED_CASE) && fold_len)
        return ext_copy(EXT_INDEX(r->lower) + EXT_LEN(r->lower), fold_len, out);
    return full_map(c, r, r->lower, out);
}

/* ---------------------------------------------------------------- classes */

bool uc_isupper(uint32_t c) {
    if (c < 128) return c >= 'A' && c <= 'Z';
    return has(c, UC_UPPER);
}

bool uc_islower(uint32_t c) {
    if (c < 128) return c >= 'a' && c <= 'z';
    return has(c, UC_LOWER);
}

bool uc_istitle(uint32_t c) { return has(c, UC_TITLE); }
bool uc_iscased(uint32_t c) { return has(c, UC_CASED); }
bool uc_iscaseignorable(uint32_t c) { return has(c, UC_CASE_IGNORABLE); }

bool uc_isalpha(uint32_t c) {
    if (c < 128) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return has(c, UC_ALPHA);
}

int uc_decimal_value(uint32_t c) {
    if (c < 128) return (c >= '0' && c <= '9') ? (int)(c - '0') : -1;
    const UcRecord *r = uc_record(c);
    return (r->flags & UC_DECIMAL) ? r->digit : -1;
}

bool uc_isdecimal(uint32_t c) { return has(c, UC_DECIMAL); }
bool uc_isdigit(uint32_t c) { return has(c, UC_DIGIT); }
bool uc_isnumeric(uint32_t c) { return has(c, UC_NUMERIC); }

bool uc_isspace(uint32_t c) {
    if (c < 128) return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20);
    return has(c, UC_SPACE);
}

bool uc_islinebreak(uint32_t c) { return has(c, UC_LINEBREAK); }

bool uc_isprintable(uint32_t c) {
    if (c < 128) return c >= 0x20 && c < 0x7F;
    return c <= 0x10FFFF && has(c, UC_PRINTABLE);
}

bool uc_isxidstart(uint32_t c) { return has(c, UC_XID_START); }
bool uc_isxidcontinue(uint32_t c) { return has(c, UC_XID_CONTINUE); }
