/* str_methods.c — the named methods of str (split, strip, find, replace, the case
 * mappings, the is*() predicates, padding, partition, translate, encode ...), with
 * CPython 3.11's argument handling and messages. Searches work on UTF-8 bytes (a valid
 * needle can only match at a code point boundary) and convert positions to code points
 * only where a result is an index. */
#define _GNU_SOURCE
#include "vm/strobj.h"
#include <string.h>

#define SELF(name) \
    do { if (str_check_self(vm, args[0], name) < 0) return VNULL; } while (0)
#define ARGS(name, style, min, max) \
    do { \
        if (str_args(vm, "str", name, style, nargs - 1, kw, min, max) < 0) return VNULL; \
        SELF(name); \
    } while (0)

static bool is_str(VM *vm, Value v) { return v_is_obj(v) && isinst(vm, v, vm->t_str); }

static Value need_str(VM *vm, Value v) {
    return vm_raise(vm, vm->e_TypeError, "must be str, not %s", type_name(vm, v));
}

/* Substring by byte range; cps is its code point count if known (else -1). */
static Value sub(VM *vm, Str *s, int64_t a, int64_t b, int64_t cps) {
    if (a == 0 && b == s->len && s->head.type == vm->t_str) return v_from_obj(s);
    if (s->len == s->cplen) cps = b - a;
    return str_new_cp(vm, s->data + a, (size_t)(b - a), cps);
}

static int64_t cp_index(Str *s, int64_t byteoff) {
    return s->len == s->cplen ? byteoff : utf8_cplen(s->data, (size_t)byteoff);
}

static uint32_t cp_at(const char *p, int64_t i, int *n) { return utf8_decode(p + i, n); }

/* Start of the code point that ends just before byte i. */
static int64_t cp_prev(const char *p, int64_t i) {
    i--;
    while (i > 0 && ((uint8_t)p[i] & 0xC0) == 0x80) i--;
    return i;
}

/* ------------------------------------------------------------ start / end */

/* A slice index argument: None keeps the default; huge ints clamp. */
static int slice_index(VM *vm, Value v, int64_t *out) {
    if (!v || v == vm->none) return 0;
    if (v_is_int(v)) { *out = v_int(v); return 0; }
    if (!int_check(vm, v) && !type_lookup(vm, type_of(vm, v), vm->s___index__)) {
        vm_raise(vm, vm->e_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    if (vm_index(vm, v, out) < 0) {
        if (!vm_exc_is(vm, vm->e_OverflowError)) return -1;
        vm_clear_exc(vm);
        *out = int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    return 0;
}

/* CPython's ADJUST_INDICES over code points; the results are also given as byte offsets
 * (start may lie beyond the end; then *bs == len). */
typedef struct { int64_t cs, ce, bs, be; } Range2;

static int get_range(VM *vm, Str *s, Value vs, Value ve, Range2 *r) {
    int64_t len = s->cplen, start = 0, end = INT64_MAX / 2;
    if (slice_index(vm, vs, &start) < 0 || slice_index(vm, ve, &end) < 0) return -1;
    if (end > len) end = len;
    else if (end < 0) { end += len; if (end < 0) end = 0; }
    if (start < 0) { start += len; if (start < 0) start = 0; }
    r->cs = start; r->ce = end;
    r->bs = start >= len ? s->len : str_cp_offset(s, start);
    r->be = end <= start ? r->bs : str_cp_offset(s, end);
    return 0;
}

/* --------------------------------------------------------- find & friends */

static int64_t rmemmem(const char *h, int64_t hn, const char *n, int64_t nn) {
    if (nn == 0) return hn;
    for (int64_t i = hn - nn; i >= 0; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)nn) == 0) return i;
    return -1;
}

/* Returns the code point index of the match, -1 if none, -2 on error. */
static int64_t find_impl(VM *vm, Value *args, int nargs, bool reverse) {
    Str *s = as_str(args[0]);
    if (!is_str(vm, args[1])) { need_str(vm, args[1]); return -2; }
    Str *n = as_str(args[1]);
    Range2 r;
    if (get_range(vm, s, nargs > 2 ? args[2] : VNULL, nargs > 3 ? args[3] : VNULL, &r) < 0)
        return -2;
    if (r.cs > s->cplen || r.ce - r.cs < n->cplen) return -1;
    const char *h = s->data + r.bs;
    int64_t hn = r.be - r.bs, pos;
    if (reverse) pos = rmemmem(h, hn, n->data, n->len);
    else {
        const char *p = str_find_bytes(h, (size_t)hn, n->data, (size_t)n->len);
        pos = p ? p - h : -1;
    }
    if (pos < 0) return -1;
    return cp_index(s, r.bs + pos);
}

static Value find_method(VM *vm, Value *args, int nargs, Value kw, const char *name,
                         bool reverse, bool raise) {
    if (str_args(vm, "str", name, SA_OLD, nargs - 1, kw, 1, 3) < 0) return VNULL;
    SELF(name);
    int64_t i = find_impl(vm, args, nargs, reverse);
    if (i == -2) return VNULL;
    if (i == -1 && raise) return vm_raise(vm, vm->e_ValueError, "substring not found");
    return v_from_int(i);
}

static Value m_find(VM *vm, Value *a, int n, Value kw) { return find_method(vm, a, n, kw, "find", false, false); }
static Value m_rfind(VM *vm, Value *a, int n, Value kw) { return find_method(vm, a, n, kw, "rfind", true, false); }
static Value m_index(VM *vm, Value *a, int n, Value kw) { return find_method(vm, a, n, kw, "index", false, true); }
static Value m_rindex(VM *vm, Value *a, int n, Value kw) { return find_method(vm, a, n, kw, "rindex", true, true); }

static int64_t count_bytes(const char *h, int64_t hn, const char *n, int64_t nn, int64_t max) {
    int64_t c = 0;
    if (nn == 1 && max >= hn) {   /* one byte: a plain scan beats a memchr call per match */
        const uint8_t *u = (const uint8_t *)h, ch = (uint8_t)n[0];
        for (int64_t i = 0; i < hn; i++) c += u[i] == ch;
        return c;
    }
    const char *p = h, *end = h + hn;
    while (c < max && (p = str_find_bytes(p, (size_t)(end - p), n, (size_t)nn))) { c++; p += nn; }
    return c;
}

static Value m_count(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("count", SA_OLD, 1, 3);
    Str *s = as_str(args[0]);
    if (!is_str(vm, args[1])) return need_str(vm, args[1]);
    Str *n = as_str(args[1]);
    Range2 r;
    if (get_range(vm, s, nargs > 2 ? args[2] : VNULL, nargs > 3 ? args[3] : VNULL, &r) < 0)
        return VNULL;
    if (r.cs > s->cplen || r.ce < r.cs) return v_from_int(0);
    if (n->len == 0) return v_from_int(r.ce - r.cs + 1);
    return v_from_int(count_bytes(s->data + r.bs, r.be - r.bs, n->data, n->len, INT64_MAX));
}

static Value xwith(VM *vm, Value *args, int nargs, Value kw, const char *name, bool end) {
    /* s.startswith(p) / s.endswith(p) with exact strs: no range or tuple handling needed */
    if (nargs == 2 && !kw && v_is_obj(args[0]) && v_is_obj(args[1]) &&
        v_obj(args[0])->type == vm->t_str && v_obj(args[1])->type == vm->t_str) {
        Str *s = as_str(args[0]), *p = as_str(args[1]);
        if (p->len > s->len) return vm->false_;
        return vm_bool(vm, str_bytes_eq(s->data + (end ? s->len - p->len : 0), p->data, (size_t)p->len));
    }
    ARGS(name, SA_OLD, 1, 3);
    Str *s = as_str(args[0]);
    Range2 r;
    if (get_range(vm, s, nargs > 2 ? args[2] : VNULL, nargs > 3 ? args[3] : VNULL, &r) < 0)
        return VNULL;
    Value x = args[1];
    int64_t nitems = 1;
    Value *items = &x;
    if (v_is_obj(x) && isinst(vm, x, vm->t_tuple)) { nitems = as_tuple(x)->n; items = as_tuple(x)->items; }
    else if (!is_str(vm, x))
        return vm_raise(vm, vm->e_TypeError, "%s first arg must be str or a tuple of str, not %s",
                        name, type_name(vm, x));
    for (int64_t i = 0; i < nitems; i++) {
        if (!is_str(vm, items[i]))
            return vm_raise(vm, vm->e_TypeError, "tuple for %s must only contain str, not %s",
                            name, type_name(vm, items[i]));
        Str *p = as_str(items[i]);
        if (r.cs > s->cplen || r.ce - r.cs < p->cplen) continue;
        int64_t at = end ? r.be - p->len : r.bs;
        if (memcmp(s->data + at, p->data, (size_t)p->len) == 0) return vm->true_;
    }
    return vm->false_;
}

static Value m_startswith(VM *vm, Value *a, int n, Value kw) { return xwith(vm, a, n, kw, "startswith", false); }
static Value m_endswith(VM *vm, Value *a, int n, Value kw) { return xwith(vm, a, n, kw, "endswith", true); }

/* ------------------------------------------------------------------ split */

static int push_sub(VM *vm, Value list, Str *s, int64_t a, int64_t b) {
    Value x = sub(vm, s, a, b, -1);
    if (!x) return -1;
    return list_append(vm, list, x);
}

static bool space_at(Str *s, int64_t i, int *n) {
    uint8_t c = (uint8_t)s->data[i];
    if (c < 0x80) { *n = 1; return uc_isspace(c); }
    return uc_isspace(cp_at(s->data, i, n));
}

static Value split_ws(VM *vm, Str *s, int64_t maxsplit) {
    Value list = list_new(vm, 0);
    CHECK(list);
    int64_t i = 0, len = s->len;
    int n;
    for (;;) {
        while (i < len && space_at(s, i, &n)) i += n;
        if (i >= len) break;
        int64_t j = i;
        if (maxsplit-- == 0) {   /* the rest, trailing whitespace included (as CPython) */
            if (push_sub(vm, list, s, j, len) < 0) return VNULL;
            break;
        }
        while (j < len && !space_at(s, j, &n)) j += n;
        if (push_sub(vm, list, s, i, j) < 0) return VNULL;
        i = j;
    }
    return list;
}

static Value rsplit_ws(VM *vm, Str *s, int64_t maxsplit) {
    Value list = list_new(vm, 0);
    CHECK(list);
    int64_t e = s->len;
    int n;
    for (;;) {
        while (e > 0) { int64_t p = cp_prev(s->data, e); if (!space_at(s, p, &n)) break; e = p; }
        if (e <= 0) break;
        int64_t b = e;
        if (maxsplit-- == 0) {   /* the rest, leading whitespace included */
            if (push_sub(vm, list, s, 0, b) < 0) return VNULL;
            break;
        }
        while (b > 0) { int64_t p = cp_prev(s->data, b); if (space_at(s, p, &n)) break; b = p; }
        if (push_sub(vm, list, s, b, e) < 0) return VNULL;
        e = b;
    }
    /* built back to front */
    List *l = as_list(list);
    for (int64_t i = 0, j = l->n - 1; i < j; i++, j--) { Value t = l->items[i]; l->items[i] = l->items[j]; l->items[j] = t; }
    return list;
}

static Value split_sep(VM *vm, Str *s, Str *sep, int64_t maxsplit, bool reverse) {
    Value list = list_new(vm, 0);
    CHECK(list);
    if (!reverse) {
        int64_t i = 0;
        while (maxsplit-- != 0) {
            const char *p = str_find_bytes(s->data + i, (size_t)(s->len - i), sep->data, (size_t)sep->len);
            if (!p) break;
            int64_t j = p - s->data;
            if (push_sub(vm, list, s, i, j) < 0) return VNULL;
            i = j + sep->len;
        }
        if (push_sub(vm, list, s, i, s->len) < 0) return VNULL;
        return list;
    }
    int64_t e = s->len;
    while (maxsplit-- != 0) {
        int64_t j = rmemmem(s->data, e, sep->data, sep->len);
        if (j < 0) break;
        if (push_sub(vm, list, s, j + sep->len, e) < 0) return VNULL;
        e = j;
    }
    if (push_sub(vm, list, s, 0, e) < 0) return VNULL;
    List *l = as_list(list);
    for (int64_t i = 0, j = l->n - 1; i < j; i++, j--) { Value t = l->items[i]; l->items[i] = l->items[j]; l->items[j] = t; }
    return list;
}

static Value split_common(VM *vm, Value *args, int nargs, Value kw, const char *name, bool rev) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value a[2] = {0, 0};
    if (vm_parse_args(vm, name, args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    SELF(name);
    int64_t maxsplit = -1;
    if (a[1]) {
        if (!v_is_int(a[1]) && !int_check(vm, a[1]) &&
            !type_lookup(vm, type_of(vm, a[1]), vm->s___index__))
            return vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer",
                            type_name(vm, a[1]));
        if (vm_index(vm, a[1], &maxsplit) < 0) return VNULL;
    }
    if (maxsplit < 0) maxsplit = -1;
    Str *s = as_str(args[0]);
    if (!a[0] || a[0] == vm->none) return rev ? rsplit_ws(vm, s, maxsplit) : split_ws(vm, s, maxsplit);
    if (!is_str(vm, a[0]))
        return vm_raise(vm, vm->e_TypeError, "must be str or None, not %s", type_name(vm, a[0]));
    if (as_str(a[0])->len == 0) return vm_raise(vm, vm->e_ValueError, "empty separator");
    return split_sep(vm, s, as_str(a[0]), maxsplit, rev);
}

static Value m_split(VM *vm, Value *a, int n, Value kw) { return split_common(vm, a, n, kw, "split", false); }
static Value m_rsplit(VM *vm, Value *a, int n, Value kw) { return split_common(vm, a, n, kw, "rsplit", true); }

static Value m_splitlines(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"keepends", NULL};
    Value a[1] = {0};
    if (vm_parse_args(vm, "splitlines", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    SELF("splitlines");
    int keep = 0;
    if (a[0]) {
        if (!int_check(vm, a[0]))
            return vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer",
                            type_name(vm, a[0]));
        keep = vm_truthy(vm, a[0]);
    }
    Str *s = as_str(args[0]);
    Value list = list_new(vm, 0);
    CHECK(list);
    int64_t i = 0, start = 0;
    while (i < s->len) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        if (!uc_islinebreak(c)) { i += n; continue; }
        int64_t eol = i;
        i += n;
        if (c == '\r' && i < s->len && s->data[i] == '\n') i++;
        if (push_sub(vm, list, s, start, keep ? i : eol) < 0) return VNULL;
        start = i;
    }
    if (start < s->len && push_sub(vm, list, s, start, s->len) < 0) return VNULL;
    return list;
}

static Value m_join(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("join", SA_ONE, 1, 1);
    return str_join(vm, args[0], args[1]);
}

/* ------------------------------------------------------------------ strip */

static bool in_chars(Str *chars, uint32_t c) {
    if (!chars) return uc_isspace(c);
    if (chars->len == chars->cplen) return c < 128 && memchr(chars->data, (int)c, (size_t)chars->len);
    for (int64_t i = 0; i < chars->len;) {
        int n;
        if (cp_at(chars->data, i, &n) == c) return true;
        i += n;
    }
    return false;
}

static Value strip_impl(VM *vm, Value *args, int nargs, Value kw, const char *name, int which) {
    ARGS(name, SA_CLINIC, 0, 1);
    Str *s = as_str(args[0]), *chars = NULL;
    if (nargs > 1 && args[1] != vm->none) {
        if (!is_str(vm, args[1]))
            return vm_raise(vm, vm->e_TypeError, "%s arg must be None or str", name);
        chars = as_str(args[1]);
    }
    int64_t a = 0, b = s->len;
    int n;
    if (which & 1)
        while (a < b && in_chars(chars, cp_at(s->data, a, &n))) a += n;
    if (which & 2)
        while (b > a) { int64_t p = cp_prev(s->data, b); if (!in_chars(chars, cp_at(s->data, p, &n))) break; b = p; }
    return sub(vm, s, a, b, -1);
}

static Value m_strip(VM *vm, Value *a, int n, Value kw) { return strip_impl(vm, a, n, kw, "strip", 3); }
static Value m_lstrip(VM *vm, Value *a, int n, Value kw) { return strip_impl(vm, a, n, kw, "lstrip", 1); }
static Value m_rstrip(VM *vm, Value *a, int n, Value kw) { return strip_impl(vm, a, n, kw, "rstrip", 2); }

/* ---------------------------------------------------------------- replace */

/* replace() whose result is no longer than s: one pass into a buffer of s's size (the unused
 * tail of a big one is never touched, so it costs no memory). */
static Value replace_shrinking(VM *vm, Str *s, Str *old, Str *new, int64_t count) {
    const char *p = s->data, *end = s->data + s->len, *q;
    if (count == 0 || !(q = str_find_bytes(p, (size_t)s->len, old->data, (size_t)old->len)))
        return sub(vm, s, 0, s->len, s->cplen);
    Str *r = str_alloc(vm, vm->t_str, (size_t)s->len);
    if (!r) return VNULL;
    char *o = r->data;
    int64_t m = 0;
    do {
        memcpy(o, p, (size_t)(q - p)); o += q - p;
        memcpy(o, new->data, (size_t)new->len); o += new->len;
        p = q + old->len;
        m++;
    } while (m < count && (q = str_find_bytes(p, (size_t)(end - p), old->data, (size_t)old->len)));
    memcpy(o, p, (size_t)(end - p)); o += end - p;
    if (o == r->data) return vm->empty_str;
    r->len = o - r->data;
    return str_seal(r, s->cplen + m * (new->cplen - old->cplen));
}

static Value m_replace(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("replace", SA_CLINIC, 2, 3);
    for (int i = 1; i <= 2; i++)
        if (!is_str(vm, args[i]))
            return vm_raise(vm, vm->e_TypeError, "replace() argument %d must be str, not %s", i,
                            type_name(vm, args[i]));
    int64_t count = -1;
    if (nargs > 3) {
        if (!int_check(vm, args[3]) && !type_lookup(vm, type_of(vm, args[3]), vm->s___index__))
            return vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer",
                            type_name(vm, args[3]));
        if (vm_index(vm, args[3], &count) < 0) return VNULL;
    }
    if (count < 0) count = INT64_MAX;
    Str *s = as_str(args[0]), *old = as_str(args[1]), *new = as_str(args[2]);
    StrBuf b;
    sb_init(&b);
    if (old->len == 0) {
        /* Insert `new` before every code point and at the end, up to count times. */
        int64_t i = 0;
        for (; i <= s->len && count > 0; count--) {
            sb_add(&b, new->data, (size_t)new->len);
            if (i == s->len) { i++; break; }
            int n;
            cp_at(s->data, i, &n);
            sb_add(&b, s->data + i, (size_t)n);
            i += n;
        }
        if (i < s->len) sb_add(&b, s->data + i, (size_t)(s->len - i));
        return str_from_sb(vm, &b);
    }
    if (new->len <= old->len) return replace_shrinking(vm, s, old, new, count);
    /* count the matches, then build the result at its exact size in one pass */
    int64_t m = count_bytes(s->data, s->len, old->data, old->len, count);
    if (m == 0) return sub(vm, s, 0, s->len, s->cplen);
    int64_t len = s->len + m * (new->len - old->len);
    if (len == 0) return vm->empty_str;
    Str *r = str_alloc(vm, vm->t_str, (size_t)len);
    if (!r) return VNULL;
    const char *p = s->data, *end = s->data + s->len;
    char *o = r->data;
    for (int64_t k = 0; k < m; k++) {
        const char *q = str_find_bytes(p, (size_t)(end - p), old->data, (size_t)old->len);
        memcpy(o, p, (size_t)(q - p)); o += q - p;
        memcpy(o, new->data, (size_t)new->len); o += new->len;
        p = q + old->len;
    }
    memcpy(o, p, (size_t)(end - p));
    return str_seal(r, s->cplen + m * (new->cplen - old->cplen));
}

static void sb_cp(StrBuf *b, uint32_t c) {
    char t[4];
    sb_add(b, t, (size_t)utf8_encode(c, t));
}

static bool case_ignorable(uint32_t c) { return uc_iscaseignorable(c); }

/* Greek capital sigma lowercases to final sigma at the end of a cased word. */
static uint32_t lower_sigma(Str *s, int64_t i, int n) {
    int64_t j = i;
    bool before = false;
    while (j > 0) {
        j = cp_prev(s->data, j);
        int k;
        uint32_t c = cp_at(s->data, j, &k);
        if (case_ignorable(c)) continue;
        before = uc_iscased(c);
        break;
    }
    if (!before) return 0x3C3;
    j = i + n;
    while (j < s->len) {
        int k;
        uint32_t c = cp_at(s->data, j, &k);
        j += k;
        if (case_ignorable(c)) continue;
        return uc_iscased(c) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

static void add_lower(StrBuf *b, Str *s, int64_t i, uint32_t c, int n) {
    uint32_t out[3];
    if (c == 0x3A3) { sb_cp(b, lower_sigma(s, i, n)); return; }
    int k = uc_full_lower(c, out);
    for (int j = 0; j < k; j++) sb_cp(b, out[j]);
}

static void add_mapped(StrBuf *b, int (*map)(uint32_t, uint32_t *), uint32_t c) {
    uint32_t out[3];
    int k = map(c, out);
    for (int j = 0; j < k; j++) sb_cp(b, out[j]);
}

enum { CM_UPPER, CM_LOWER, CM_FOLD, CM_SWAP, CM_TITLE, CM_CAP };

static Value case_map(VM *vm, Value *args, int nargs, Value kw, const char *name, int mode) {
    ARGS(name, SA_NOARGS, 0, 0);
    Str *s = as_str(args[0]);
    if (s->len == s->cplen && (mode == CM_UPPER || mode == CM_LOWER || mode == CM_FOLD)) {
        Str *r = str_alloc(vm, vm->t_str, (size_t)s->len);
        if (!r) return VNULL;
        for (int64_t i = 0; i < s->len; i++) {
            uint8_t c = (uint8_t)s->data[i];
            r->data[i] = (char)(mode == CM_UPPER ? uc_upper(c) : uc_lower(c));
        }
        return str_seal(r, s->len);
    }
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, (size_t)s->len);
    bool prev_cased = false;
    for (int64_t i = 0, k = 0; i < s->len; k++) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        switch (mode) {
        case CM_UPPER: add_mapped(&b, uc_full_upper, c); break;
        case CM_LOWER: add_lower(&b, s, i, c, n); break;
        case CM_FOLD: add_mapped(&b, uc_full_fold, c); break;
        case CM_SWAP:
            if (uc_isupper(c)) add_lower(&b, s, i, c, n);
            else if (uc_islower(c)) add_mapped(&b, uc_full_upper, c);
            else sb_cp(&b, c);
            break;
        case CM_TITLE:
            if (prev_cased) add_lower(&b, s, i, c, n);
            else add_mapped(&b, uc_full_title, c);
            prev_cased = uc_iscased(c);
            break;
        default:   /* capitalize */
            if (k == 0) add_mapped(&b, uc_full_title, c);
            else add_lower(&b, s, i, c, n);
        }
        i += n;
    }
    return str_from_sb(vm, &b);
}

static Value m_upper(VM *vm, Value *a, int n, Value kw) { return case_map(vm, a, n, kw, "upper", CM_UPPER); }
static Value m_lower(VM *vm, Value *a, int n, Value kw) { return case_map(vm, a, n, kw, "lower", CM_LOWER); }
static Value m_casefold(VM *vm, Value *a, int n, Value kw) { return case_map(vm, a, n, kw, "casefold", CM_FOLD); }
static Value m_swapcase(VM *vm, Value *a, int n, Value kw) { return case_map(vm, a, n, kw, "swapcase", CM_SWAP); }
static Value m_title(VM *vm, Value *a, int n, Value kw) { return case_map(vm, a, n, kw, "title", CM_TITLE); }
static Value m_capitalize(VM *vm, Value *a, int n, Value kw) { return case_map(vm, a, n, kw, "capitalize", CM_CAP); }

/* ------------------------------------------------------------- predicates */

/* True when s is non-empty and every code point satisfies pred. */
static Value all_cps(VM *vm, Value *args, int nargs, Value kw, const char *name,
                     bool (*pred)(uint32_t)) {
    ARGS(name, SA_NOARGS, 0, 0);
    Str *s = as_str(args[0]);
    if (s->len == 0) return vm->false_;
    for (int64_t i = 0; i < s->len;) {
        int n;
        if (!pred(cp_at(s->data, i, &n))) return vm->false_;
        i += n;
    }
    return vm->true_;
}

static bool p_alnum(uint32_t c) { return uc_isalpha(c) || uc_isnumeric(c); }

static Value m_isdigit(VM *vm, Value *a, int n, Value kw) { return all_cps(vm, a, n, kw, "isdigit", uc_isdigit); }
static Value m_isdecimal(VM *vm, Value *a, int n, Value kw) { return all_cps(vm, a, n, kw, "isdecimal", uc_isdecimal); }
static Value m_isnumeric(VM *vm, Value *a, int n, Value kw) { return all_cps(vm, a, n, kw, "isnumeric", uc_isnumeric); }
static Value m_isalpha(VM *vm, Value *a, int n, Value kw) { return all_cps(vm, a, n, kw, "isalpha", uc_isalpha); }
static Value m_isalnum(VM *vm, Value *a, int n, Value kw) { return all_cps(vm, a, n, kw, "isalnum", p_alnum); }
static Value m_isspace(VM *vm, Value *a, int n, Value kw) { return all_cps(vm, a, n, kw, "isspace", uc_isspace); }

static Value m_isprintable(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("isprintable", SA_NOARGS, 0, 0);
    Str *s = as_str(args[0]);
    for (int64_t i = 0; i < s->len;) {
        int n;
        if (!uc_isprintable(cp_at(s->data, i, &n))) return vm->false_;
        i += n;
    }
    return vm->true_;
}

static Value m_isascii(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("isascii", SA_NOARGS, 0, 0);
    return vm_bool(vm, as_str(args[0])->len == as_str(args[0])->cplen);
}

/* isupper: at least one cased character and no lowercase ones (and likewise islower). */
static Value cased_check(VM *vm, Value *args, int nargs, Value kw, const char *name, bool upper) {
    ARGS(name, SA_NOARGS, 0, 0);
    Str *s = as_str(args[0]);
    bool cased = false;
    for (int64_t i = 0; i < s->len;) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        i += n;
        if (upper ? (uc_islower(c) || uc_istitle(c)) : (uc_isupper(c) || uc_istitle(c)))
            return vm->false_;
        if (upper ? uc_isupper(c) : uc_islower(c)) cased = true;
    }
    return vm_bool(vm, cased);
}

static Value m_isupper(VM *vm, Value *a, int n, Value kw) { return cased_check(vm, a, n, kw, "isupper", true); }
static Value m_islower(VM *vm, Value *a, int n, Value kw) { return cased_check(vm, a, n, kw, "islower", false); }

static Value m_istitle(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("istitle", SA_NOARGS, 0, 0);
    Str *s = as_str(args[0]);
    bool cased = false, prev_cased = false;
    for (int64_t i = 0; i < s->len;) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        i += n;
        if (uc_isupper(c) || uc_istitle(c)) {
            if (prev_cased) return vm->false_;
            prev_cased = cased = true;
        } else if (uc_islower(c)) {
            if (!prev_cased) return vm->false_;
            prev_cased = cased = true;
        } else
            prev_cased = false;
    }
    return vm_bool(vm, cased);
}

static Value m_isidentifier(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("isidentifier", SA_NOARGS, 0, 0);
    Str *s = as_str(args[0]);
    if (s->len == 0) return vm->false_;
    for (int64_t i = 0; i < s->len;) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        bool ok = i == 0 ? c == '_' || uc_isxidstart(c) : uc_isxidcontinue(c);
        if (!ok) return vm->false_;
        i += n;
    }
    return vm->true_;
}

/* ---------------------------------------------------------------- padding */

static int get_width(VM *vm, Value v, int64_t *out) {
    if (v_is_int(v)) { *out = v_int(v); return 0; }
    if (!int_check(vm, v) && !type_lookup(vm, type_of(vm, v), vm->s___index__)) {
        vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer",
                 type_name(vm, v));
        return -1;
    }
    return vm_index(vm, v, out);
}

static Value pad(VM *vm, Str *s, int64_t left, int64_t right, const char *fill, int fn) {
    if (left <= 0 && right <= 0) return sub(vm, s, 0, s->len, s->cplen);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    Str *r = str_alloc(vm, vm->t_str, (size_t)(s->len + (left + right) * fn));
    if (!r) return VNULL;
    char *p = r->data;
    for (int64_t i = 0; i < left; i++, p += fn) memcpy(p, fill, (size_t)fn);
    memcpy(p, s->data, (size_t)s->len);
    p += s->len;
    for (int64_t i = 0; i < right; i++, p += fn) memcpy(p, fill, (size_t)fn);
    return str_seal(r, s->cplen + left + right);
}

static Value just(VM *vm, Value *args, int nargs, Value kw, const char *name, int mode) {
    ARGS(name, SA_CLINIC, 1, 2);
    int64_t width;
    if (get_width(vm, args[1], &width) < 0) return VNULL;
    const char *fill = " ";
    int fn = 1;
    if (nargs > 2) {
        if (!is_str(vm, args[2]))
            return vm_raise(vm, vm->e_TypeError,
                            "The fill character must be a unicode character, not %s",
                            type_name(vm, args[2]));
        if (as_str(args[2])->cplen != 1)
            return vm_raise(vm, vm->e_TypeError, "The fill character must be exactly one character long");
        fill = as_str(args[2])->data;
        fn = (int)as_str(args[2])->len;
    }
    Str *s = as_str(args[0]);
    int64_t marg = width - s->cplen;
    if (marg <= 0) return sub(vm, s, 0, s->len, s->cplen);
    if (mode == 0) return pad(vm, s, 0, marg, fill, fn);
    if (mode == 1) return pad(vm, s, marg, 0, fill, fn);
    int64_t left = marg / 2 + (marg & width & 1);   /* CPython's centering rule */
    return pad(vm, s, left, marg - left, fill, fn);
}

static Value m_ljust(VM *vm, Value *a, int n, Value kw) { return just(vm, a, n, kw, "ljust", 0); }
static Value m_rjust(VM *vm, Value *a, int n, Value kw) { return just(vm, a, n, kw, "rjust", 1); }
static Value m_center(VM *vm, Value *a, int n, Value kw) { return just(vm, a, n, kw, "center", 2); }

static Value m_zfill(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("zfill", SA_ONE, 1, 1);
    int64_t width;
    if (get_width(vm, args[1], &width) < 0) return VNULL;
    Str *s = as_str(args[0]);
    int64_t fill = width - s->cplen;
    if (fill <= 0) return sub(vm, s, 0, s->len, s->cplen);
    Value r = pad(vm, s, fill, 0, "0", 1);
    CHECK(r);
    Str *rs = as_str(r);
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {   /* sign goes first */
        rs->data[0] = s->data[0];
        rs->data[fill] = '0';
    }
    return r;
}

static Value m_expandtabs(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"tabsize", NULL};
    Value a[1] = {0};
    if (vm_parse_args(vm, "expandtabs", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    SELF("expandtabs");
    int64_t ts = 8;
    if (a[0] && get_width(vm, a[0], &ts) < 0) return VNULL;
    Str *s = as_str(args[0]);
    StrBuf b;
    sb_init(&b);
    int64_t col = 0;
    for (int64_t i = 0; i < s->len;) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        if (c == '\t') {
            if (ts > 0) { int64_t k = ts - col % ts; sb_fill(&b, ' ', (size_t)k); col += k; }
        } else {
            sb_add(&b, s->data + i, (size_t)n);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        i += n;
    }
    return str_from_sb(vm, &b);
}

/* -------------------------------------------------------------- partition */

static Value partition(VM *vm, Value *args, int nargs, Value kw, const char *name, bool rev) {
    ARGS(name, SA_ONE, 1, 1);
    if (!is_str(vm, args[1])) return need_str(vm, args[1]);
    Str *s = as_str(args[0]), *sep = as_str(args[1]);
    if (sep->len == 0) return vm_raise(vm, vm->e_ValueError, "empty separator");
    int64_t j;
    if (rev) j = rmemmem(s->data, s->len, sep->data, sep->len);
    else {
        const char *p = str_find_bytes(s->data, (size_t)s->len, sep->data, (size_t)sep->len);
        j = p ? p - s->data : -1;
    }
    Value whole = sub(vm, s, 0, s->len, s->cplen);
    CHECK(whole);
    if (j < 0)
        return rev ? tuple_pack(vm, 3, vm->empty_str, vm->empty_str, whole)
                   : tuple_pack(vm, 3, whole, vm->empty_str, vm->empty_str);
    Value a = sub(vm, s, 0, j, -1);
    CHECK(a);
    Value c = sub(vm, s, j + sep->len, s->len, -1);
    CHECK(c);
    return tuple_pack(vm, 3, a, args[1], c);
}

static Value m_partition(VM *vm, Value *a, int n, Value kw) { return partition(vm, a, n, kw, "partition", false); }
static Value m_rpartition(VM *vm, Value *a, int n, Value kw) { return partition(vm, a, n, kw, "rpartition", true); }

static Value affix(VM *vm, Value *args, int nargs, Value kw, const char *name, bool suffix) {
    ARGS(name, SA_ONE, 1, 1);
    if (!is_str(vm, args[1]))
        return vm_raise(vm, vm->e_TypeError, "%s() argument must be str, not %s", name,
                        type_name(vm, args[1]));
    Str *s = as_str(args[0]), *p = as_str(args[1]);
    if (p->len && p->len <= s->len &&
        memcmp(s->data + (suffix ? s->len - p->len : 0), p->data, (size_t)p->len) == 0)
        return suffix ? sub(vm, s, 0, s->len - p->len, s->cplen - p->cplen)
                      : sub(vm, s, p->len, s->len, s->cplen - p->cplen);
    return sub(vm, s, 0, s->len, s->cplen);
}

static Value m_removeprefix(VM *vm, Value *a, int n, Value kw) { return affix(vm, a, n, kw, "removeprefix", false); }
static Value m_removesuffix(VM *vm, Value *a, int n, Value kw) { return affix(vm, a, n, kw, "removesuffix", true); }

/* ------------------------------------------------------ translate, encode */

static Value m_maketrans(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "maketrans", SA_CLINIC, nargs, kw, 1, 3) < 0) return VNULL;
    Value d = dict_new_v(vm);
    CHECK(d);
    Dict *dd = (Dict *)d;
    if (nargs == 1) {
        if (!v_is_obj(args[0]) || !isinst(vm, args[0], vm->t_dict))
            return vm_raise(vm, vm->e_TypeError,
                            "if you give only one argument to maketrans it must be a dict");
        int64_t pos = 0;
        Value k, v;
        while (dict_next((Dict *)args[0], &pos, &k, &v)) {
            if (is_str(vm, k)) {
                if (as_str(k)->cplen != 1)
                    return vm_raise(vm, vm->e_ValueError, "string keys in translate table must be of length 1");
                int n;
                k = v_from_int(utf8_decode(as_str(k)->data, &n));
            } else if (!int_check(vm, k))
                return vm_raise(vm, vm->e_TypeError, "keys in translate table must be strings or integers");
            if (dict_set(vm, dd, k, v) < 0) return VNULL;
        }
        return d;
    }
    for (int i = 0; i < nargs; i++)
        if (!is_str(vm, args[i]))
            return vm_raise(vm, vm->e_TypeError, "maketrans() argument %d must be str, not %s",
                            i + 1, type_name(vm, args[i]));
    Str *x = as_str(args[0]), *y = as_str(args[1]);
    if (x->cplen != y->cplen)
        return vm_raise(vm, vm->e_ValueError, "the first two maketrans arguments must have equal length");
    for (int64_t i = 0, j = 0; i < x->len;) {
        int n, m;
        uint32_t a = utf8_decode(x->data + i, &n), b = utf8_decode(y->data + j, &m);
        if (dict_set(vm, dd, v_from_int(a), v_from_int(b)) < 0) return VNULL;
        i += n; j += m;
    }
    if (nargs == 3) {
        Str *z = as_str(args[2]);
        for (int64_t i = 0; i < z->len;) {
            int n;
            uint32_t a = utf8_decode(z->data + i, &n);
            if (dict_set(vm, dd, v_from_int(a), vm->none) < 0) return VNULL;
            i += n;
        }
    }
    return d;
}

static Value m_translate(VM *vm, Value *args, int nargs, Value kw) {
    ARGS("translate", SA_ONE, 1, 1);
    Str *s = as_str(args[0]);
    Value table = args[1];
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < s->len;) {
        int n;
        uint32_t c = cp_at(s->data, i, &n);
        Value r = vm_getitem(vm, table, v_from_int(c));
        if (!r) {
            if (!vm_exc_is(vm, vm->e_LookupError)) { sb_free(&b); return VNULL; }
            vm_clear_exc(vm);
            sb_add(&b, s->data + i, (size_t)n);
        } else if (r == vm->none) {
        } else if (v_is_int(r)) {
            int64_t k = v_int(r);
            if (k < 0 || k > 0x10FFFF) {
                sb_free(&b);
                return vm_raise(vm, vm->e_ValueError, "character mapping must be in range(0x110000)");
            }
            sb_cp(&b, (uint32_t)k);
        } else if (is_str(vm, r)) {
            sb_add(&b, as_str(r)->data, (size_t)as_str(r)->len);
        } else {
            sb_free(&b);
            return vm_raise(vm, vm->e_TypeError, "character mapping must return integer, None or str");
        }
        i += n;
    }
    return str_from_sb(vm, &b);
}

static Value m_encode(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value a[2] = {0, 0};
    if (vm_parse_args(vm, "encode", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    SELF("encode");
    for (int i = 0; i < 2; i++)
        if (a[i] && !is_str(vm, a[i]))
            return vm_raise(vm, vm->e_TypeError, "encode() argument '%s' must be str, not %s",
                            names[i], type_name(vm, a[i]));
    return str_encode_to_bytes(vm, args[0], a[0], a[1]);
}

/* ------------------------------------------------------------------- init */

void str_methods_init(VM *vm) {
    static const struct { const char *name; NativeFn fn; } methods[] = {
        {"find", m_find}, {"rfind", m_rfind}, {"index", m_index}, {"rindex", m_rindex},
        {"count", m_count}, {"startswith", m_startswith}, {"endswith", m_endswith},
        {"split", m_split}, {"rsplit", m_rsplit}, {"splitlines", m_splitlines},
        {"join", m_join}, {"strip", m_strip}, {"lstrip", m_lstrip}, {"rstrip", m_rstrip},
        {"replace", m_replace}, {"upper", m_upper}, {"lower", m_lower},
        {"casefold", m_casefold}, {"swapcase", m_swapcase}, {"title", m_title},
        {"capitalize", m_capitalize}, {"isdigit", m_isdigit}, {"isdecimal", m_isdecimal},
        {"isnumeric", m_isnumeric}, {"isalpha", m_isalpha}, {"isalnum", m_isalnum},
        {"isspace", m_isspace}, {"isprintable", m_isprintable}, {"isascii", m_isascii},
        {"isupper", m_isupper}, {"islower", m_islower}, {"istitle", m_istitle},
        {"isidentifier", m_isidentifier}, {"ljust", m_ljust}, {"rjust", m_rjust},
        {"center", m_center}, {"zfill", m_zfill}, {"expandtabs", m_expandtabs},
        {"partition", m_partition}, {"rpartition", m_rpartition},
        {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix},
        {"translate", m_translate}, {"encode", m_encode},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        type_add_method(vm, vm->t_str, methods[i].name, methods[i].fn);
    type_add_static(vm, vm->t_str, "maketrans", m_maketrans);
}
