/* str.c — the str object's core: allocation, interning, hashing, UTF-8 helpers,
 * concatenation, repr, code-point indexing and slicing, comparison, iteration, and the
 * operator dunders. Named methods live in str_methods.c, formatting in str_format.c,
 * and the Unicode character properties in unicode.c.
 *
 * Invariant: a Str holds well-formed UTF-8 (surrogates allowed, encoded in 3 bytes) with a
 * trailing NUL; cplen == len exactly when it is ASCII, which makes indexing O(1). */
#define _GNU_SOURCE
#include "vm/strobj.h"
#include <string.h>
#include <stdarg.h>
#include <stdio.h>

/* ------------------------------------------------------------------ UTF-8 */

int64_t utf8_cplen(const char *s, size_t n) {
    int64_t c = 0;
    size_t i = 0;
    /* Count non-continuation bytes, eight at a time where possible. */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = (w & 0x8080808080808080ULL) & ((~w << 1) & 0x8080808080808080ULL);
        c += 8 - __builtin_popcountll(cont);
    }
    for (; i < n; i++) c += ((uint8_t)s[i] & 0xC0) != 0x80;
    return c;
}

/* Strict validation as CPython's utf-8 decoder: no overlongs, no surrogates, <= U+10FFFF. */
bool utf8_valid(const char *s, size_t n) {
    const uint8_t *p = (const uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        uint8_t c = p[i];
        if (c < 0x80) { i++; continue; }
        int k; uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (i + (size_t)k >= n) return false;
        for (int j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += k + 1;
    }
    return true;
}

int utf8_encode(uint32_t cp, char *out) {
    uint8_t *o = (uint8_t *)out;
    if (cp < 0x80) { o[0] = cp; return 1; }
    if (cp < 0x800) { o[0] = 0xC0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3F); return 2; }
    if (cp < 0x10000) {
        o[0] = 0xE0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3F); o[2] = 0x80 | (cp & 0x3F);
        return 3;
    }
    o[0] = 0xF0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3F);
    o[2] = 0x80 | ((cp >> 6) & 0x3F); o[3] = 0x80 | (cp & 0x3F);
    return 4;
}

/* Decodes one code point of (trusted, well-formed) UTF-8. */
uint32_t utf8_decode(const char *s, int *len) {
    const uint8_t *p = (const uint8_t *)s;
    uint8_t c = p[0];
    if (c < 0x80) { *len = 1; return c; }
    if (c < 0xE0) { *len = 2; return ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F); }
    if (c < 0xF0) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int64_t utf8_skip(const char *s, int64_t from, int64_t cps) {
    const uint8_t *p = (const uint8_t *)s;
    int64_t i = from;
    while (cps > 0) {
        uint8_t c = p[i];
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cps--;
    }
    return i;
}

int64_t str_cp_offset(Str *s, int64_t cpidx) {
    if (s->len == s->cplen) return cpidx;
    if (cpidx >= s->cplen) return s->len;
    /* Walk from whichever end is nearer. */
    if (cpidx > s->cplen / 2) {
        int64_t i = s->len, k = s->cplen;
        while (k > cpidx) {
            i--;
            while (((uint8_t)s->data[i] & 0xC0) == 0x80) i--;
            k--;
        }
        return i;
    }
    return utf8_skip(s->data, 0, cpidx);
}

/* ----------------------------------------------------------------- search */

/* memmem for the many short searches split, replace and count make: glibc's memmem sets up
 * a shift table on every call, which cost more than the search itself on short haystacks.
 * memchr finds candidates for the first byte; after too many false candidates (a
 * pathological needle), the rest goes to memmem, which is linear. */
const char *str_find_bytes(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    if (nn == 1) return memchr(h, n[0], hn);
    const char *p = h, *last = h + (hn - nn);
    for (int budget = 64; budget > 0; budget--) {
        p = memchr(p, n[0], (size_t)(last - p) + 1);
        if (!p) return NULL;
        if (str_bytes_eq(p + 1, n + 1, nn - 1)) return p;
        p++;
        if (p > last) return NULL;
    }
    return memmem(p, (size_t)(h + hn - p), n, nn);
}

/* ------------------------------------------------------------- allocation */

Str *str_alloc(VM *vm, Type *cls, size_t n) {
    if (n > ((size_t)1 << 40)) { vm_nomem(vm); return NULL; }
    cls = cls ? cls : vm->t_str;
    Str *s = gc_alloc(vm, cls, sizeof(Str) + n + 1 + var_dict_extra(cls));
    if (!s) return NULL;
    s->len = (int64_t)n;
    s->data[n] = 0;
    return s;
}

Value str_seal(Str *s, int64_t cplen) {
    s->data[s->len] = 0;
    s->cplen = cplen >= 0 ? cplen : utf8_cplen(s->data, (size_t)s->len);
    return v_from_obj(s);
}

Value str_new_cp(VM *vm, const char *p, size_t n, int64_t cplen) {
    if (n == 0 && vm->empty_str) return vm->empty_str;
    if (n == 1 && (uint8_t)p[0] < 128 && vm->small_strs[(uint8_t)p[0]])
        return vm->small_strs[(uint8_t)p[0]];
    Str *s = str_alloc(vm, vm->t_str, n);
    if (!s) return VNULL;
    if (n) memcpy(s->data, p, n);
    return str_seal(s, cplen);
}

Value str_new(VM *vm, const char *p, size_t n) { return str_new_cp(vm, p, n, -1); }

Value str_from_cstr(VM *vm, const char *p) { return str_new_cp(vm, p, strlen(p), -1); }

Value str_from_sb(VM *vm, StrBuf *b) {
    Value r = str_new_cp(vm, b->data ? b->data : "", b->len, -1);
    sb_free(b);
    return r;
}

Value str_printf(VM *vm, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof small) return str_new(vm, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) return vm_nomem(vm);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    Value r = str_new(vm, big, (size_t)n);
    free(big);
    return r;
}

Value str_from_codepoint(VM *vm, uint32_t cp) {
    if (cp < 128 && vm->small_strs[cp]) return vm->small_strs[cp];
    char buf[4];
    int n = utf8_encode(cp, buf);
    return str_new_cp(vm, buf, (size_t)n, 1);
}

/* ------------------------------------------------------- hashing, interning */

int64_t str_hash_compute(Str *s) {
    if (s->head.aux & 1) return s->hash;
    /* A multiply-xorshift hash over 8-byte words, finished with murmur's fmix64. */
    const uint8_t *p = (const uint8_t *)s->data;
    size_t n = (size_t)s->len, i = 0;
    uint64_t h = 0x243F6A8885A308D3ULL ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL);
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i < n; i++, k += 8) tail |= (uint64_t)p[i] << k;
    h = (h ^ tail) * 0x94D049BB133111EBULL;
    h ^= h >> 33; h *= 0xFF51AFD7ED558CCDULL; h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL; h ^= h >> 33;
    /* Kept within the small-int range so hash() never allocates. */
    int64_t r = (int64_t)h >> 3;
    if (r == -1) r = -2;
    s->hash = r;
    s->head.aux |= 1;
    return r;
}

bool str_eq(Str *a, Str *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (str_is_interned(a) && str_is_interned(b) && a->head.type == b->head.type) return false;
    if ((a->head.aux & 1) && (b->head.aux & 1) && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, (size_t)a->len) == 0;
}

static Dict *intern_table(VM *vm) {
    if (!vm->interned) vm->interned = dict_new(vm);
    return vm->interned;
}

Value str_intern(VM *vm, Value s) {
    Str *st = as_str(s);
    if (str_is_interned(st)) return s;
    Dict *d = intern_table(vm);
    if (!d) return VNULL;
    Value found;
    int r = dict_get(vm, d, s, &found);
    if (r < 0) return VNULL;
    if (r == 1) return found;
    if (st->head.type != vm->t_str) {   /* only exact str objects are shared */
        s = str_new_cp(vm, st->data, (size_t)st->len, st->cplen);
        if (!s) return VNULL;
        st = as_str(s);
    }
    st->head.aux |= STR_INTERNED;
    if (dict_set(vm, d, s, s) < 0) return VNULL;
    return s;
}

Value str_intern_cstr(VM *vm, const char *p) {
    size_t n = strlen(p);
    Value s;
    if (n == 1 && (uint8_t)p[0] < 128 && vm->small_strs[(uint8_t)p[0]])
        s = vm->small_strs[(uint8_t)p[0]];
    else if (n == 0 && vm->empty_str)
        s = vm->empty_str;
    else {
        /* Look up with a stack copy first, so repeated interning allocates nothing. */
        if (n < 200 && vm->interned) {
            struct { Str s; char buf[201]; } tmp;
            memset(&tmp.s, 0, sizeof tmp.s);
            tmp.s.head.type = vm->t_str;
            tmp.s.len = (int64_t)n;
            memcpy(tmp.s.data, p, n + 1);
            tmp.s.cplen = utf8_cplen(p, n);
            Value found;
            int r = dict_get(vm, vm->interned, v_from_obj(&tmp.s), &found);
            if (r == 1) return found;
            if (r < 0) return VNULL;
        }
        s = str_new_cp(vm, p, n, -1);
        if (!s) return VNULL;
    }
    return str_intern(vm, s);
}

/* ------------------------------------------------------------ concat, repr */

Value str_concat(VM *vm, Value a, Value b) {
    Str *x = as_str(a), *y = as_str(b);
    if (y->len == 0 && x->head.type == vm->t_str) return a;
    if (x->len == 0 && y->head.type == vm->t_str) return b;
    Str *s = str_alloc(vm, vm->t_str, (size_t)(x->len + y->len));
    if (!s) return VNULL;
    memcpy(s->data, x->data, (size_t)x->len);
    memcpy(s->data + x->len, y->data, (size_t)y->len);
    return str_seal(s, x->cplen + y->cplen);
}

void str_repr_cp(StrBuf *b, uint32_t c, char quote, bool ascii_only) {
    char tmp[16];
    if (c == (uint32_t)quote || c == '\\') { sb_addc(b, '\\'); sb_addc(b, (char)c); return; }
    if (c == '\n') { sb_adds(b, "\\n"); return; }
    if (c == '\t') { sb_adds(b, "\\t"); return; }
    if (c == '\r') { sb_adds(b, "\\r"); return; }
    if (c >= 0x20 && c < 0x7F) { sb_addc(b, (char)c); return; }
    if (c >= 0x80 && !ascii_only && uc_isprintable(c)) {
        int n = utf8_encode(c, tmp);
        sb_add(b, tmp, (size_t)n);
        return;
    }
    if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", c);
    else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", c);
    else snprintf(tmp, sizeof tmp, "\\U%08x", c);
    sb_adds(b, tmp);
}

static Value repr_impl(VM *vm, Value v, bool ascii_only) {
    Str *s = as_str(v);
    bool sq = memchr(s->data, '\'', (size_t)s->len) != NULL;
    bool dq = memchr(s->data, '"', (size_t)s->len) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    StrBuf b;
    sb_init(&b);
    sb_reserve(&b, (size_t)s->len + 2);
    sb_addc(&b, quote);
    for (int64_t i = 0; i < s->len;) {
        uint8_t c = (uint8_t)s->data[i];
        if (c >= 0x20 && c < 0x7F && c != '\\' && c != (uint8_t)quote) {
            int64_t j = i + 1;   /* copy a plain run in one go */
            while (j < s->len) {
                uint8_t d = (uint8_t)s->data[j];
                if (d < 0x20 || d >= 0x7F || d == '\\' || d == (uint8_t)quote) break;
                j++;
            }
            sb_add(&b, s->data + i, (size_t)(j - i));
            i = j;
            continue;
        }
        int n;
        uint32_t cp = utf8_decode(s->data + i, &n);
        str_repr_cp(&b, cp, quote, ascii_only);
        i += n;
    }
    sb_addc(&b, quote);
    return str_from_sb(vm, &b);
}

Value str_repr(VM *vm, Value s) { return repr_impl(vm, s, false); }
Value str_ascii_repr(VM *vm, Value s) { return repr_impl(vm, s, true); }

/* ---------------------------------------------------------- argument checks */

int str_check_self(VM *vm, Value self, const char *name) {
    if (v_is_obj(self) && isinst(vm, self, vm->t_str)) return 0;
    vm_raise(vm, vm->e_TypeError, "descriptor '%s' for 'str' objects doesn't apply to a '%s' object",
             name, type_name(vm, self));
    return -1;
}

int str_args(VM *vm, const char *tname, const char *name, int style, int n, Value kwnames,
             int min, int max) {
    if (kwnames && as_tuple(kwnames)->n > 0) {
        if (style == SA_NOARGS || style == SA_ONE)
            vm_raise(vm, vm->e_TypeError, "%s.%s() takes no keyword arguments", tname, name);
        else
            vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (n >= min && n <= max) return 0;
    switch (style) {
    case SA_NOARGS:
        vm_raise(vm, vm->e_TypeError, "%s.%s() takes no arguments (%d given)", tname, name, n);
        break;
    case SA_ONE:
        vm_raise(vm, vm->e_TypeError, "%s.%s() takes exactly one argument (%d given)",
                 tname, name, n);
        break;
    case SA_CLINIC: {
        int lim = n < min ? min : max;
        vm_raise(vm, vm->e_TypeError, "%s expected %s%d argument%s, got %d", name,
                 min == max ? "" : n < min ? "at least " : "at most ", lim,
                 lim == 1 ? "" : "s", n);
        break;
    }
    default: {
        int lim = n < min ? min : max;
        vm_raise(vm, vm->e_TypeError, "%s() takes %s %d argument%s (%d given)", name,
                 min == max ? "exactly" : n < min ? "at least" : "at most", lim,
                 lim == 1 ? "" : "s", n);
        break;
    }
    }
    return -1;
}

#define SELF_CHECK(name) \
    do { if (str_check_self(vm, args[0], name) < 0) return VNULL; } while (0)

/* --------------------------------------------------------- index and slice */

static Value str_slice(VM *vm, Str *s, Value slice) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, slice, s->cplen, &start, &stop, &step, &n)) return VNULL;
    if (n <= 0) return vm->empty_str;
    if (step == 1) {
        if (n == s->cplen && s->head.type == vm->t_str) return v_from_obj(s);
        int64_t a = str_cp_offset(s, start);
        int64_t b = s->len == s->cplen ? stop : utf8_skip(s->data, a, n);
        return str_new_cp(vm, s->data + a, (size_t)(b - a), n);
    }
    if (s->len == s->cplen) {
        Str *r = str_alloc(vm, vm->t_str, (size_t)n);
        if (!r) return VNULL;
        for (int64_t i = 0, k = start; i < n; i++, k += step) r->data[i] = s->data[k];
        return str_seal(r, n);
    }
    /* Non-ASCII with a step: index every code point once, then gather. */
    int64_t *off = malloc(sizeof(int64_t) * (size_t)(s->cplen + 1));
    if (!off) return vm_nomem(vm);
    for (int64_t i = 0, k = 0; k <= s->cplen; k++) {
        off[k] = i;
        if (k < s->cplen) i = utf8_skip(s->data, i, 1);
    }
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0, k = start; i < n; i++, k += step)
        sb_add(&b, s->data + off[k], (size_t)(off[k + 1] - off[k]));
    free(off);
    Value r = str_new_cp(vm, b.data, b.len, n);
    sb_free(&b);
    return r;
}

Value str_getitem(VM *vm, Value sv, Value key) {
    Str *s = as_str(sv);
    int64_t i;
    if (v_is_int(key)) i = v_int(key);
    else if (isinst(vm, key, vm->t_slice)) return str_slice(vm, s, key);
    else if (int_check(vm, key) || type_lookup(vm, type_of(vm, key), vm->s___index__)) {
        if (vm_index(vm, key, &i) < 0) {
            if (vm_exc_is(vm, vm->e_OverflowError)) {
                vm_clear_exc(vm);
                return vm_raise(vm, vm->e_IndexError,
                                "cannot fit '%s' into an index-sized integer", type_name(vm, key));
            }
            return VNULL;
        }
    } else
        return vm_raise(vm, vm->e_TypeError, "string indices must be integers, not '%s'",
                        type_name(vm, key));
    if (i < 0) i += s->cplen;
    if (i < 0 || i >= s->cplen) return vm_raise(vm, vm->e_IndexError, "string index out of range");
    if (s->len == s->cplen) return vm->small_strs[(uint8_t)s->data[i]];
    int64_t off = str_cp_offset(s, i);
    int n;
    utf8_decode(s->data + off, &n);
    return str_new_cp(vm, s->data + off, (size_t)n, 1);
}

/* ------------------------------------------------------------------ join */

static Value join_items(VM *vm, Str *sep, Value *items, int64_t n) {
    int64_t total = 0, cps = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!v_is_obj(items[i]) || !isinst(vm, items[i], vm->t_str))
            return vm_raise(vm, vm->e_TypeError, "sequence item %lld: expected str instance, %s found",
                            (long long)i, type_name(vm, items[i]));
        total += as_str(items[i])->len;
        cps += as_str(items[i])->cplen;
    }
    if (n == 0) return vm->empty_str;
    if (n == 1 && as_str(items[0])->head.type == vm->t_str) return items[0];
    total += sep->len * (n - 1);
    cps += sep->cplen * (n - 1);
    Str *r = str_alloc(vm, vm->t_str, (size_t)total);
    if (!r) return VNULL;
    char *p = r->data;
    for (int64_t i = 0; i < n; i++) {
        if (i && sep->len) { memcpy(p, sep->data, (size_t)sep->len); p += sep->len; }
        Str *it = as_str(items[i]);
        memcpy(p, it->data, (size_t)it->len);
        p += it->len;
    }
    return str_seal(r, cps);
}

Value str_join(VM *vm, Value sep, Value iterable) {
    Type *t = v_is_obj(iterable) ? type_of(vm, iterable) : NULL;
    if (t == vm->t_list) { Value r = join_items(vm, as_str(sep), as_list(iterable)->items, as_list(iterable)->n); GC_KEEP(iterable); return r; }
    if (t == vm->t_tuple) return join_items(vm, as_str(sep), as_tuple(iterable)->items, as_tuple(iterable)->n);
    Value it = vm_iter(vm, iterable);
    if (!it) {
        if (vm_exc_is(vm, vm->e_TypeError)) {
            vm_clear_exc(vm);
            return vm_raise(vm, vm->e_TypeError, "can only join an iterable");
        }
        return VNULL;
    }
    Value lst = list_new(vm, 0);
    CHECK(lst);
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) { if (vm->exc) return VNULL; break; }
        if (list_append(vm, lst, x) < 0) return VNULL;
    }
    Value r = join_items(vm, as_str(sep), as_list(lst)->items, as_list(lst)->n);
    GC_KEEP(lst);
    return r;
}

/* ---------------------------------------------------------------- dunders */

static Value s_len(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__len__", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    SELF_CHECK("__len__");
    return v_from_int(as_str(args[0])->cplen);
}

static Value s_getitem(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__getitem__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    SELF_CHECK("__getitem__");
    return str_getitem(vm, args[0], args[1]);
}

static Value s_contains(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__contains__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    SELF_CHECK("__contains__");
    Value x = args[1];
    if (!v_is_obj(x) || !isinst(vm, x, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "'in <string>' requires string as left operand, not %s",
                        type_name(vm, x));
    Str *h = as_str(args[0]), *n = as_str(x);
    if (n->len == 0) return vm->true_;
    return vm_bool(vm, str_find_bytes(h->data, (size_t)h->len, n->data, (size_t)n->len) != NULL);
}

/* A binary operand the str operators don't take: defer to a script class's reflected
 * method if it has one, else raise CPython's sequence message. */
static bool defer_to_reflected(VM *vm, Value other, const char *rname) {
    if (!v_is_obj(other)) return false;
    Type *t = type_of(vm, other);
    return (t->flags & TF_HEAPTYPE) && type_lookup(vm, t, str_intern_cstr(vm, rname));
}

static Value s_add(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__add__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    SELF_CHECK("__add__");
    Value o = args[1];
    if (v_is_obj(o) && isinst(vm, o, vm->t_str)) return str_concat(vm, args[0], o);
    if (defer_to_reflected(vm, o, "__radd__")) return vm->notimpl;
    return vm_raise(vm, vm->e_TypeError, "can only concatenate str (not \"%s\") to str",
                    type_name(vm, o));
}

Value str_repeat(VM *vm, Value sv, int64_t n) {
    Str *s = as_str(sv);
    if (n <= 0 || s->len == 0) return vm->empty_str;
    if (n == 1 && s->head.type == vm->t_str) return sv;
    if (s->len > INT64_MAX / n) return vm_raise(vm, vm->e_OverflowError, "repeated string is too long");
    Str *r = str_alloc(vm, vm->t_str, (size_t)(s->len * n));
    if (!r) return VNULL;
    if (s->len == 1) memset(r->data, s->data[0], (size_t)n);
    else {
        /* Double the copied prefix each round. */
        memcpy(r->data, s->data, (size_t)s->len);
        int64_t done = s->len, total = s->len * n;
        while (done < total) {
            int64_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)k);
            done += k;
        }
    }
    return str_seal(r, s->cplen * n);
}

static Value mul_impl(VM *vm, Value s, Value o, const char *rname) {
    if (v_is_int(o)) return str_repeat(vm, s, v_int(o));
    if (int_check(vm, o) || type_lookup(vm, type_of(vm, o), vm->s___index__)) {
        int64_t n;
        if (vm_index(vm, o, &n) < 0) {
            if (vm_exc_is(vm, vm->e_OverflowError)) {
                vm_clear_exc(vm);
                return vm_raise(vm, vm->e_OverflowError, "cannot fit '%s' into an index-sized integer",
                                type_name(vm, o));
            }
            return VNULL;
        }
        return str_repeat(vm, s, n);
    }
    if (rname && defer_to_reflected(vm, o, rname)) return vm->notimpl;
    return vm_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'",
                    type_name(vm, o));
}

static Value s_mul(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__mul__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    SELF_CHECK("__mul__");
    return mul_impl(vm, args[0], args[1], "__rmul__");
}

static Value s_rmul(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__rmul__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    SELF_CHECK("__rmul__");
    return mul_impl(vm, args[0], args[1], NULL);
}

int str_compare(Str *a, Str *b) {
    int64_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, (size_t)n);
    if (c) return c < 0 ? -1 : 1;
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

static Value cmp_impl(VM *vm, Value *args, int nargs, Value kw, const char *name, int op) {
    if (str_args(vm, "str", name, SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    SELF_CHECK(name);
    Value o = args[1];
    if (!v_is_obj(o) || !isinst(vm, o, vm->t_str)) return vm->notimpl;
    Str *a = as_str(args[0]), *b = as_str(o);
    if (op == 0) return vm_bool(vm, str_eq(a, b));
    if (op == 1) return vm_bool(vm, !str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case 2: return vm_bool(vm, c < 0);
    case 3: return vm_bool(vm, c <= 0);
    case 4: return vm_bool(vm, c > 0);
    default: return vm_bool(vm, c >= 0);
    }
}

static Value s_eq(VM *vm, Value *a, int n, Value kw) { return cmp_impl(vm, a, n, kw, "__eq__", 0); }
static Value s_ne(VM *vm, Value *a, int n, Value kw) { return cmp_impl(vm, a, n, kw, "__ne__", 1); }
static Value s_lt(VM *vm, Value *a, int n, Value kw) { return cmp_impl(vm, a, n, kw, "__lt__", 2); }
static Value s_le(VM *vm, Value *a, int n, Value kw) { return cmp_impl(vm, a, n, kw, "__le__", 3); }
static Value s_gt(VM *vm, Value *a, int n, Value kw) { return cmp_impl(vm, a, n, kw, "__gt__", 4); }
static Value s_ge(VM *vm, Value *a, int n, Value kw) { return cmp_impl(vm, a, n, kw, "__ge__", 5); }

static Value s_hash(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__hash__", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    SELF_CHECK("__hash__");
    return int_from_i64(vm, str_hash(as_str(args[0])));
}

static Value s_repr(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__repr__", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    SELF_CHECK("__repr__");
    return str_repr(vm, args[0]);
}

/* str(s) of a subclass instance gives an exact str with the same text. */
static Value s_str(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__str__", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    SELF_CHECK("__str__");
    Str *s = as_str(args[0]);
    if (s->head.type == vm->t_str) return args[0];
    return str_new_cp(vm, s->data, (size_t)s->len, s->cplen);
}

static Value s_getnewargs(VM *vm, Value *args, int nargs, Value kw) {
    SELF_CHECK("__getnewargs__");
    Str *s = as_str(args[0]);
    Value c = str_new_cp(vm, s->data, (size_t)s->len, s->cplen);
    CHECK(c);
    return tuple_pack(vm, 1, c);
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict') */
static Value s_new(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    Value a[3] = {0, 0, 0};
    Type *cls = (Type *)args[0];
    if (vm_parse_args(vm, "str", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    for (int i = 1; i < 3; i++)
        if (a[i] && (!v_is_obj(a[i]) || !isinst(vm, a[i], vm->t_str)))
            return vm_raise(vm, vm->e_TypeError, "str() argument '%s' must be str, not %s",
                            names[i], type_name(vm, a[i]));
    Value r;
    if (!a[1] && !a[2]) {
        r = a[0] ? vm_str(vm, a[0]) : vm->empty_str;
    } else {
        const uint8_t *data;
        int64_t n;
        Value o = a[0] ? a[0] : vm->empty_str;
        if (v_is_obj(o) && isinst(vm, o, vm->t_str))
            return vm_raise(vm, vm->e_TypeError, "decoding str is not supported");
        if (!bytes_view(vm, o, &data, &n))
            return vm_raise(vm, vm->e_TypeError, "decoding to str: need a bytes-like object, %s found",
                            type_name(vm, o));
        r = bytes_decode(vm, data, n, a[1], a[2]);
    }
    CHECK(r);
    if (cls == vm->t_str) return r;
    Str *src = as_str(r);
    Str *s = str_alloc(vm, cls, (size_t)src->len);
    if (!s) return VNULL;
    memcpy(s->data, src->data, (size_t)src->len);
    return str_seal(s, src->cplen);
}

/* --------------------------------------------------------------- iterator */

typedef struct { Obj head; Value s; int64_t pos; } StrIter;

static void striter_trace(GC *gc, Obj *o) { gc_mark(gc, ((StrIter *)o)->s); }

Value str_iter_new(VM *vm, Value s) {
    StrIter *it = gc_alloc(vm, as_str(s)->len == as_str(s)->cplen ? vm->t_str_ascii_iterator : vm->t_str_iterator, sizeof(StrIter));
    if (!it) return VNULL;
    it->s = s;
    return v_from_obj(it);
}

/* The next one-character str, or VNULL without an exception when exhausted. */
Value str_iter_next(VM *vm, Value itv) {
    StrIter *it = (StrIter *)itv;
    if (!it->s) return VNULL;
    Str *s = as_str(it->s);
    if (it->pos >= s->len) { it->s = VNULL; return VNULL; }
    uint8_t c = (uint8_t)s->data[it->pos];
    if (c < 0x80) { it->pos++; return vm->small_strs[c]; }
    int n;
    utf8_decode(s->data + it->pos, &n);
    Value r = str_new_cp(vm, s->data + it->pos, (size_t)n, 1);
    it->pos += n;
    return r;
}

static Value s_iter(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__iter__", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    SELF_CHECK("__iter__");
    return str_iter_new(vm, args[0]);
}

/* The Python-level __next__ raises StopIteration; str_iter_next is the C fast path. */
static Value si_next(VM *vm, Value *args, int nargs, Value kw) {
    Value r = str_iter_next(vm, args[0]);
    if (r || vm->exc) return r;
    Value e = exc_new(vm, vm->e_StopIteration, NULL, 0);
    CHECK(e);
    return vm_raise_value(vm, e);
}

static Value si_iter(VM *vm, Value *args, int nargs, Value kw) { return args[0]; }

static Value si_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    StrIter *it = (StrIter *)args[0];
    if (!it->s) return v_from_int(0);
    Str *s = as_str(it->s);
    return v_from_int(utf8_cplen(s->data + it->pos, (size_t)(s->len - it->pos)));
}

/* ------------------------------------------------------------------- init */

void str_init(VM *vm) {
    /* Singletons first: everything else (including interning) may use them. */
    Str *e = str_alloc(vm, vm->t_str, 0);
    vm->empty_str = str_seal(e, 0);
    for (int c = 0; c < 128; c++) {
        Str *s = str_alloc(vm, vm->t_str, 1);
        s->data[0] = (char)c;
        vm->small_strs[c] = str_seal(s, 1);
    }
    Type *t = vm->t_str;
    t->flags |= TF_BASETYPE;
    type_add_static(vm, t, "__new__", s_new);
    type_add_method(vm, t, "__len__", s_len);
    type_add_method(vm, t, "__getitem__", s_getitem);
    type_add_method(vm, t, "__contains__", s_contains);
    type_add_method(vm, t, "__iter__", s_iter);
    type_add_method(vm, t, "__add__", s_add);
    type_add_method(vm, t, "__mul__", s_mul);
    type_add_method(vm, t, "__rmul__", s_rmul);
    type_add_method(vm, t, "__eq__", s_eq);
    type_add_method(vm, t, "__ne__", s_ne);
    type_add_method(vm, t, "__lt__", s_lt);
    type_add_method(vm, t, "__le__", s_le);
    type_add_method(vm, t, "__gt__", s_gt);
    type_add_method(vm, t, "__ge__", s_ge);
    type_add_method(vm, t, "__hash__", s_hash);
    type_add_method(vm, t, "__repr__", s_repr);
    type_add_method(vm, t, "__str__", s_str);
    type_add_method(vm, t, "__getnewargs__", s_getnewargs);
    str_methods_init(vm);
    str_format_init(vm);

    if (!vm->t_str_iterator)
        vm->t_str_iterator = type_new_builtin(vm, "str_iterator", vm->t_object,
                                              sizeof(StrIter), 0);
    vm->t_str_iterator->trace = striter_trace;
    type_add_method(vm, vm->t_str_iterator, "__next__", si_next);
    type_add_method(vm, vm->t_str_iterator, "__iter__", si_iter);
    type_add_method(vm, vm->t_str_iterator, "__length_hint__", si_length_hint);
    Type *ai = vm->t_str_ascii_iterator = type_new_builtin(vm, "str_ascii_iterator", vm->t_object, sizeof(StrIter), 0);
    ai->trace = striter_trace;
    type_add_method(vm, ai, "__next__", si_next);
    type_add_method(vm, ai, "__iter__", si_iter);
    type_add_method(vm, ai, "__length_hint__", si_length_hint);
}
