/* bytes.c — the bytes and bytearray types (one set of methods serves both: a method
 * returns the receiver's kind), their iterator, and the codecs str.encode / bytes.decode
 * use: utf-8, ascii and latin-1 with the strict / ignore / replace / backslashreplace
 * error handlers, raising CPython's exact UnicodeDecodeError / UnicodeEncodeError text.
 *
 * A bytes object keeps its data inline after the instance (Bytes.data points there), so
 * it needs no finalizer; a bytearray's buffer is malloc'd and freed by its finalizer. */
#define _GNU_SOURCE
#include "vm/strobj.h"
#include <string.h>
#include <stdio.h>

/* --------------------------------------------------------------- objects */

static Bytes *bytes_alloc(VM *vm, Type *cls, int64_t n) {
    if (n < 0 || n > ((int64_t)1 << 40)) { vm_nomem(vm); return NULL; }
    size_t base = cls->size > sizeof(Bytes) ? cls->size : sizeof(Bytes);
    base = (base + 7) & ~(size_t)7;
    Bytes *b = gc_alloc(vm, cls, base + (size_t)n + 1 + var_dict_extra(cls));
    if (!b) return NULL;
    b->n = n;
    b->data = (uint8_t *)b + base;
    return b;
}

Value bytes_new(VM *vm, const uint8_t *data, int64_t n) {
    Bytes *b = bytes_alloc(vm, vm->t_bytes, n);
    if (!b) return VNULL;
    if (n) memcpy(b->data, data, (size_t)n);
    return v_from_obj(b);
}

static int ba_reserve(VM *vm, ByteArray *a, int64_t need) {
    if (need <= a->cap) return 0;
    int64_t nc = a->cap ? a->cap * 2 : 16;
    while (nc < need) nc *= 2;
    uint8_t *nd = realloc(a->data, (size_t)nc + 1);
    if (!nd) { vm_nomem(vm); return -1; }
    a->data = nd;
    a->cap = nc;
    return 0;
}

static Value bytearray_new(VM *vm, Type *cls, const uint8_t *data, int64_t n) {
    ByteArray *a = gc_alloc(vm, cls, cls->size > sizeof(ByteArray) ? cls->size : sizeof(ByteArray));
    if (!a) return VNULL;
    if (ba_reserve(vm, a, n) < 0) return VNULL;
    if (n) memcpy(a->data, data, (size_t)n);
    a->n = n;
    return v_from_obj(a);
}

static void ba_finalize(Obj *o) { free(((ByteArray *)o)->data); ((ByteArray *)o)->data = NULL; }

static bool is_ba(VM *vm, Value v) { return v_is_obj(v) && isinst(vm, v, vm->t_bytearray); }

bool bytes_view(VM *vm, Value v, const uint8_t **data, int64_t *n) {
    if (!v_is_obj(v)) return false;
    if (isinst(vm, v, vm->t_bytes)) { *data = ((Bytes *)v)->data; *n = ((Bytes *)v)->n; return true; }
    if (isinst(vm, v, vm->t_bytearray)) {
        static const uint8_t empty[1] = {0};
        ByteArray *a = (ByteArray *)v;
        *data = a->data ? a->data : empty;
        *n = a->n;
        return true;
    }
    return false;
}

/* A result of the same kind as `like` (bytearray methods return bytearrays). */
static Value make_like(VM *vm, Value like, const uint8_t *d, int64_t n) {
    return is_ba(vm, like) ? bytearray_new(vm, vm->t_bytearray, d, n) : bytes_new(vm, d, n);
}

static const char *kind_name(VM *vm, Value v) { return is_ba(vm, v) ? "bytearray" : "bytes"; }

/* ---------------------------------------------------------------- codecs */

int codec_lookup(VM *vm, Value encoding) {
    if (!encoding) return 0;
    char buf[32];
    Str *s = as_str(encoding);
    if (s->len >= (int64_t)sizeof buf) goto unknown;
    for (int64_t i = 0; i <= s->len; i++) {
        char c = s->data[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    static const char *const names[3][8] = {
        {"utf-8", "utf8", "u8", "utf", "cp65001", NULL},
        {"ascii", "us-ascii", "646", "us", NULL},
        {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "latin", "8859", "cp819"},
    };
    for (int k = 0; k < 3; k++)
        for (int j = 0; j < 8 && names[k][j]; j++)
            if (strcmp(buf, names[k][j]) == 0) return k;
unknown:
    vm_raise(vm, vm->e_LookupError, "unknown encoding: %s", s->data);
    return -1;
}

static const char *const codec_names[3] = {"utf-8", "ascii", "latin-1"};

enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_UNKNOWN };

static int err_handler(Value errors) {
    if (!errors) return EH_STRICT;
    const char *e = str_cstr(errors);
    if (!strcmp(e, "strict")) return EH_STRICT;
    if (!strcmp(e, "ignore")) return EH_IGNORE;
    if (!strcmp(e, "replace")) return EH_REPLACE;
    if (!strcmp(e, "backslashreplace")) return EH_BACKSLASH;
    return EH_UNKNOWN;
}

/* Length of the valid UTF-8 sequence at p[0..n), or -(bytes in the invalid prefix) with
 * *why set to CPython's reason. */
static int utf8_step(const uint8_t *p, int64_t n, const char **why) {
    uint8_t c = p[0];
    if (c < 0x80) return 1;
    int k;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) k = 1;
    else if (c >= 0xE0 && c <= 0xEF) { k = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { k = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else { *why = "invalid start byte"; return -1; }
    for (int j = 1; j <= k; j++) {
        if (j >= n) { *why = "unexpected end of data"; return -(int)n; }
        uint8_t d = p[j];
        if (d < lo || d > hi) { *why = "invalid continuation byte"; return -j; }
        lo = 0x80; hi = 0xBF;
    }
    return k + 1;
}

static Value decode_error(VM *vm, const char *codec, const uint8_t *d, int64_t start, int64_t end,
                          const char *why) {
    if (end - start == 1)
        return vm_raise(vm, vm->e_UnicodeDecodeError,
                        "'%s' codec can't decode byte 0x%02x in position %lld: %s", codec,
                        d[start], (long long)start, why);
    return vm_raise(vm, vm->e_UnicodeDecodeError,
                    "'%s' codec can't decode bytes in position %lld-%lld: %s", codec,
                    (long long)start, (long long)(end - 1), why);
}

/* An undecodable range under a non-strict handler; -1 if the handler is strict/unknown. */
static int decode_handle(VM *vm, int eh, Value errors, const char *codec, const uint8_t *d,
                         int64_t start, int64_t end, const char *why, StrBuf *out) {
    switch (eh) {
    case EH_IGNORE: return 0;
    case EH_REPLACE: sb_adds(out, "\xEF\xBF\xBD"); return 0;
    case EH_BACKSLASH:
        for (int64_t i = start; i < end; i++) sb_printf(out, "\\x%02x", d[i]);
        return 0;
    case EH_UNKNOWN:
        vm_raise(vm, vm->e_LookupError, "unknown error handler name '%s'", str_cstr(errors));
        return -1;
    default:
        decode_error(vm, codec, d, start, end, why);
        return -1;
    }
}

Value bytes_decode(VM *vm, const uint8_t *d, int64_t n, Value encoding, Value errors) {
    int codec = codec_lookup(vm, encoding);
    if (codec < 0) return VNULL;
    int eh = err_handler(errors);
    StrBuf out;
    sb_init(&out);
    int64_t i = 0;
    if (codec == 0 && utf8_valid((const char *)d, (size_t)n)) return str_new(vm, (const char *)d, (size_t)n);
    while (i < n) {
        if (codec == 2 || d[i] < 0x80) {
            char t[4];
            sb_add(&out, t, (size_t)utf8_encode(d[i], t));
            i++;
            continue;
        }
        if (codec == 1) {
            if (decode_handle(vm, eh, errors, "ascii", d, i, i + 1, "ordinal not in range(128)", &out) < 0)
                goto fail;
            i++;
            continue;
        }
        const char *why = "";
        int k = utf8_step(d + i, n - i, &why);
        if (k > 0) { sb_add(&out, (const char *)d + i, (size_t)k); i += k; continue; }
        if (decode_handle(vm, eh, errors, "utf-8", d, i, i - k, why, &out) < 0) goto fail;
        i -= k;
    }
    return str_from_sb(vm, &out);
fail:
    sb_free(&out);
    return VNULL;
}

Value str_encode_to_bytes(VM *vm, Value sv, Value encoding, Value errors) {
    int codec = codec_lookup(vm, encoding);
    if (codec < 0) return VNULL;
    Str *s = as_str(sv);
    if (codec == 0 || s->len == s->cplen)
        return bytes_new(vm, (const uint8_t *)s->data, s->len);
    uint32_t limit = codec == 1 ? 128 : 256;
    int eh = err_handler(errors);
    StrBuf out;
    sb_init(&out);
    for (int64_t i = 0, k = 0; i < s->len; k++) {
        int n;
        uint32_t c = utf8_decode(s->data + i, &n);
        if (c < limit) { sb_addc(&out, (char)c); i += n; continue; }
        if (eh == EH_STRICT || eh == EH_UNKNOWN) {
            /* CPython reports the whole run of unencodable characters */
            int64_t end = k + 1, j = i + n;
            while (j < s->len) {
                int m;
                if (utf8_decode(s->data + j, &m) < limit) break;
                j += m; end++;
            }
            sb_free(&out);
            if (eh == EH_UNKNOWN)
                return vm_raise(vm, vm->e_LookupError, "unknown error handler name '%s'", str_cstr(errors));
            StrBuf ch;
            sb_init(&ch);
            str_repr_cp(&ch, c, 0, true);
            Value r;
            if (end - k == 1)
                r = vm_raise(vm, vm->e_UnicodeEncodeError,
                             "'%s' codec can't encode character '%s' in position %lld: ordinal not in range(%u)",
                             codec_names[codec], ch.data, (long long)k, limit);
            else
                r = vm_raise(vm, vm->e_UnicodeEncodeError,
                             "'%s' codec can't encode characters in position %lld-%lld: ordinal not in range(%u)",
                             codec_names[codec], (long long)k, (long long)(end - 1), limit);
            sb_free(&ch);
            return r;
        }
        if (eh == EH_REPLACE) sb_addc(&out, '?');
        else if (eh == EH_BACKSLASH) {
            if (c < 0x100) sb_printf(&out, "\\x%02x", c);
            else if (c < 0x10000) sb_printf(&out, "\\u%04x", c);
            else sb_printf(&out, "\\U%08x", c);
        }
        i += n;
    }
    Value r = bytes_new(vm, (const uint8_t *)(out.data ? out.data : ""), (int64_t)out.len);
    sb_free(&out);
    return r;
}

/* ------------------------------------------------------------ repr, misc */

static void bytes_repr_body(StrBuf *b, const uint8_t *d, int64_t n) {
    bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
    sb_addc(b, 'b');
    sb_addc(b, q);
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == q || c == '\\') { sb_addc(b, '\\'); sb_addc(b, (char)c); }
        else if (c == '\t') sb_adds(b, "\\t");
        else if (c == '\n') sb_adds(b, "\\n");
        else if (c == '\r') sb_adds(b, "\\r");
        else if (c < 0x20 || c >= 0x7F) sb_printf(b, "\\x%02x", c);
        else sb_addc(b, (char)c);
    }
    sb_addc(b, q);
}

#define VIEW(v, d, n) const uint8_t *d; int64_t n; bytes_view(vm, v, &d, &n)
#define SELF_ARGS(name, style, min, max) \
    do { if (str_args(vm, kind_name(vm, args[0]), name, style, nargs - 1, kw, min, max) < 0) return VNULL; } while (0)

static Value b_repr(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], d, n);
    StrBuf b;
    sb_init(&b);
    if (is_ba(vm, args[0])) {
        sb_printf(&b, "%s(", type_of(vm, args[0])->name);
        bytes_repr_body(&b, d, n);
        sb_addc(&b, ')');
    } else
        bytes_repr_body(&b, d, n);
    return str_from_sb(vm, &b);
}

static Value b_len(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], d, n);
    (void)d;
    return v_from_int(n);
}

static Value b_hash(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], d, n);
    /* same function as str's, over a temporary header-less copy */
    Str *tmp = malloc(sizeof(Str) + (size_t)n + 1);
    if (!tmp) return vm_nomem(vm);
    memset(tmp, 0, sizeof(Str));
    tmp->len = n;
    memcpy(tmp->data, d, (size_t)n);
    int64_t h = str_hash(tmp);
    free(tmp);
    return int_from_i64(vm, h);
}

static int byte_value_msg(VM *vm, Value v, int *out, const char *range_msg) {
    if (!v_is_int(v) && !int_check(vm, v) && !type_lookup(vm, type_of(vm, v), vm->s___index__)) {
        vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, v));
        return -1;
    }
    int64_t k;
    if (vm_index(vm, v, &k) < 0) {
        if (!vm_exc_is(vm, vm->e_OverflowError)) return -1;
        vm_clear_exc(vm);
        k = -1;
    }
    if (k < 0 || k > 255) { vm_raise(vm, vm->e_ValueError, "%s", range_msg); return -1; }
    *out = (int)k;
    return 0;
}

static int byte_value(VM *vm, Value v, int *out) {
    return byte_value_msg(vm, v, out, "byte must be in range(0, 256)");
}

static Value b_getitem(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], d, n);
    Value key = args[1];
    const char *kn = kind_name(vm, args[0]);
    if (v_is_obj(key) && isinst(vm, key, vm->t_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return VNULL;
        if (step == 1) return make_like(vm, args[0], d + start, len > 0 ? len : 0);
        uint8_t *tmp = malloc((size_t)(len > 0 ? len : 1));
        if (!tmp) return vm_nomem(vm);
        for (int64_t i = 0, k = start; i < len; i++, k += step) tmp[i] = d[k];
        Value r = make_like(vm, args[0], tmp, len > 0 ? len : 0);
        free(tmp);
        return r;
    }
    if (!v_is_int(key) && !int_check(vm, key) && !type_lookup(vm, type_of(vm, key), vm->s___index__))
        return vm_raise(vm, vm->e_TypeError, "%s indices must be integers or slices, not %s",
                        strcmp(kn, "bytes") ? kn : "byte", type_name(vm, key));
    int64_t i;
    if (vm_index(vm, key, &i) < 0) return VNULL;
    if (i < 0) i += n;
    if (i < 0 || i >= n)
        return vm_raise(vm, vm->e_IndexError, "%s", is_ba(vm, args[0]) ? "bytearray index out of range"
                                                                       : "index out of range");
    return v_from_int(d[i]);
}

static Value b_add(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], a, an);
    const uint8_t *b;
    int64_t bn;
    if (!bytes_view(vm, args[1], &b, &bn))
        return vm_raise(vm, vm->e_TypeError, "can't concat %s to %s", type_name(vm, args[1]),
                        type_name(vm, args[0]));
    uint8_t *tmp = malloc((size_t)(an + bn + 1));
    if (!tmp) return vm_nomem(vm);
    memcpy(tmp, a, (size_t)an);
    memcpy(tmp + an, b, (size_t)bn);
    Value r = make_like(vm, args[0], tmp, an + bn);
    free(tmp);
    return r;
}

static Value b_mul(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], d, n);
    Value o = args[1];
    if (!v_is_int(o) && !int_check(vm, o) && !type_lookup(vm, type_of(vm, o), vm->s___index__))
        return vm_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'",
                        type_name(vm, o));
    int64_t k;
    if (vm_index(vm, o, &k) < 0) return VNULL;
    if (k < 0) k = 0;
    if (n && k > ((int64_t)1 << 40) / n) return vm_nomem(vm);
    uint8_t *tmp = malloc((size_t)(n * k + 1));
    if (!tmp) return vm_nomem(vm);
    for (int64_t i = 0; i < k; i++) memcpy(tmp + i * n, d, (size_t)n);
    Value r = make_like(vm, args[0], tmp, n * k);
    free(tmp);
    return r;
}

static Value b_cmp(VM *vm, Value *args, int op) {
    VIEW(args[0], a, an);
    const uint8_t *b;
    int64_t bn;
    if (!bytes_view(vm, args[1], &b, &bn)) return vm->notimpl;
    int64_t m = an < bn ? an : bn;
    int c = memcmp(a, b, (size_t)m);
    if (!c) c = an < bn ? -1 : an > bn ? 1 : 0;
    switch (op) {
    case 0: return vm_bool(vm, c == 0);
    case 1: return vm_bool(vm, c != 0);
    case 2: return vm_bool(vm, c < 0);
    case 3: return vm_bool(vm, c <= 0);
    case 4: return vm_bool(vm, c > 0);
    default: return vm_bool(vm, c >= 0);
    }
}
static Value b_eq(VM *vm, Value *a, int n, Value kw) { return b_cmp(vm, a, 0); }
static Value b_ne(VM *vm, Value *a, int n, Value kw) { return b_cmp(vm, a, 1); }
static Value b_lt(VM *vm, Value *a, int n, Value kw) { return b_cmp(vm, a, 2); }
static Value b_le(VM *vm, Value *a, int n, Value kw) { return b_cmp(vm, a, 3); }
static Value b_gt(VM *vm, Value *a, int n, Value kw) { return b_cmp(vm, a, 4); }
static Value b_ge(VM *vm, Value *a, int n, Value kw) { return b_cmp(vm, a, 5); }

/* A needle argument: an int byte or a bytes-like object (into buf / *p, *pn). */
static int needle(VM *vm, Value v, uint8_t *buf, const uint8_t **p, int64_t *pn) {
    if (bytes_view(vm, v, p, pn)) return 0;
    if (v_is_int(v) || int_check(vm, v)) {
        int k;
        if (byte_value(vm, v, &k) < 0) return -1;
        buf[0] = (uint8_t)k;
        *p = buf;
        *pn = 1;
        return 0;
    }
    vm_raise(vm, vm->e_TypeError, "argument should be integer or bytes-like object, not '%s'",
             type_name(vm, v));
    return -1;
}

static Value b_contains(VM *vm, Value *args, int nargs, Value kw) {
    VIEW(args[0], d, n);
    uint8_t buf[1];
    const uint8_t *p;
    int64_t pn;
    if (!bytes_view(vm, args[1], &p, &pn) && !v_is_int(args[1]) && !int_check(vm, args[1]))
        return vm_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'",
                        type_name(vm, args[1]));
    if (needle(vm, args[1], buf, &p, &pn) < 0) return VNULL;
    if (pn == 0) return vm->true_;
    return vm_bool(vm, memmem(d, (size_t)n, p, (size_t)pn) != NULL);
}

/* ---------------------------------------------------------------- iterator */

typedef struct { Obj head; Value b; int64_t pos; } BytesIter;

static void biter_trace(GC *gc, Obj *o) { gc_mark(gc, ((BytesIter *)o)->b); }

static Value b_iter(VM *vm, Value *args, int nargs, Value kw) {
    BytesIter *it = gc_alloc(vm, vm->t_bytes_iterator, sizeof(BytesIter));
    if (!it) return VNULL;
    it->b = args[0];
    return v_from_obj(it);
}

static Value bi_next(VM *vm, Value *args, int nargs, Value kw) {
    BytesIter *it = (BytesIter *)args[0];
    if (it->b) {
        VIEW(it->b, d, n);
        if (it->pos < n) return v_from_int(d[it->pos++]);
        it->b = VNULL;
    }
    Value e = exc_new(vm, vm->e_StopIteration, NULL, 0);
    CHECK(e);
    return vm_raise_value(vm, e);
}

static Value bi_iter(VM *vm, Value *args, int nargs, Value kw) { return args[0]; }

/* ------------------------------------------------------------ construction */

/* Fills buf from bytes(source, encoding, errors)'s arguments. */
static int collect_source(VM *vm, Value src, Value enc, Value errs, StrBuf *buf, bool for_bytes) {
    if (src && v_is_obj(src) && isinst(vm, src, vm->t_str)) {
        if (!enc) { vm_raise(vm, vm->e_TypeError, "string argument without an encoding"); return -1; }
        Value b = str_encode_to_bytes(vm, src, enc, errs);
        if (!b) return -1;
        sb_add(buf, (const char *)((Bytes *)b)->data, (size_t)((Bytes *)b)->n);
        return 0;
    }
    if (enc || errs) {
        vm_raise(vm, vm->e_TypeError, enc ? "encoding without a string argument"
                                          : "errors without a string argument");
        return -1;
    }
    if (!src) return 0;
    const uint8_t *d;
    int64_t n;
    if (bytes_view(vm, src, &d, &n)) { sb_add(buf, (const char *)d, (size_t)n); return 0; }
    if (v_is_int(src) || int_check(vm, src)) {
        int64_t k;
        if (vm_index(vm, src, &k) < 0) return -1;
        if (k < 0) { vm_raise(vm, vm->e_ValueError, "negative count"); return -1; }
        sb_reserve(buf, (size_t)k);
        sb_fill(buf, 0, (size_t)k);
        return 0;
    }
    Value it = vm_iter(vm, src);
    if (!it) {
        if (vm_exc_is(vm, vm->e_TypeError)) {
            vm_clear_exc(vm);
            vm_raise(vm, vm->e_TypeError, "cannot convert '%s' object to bytes", type_name(vm, src));
        }
        return -1;
    }
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) return vm->exc ? -1 : 0;
        int k;
        if (byte_value_msg(vm, x, &k, for_bytes ? "bytes must be in range(0, 256)"
                                                : "byte must be in range(0, 256)") < 0) return -1;
        sb_addc(buf, (char)k);
    }
}

static Value b_new(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    Value a[3] = {0, 0, 0};
    Type *cls = (Type *)args[0];
    if (vm_parse_args(vm, "bytes", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    for (int i = 1; i < 3; i++)
        if (a[i] && (!v_is_obj(a[i]) || !isinst(vm, a[i], vm->t_str)))
            return vm_raise(vm, vm->e_TypeError, "bytes() argument '%s' must be str, not %s",
                            names[i], type_name(vm, a[i]));
    if (a[0] && !a[1] && !a[2] && !v_is_int(a[0]) && !isinst(vm, a[0], vm->t_str)) {
        Value f = type_lookup(vm, type_of(vm, a[0]), str_intern_cstr(vm, "__bytes__"));
        if (f) {
            Value r = vm_call_method(vm, a[0], str_intern_cstr(vm, "__bytes__"), NULL, 0);
            CHECK(r);
            if (!v_is_obj(r) || !isinst(vm, r, vm->t_bytes))
                return vm_raise(vm, vm->e_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(vm, r));
            if (cls == vm->t_bytes) return r;
            a[0] = r;
        }
    }
    StrBuf buf;
    sb_init(&buf);
    if (collect_source(vm, a[0], a[1], a[2], &buf, true) < 0) { sb_free(&buf); return VNULL; }
    Bytes *b = bytes_alloc(vm, cls, (int64_t)buf.len);
    if (b && buf.len) memcpy(b->data, buf.data, buf.len);
    sb_free(&buf);
    return b ? v_from_obj(b) : VNULL;
}

static Value ba_new(VM *vm, Value *args, int nargs, Value kw) {
    return bytearray_new(vm, (Type *)args[0], NULL, 0);
}

static Value ba_init(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    Value a[3] = {0, 0, 0};
    if (vm_parse_args(vm, "bytearray", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    StrBuf buf;
    sb_init(&buf);
    if (collect_source(vm, a[0], a[1], a[2], &buf, false) < 0) { sb_free(&buf); return VNULL; }
    ByteArray *ba = (ByteArray *)args[0];
    if (ba_reserve(vm, ba, (int64_t)buf.len) < 0) { sb_free(&buf); return VNULL; }
    if (buf.len) memcpy(ba->data, buf.data, buf.len);
    ba->n = (int64_t)buf.len;
    sb_free(&buf);
    return vm->none;
}

/* ---------------------------------------------------------------- methods */

static Value b_decode(VM *vm, Value *args, int nargs, Value kw) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value a[2] = {0, 0};
    if (vm_parse_args(vm, "decode", args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && (!v_is_obj(a[i]) || !isinst(vm, a[i], vm->t_str)))
            return vm_raise(vm, vm->e_TypeError, "decode() argument '%s' must be str, not %s",
                            names[i], type_name(vm, a[i]));
    VIEW(args[0], d, n);
    return bytes_decode(vm, d, n, a[0], a[1]);
}

static Value b_hex(VM *vm, Value *args, int nargs, Value kw) {
    SELF_ARGS("hex", SA_CLINIC, 0, 0);
    VIEW(args[0], d, n);
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < n; i++) sb_printf(&b, "%02x", d[i]);
    return str_from_sb(vm, &b);
}

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 32) >= 'a' && (c | 32) <= 'f') return (c | 32) - 'a' + 10;
    return -1;
}

static Value b_fromhex(VM *vm, Value *args, int nargs, Value kw) {
    /* classmethod: args[0] is the class */
    if (str_args(vm, "bytes", "fromhex", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    if (!v_is_obj(args[1]) || !isinst(vm, args[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "fromhex() argument must be str, not %s", type_name(vm, args[1]));
    Str *s = as_str(args[1]);
    StrBuf b;
    sb_init(&b);
    const uint8_t *p = (const uint8_t *)s->data;
    for (int64_t i = 0; i < s->len;) {
        if (p[i] == ' ' || (p[i] >= 9 && p[i] <= 13)) { i++; continue; }
        int hi = hexval(p[i]), lo = i + 1 < s->len ? hexval(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            sb_free(&b);
            int64_t pos = utf8_cplen(s->data, (size_t)(hi < 0 ? i : i + 1));
            return vm_raise(vm, vm->e_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                            (long long)pos);
        }
        sb_addc(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    Type *cls = (Type *)args[0];
    Value r = (v_is_obj(args[0]) && type_is_subtype(cls, vm->t_bytearray)) || cls == vm->t_bytearray
                  ? bytearray_new(vm, vm->t_bytearray, (const uint8_t *)b.data, (int64_t)b.len)
                  : bytes_new(vm, (const uint8_t *)(b.data ? b.data : ""), (int64_t)b.len);
    sb_free(&b);
    return r;
}

static int range_args(VM *vm, Value *args, int nargs, int64_t n, int64_t *s, int64_t *e) {
    *s = 0; *e = n;
    for (int k = 0; k < 2; k++) {
        Value v = nargs > 2 + k ? args[2 + k] : VNULL;
        if (!v || v == vm->none) continue;
        int64_t x;
        if (vm_index(vm, v, &x) < 0) return -1;
        if (k == 0) *s = x; else *e = x;
    }
    if (*e > n) *e = n;
    else if (*e < 0) { *e += n; if (*e < 0) *e = 0; }
    if (*s < 0) { *s += n; if (*s < 0) *s = 0; }
    return 0;
}

static int64_t bfind(const uint8_t *d, int64_t s, int64_t e, const uint8_t *p, int64_t pn, bool rev) {
    if (s > e || e - s < pn) return -1;
    if (!rev) {
        const uint8_t *r = pn ? memmem(d + s, (size_t)(e - s), p, (size_t)pn) : d + s;
        return r ? r - d : -1;
    }
    for (int64_t i = e - pn; i >= s; i--)
        if (memcmp(d + i, p, (size_t)pn) == 0) return i;
    return -1;
}

static Value find_common(VM *vm, Value *args, int nargs, Value kw, const char *name, bool rev, bool raise) {
    SELF_ARGS(name, SA_OLD, 1, 3);
    VIEW(args[0], d, n);
    uint8_t buf[1];
    const uint8_t *p;
    int64_t pn, s, e;
    if (needle(vm, args[1], buf, &p, &pn) < 0 || range_args(vm, args, nargs, n, &s, &e) < 0) return VNULL;
    int64_t r = bfind(d, s, e, p, pn, rev);
    if (r < 0 && raise) return vm_raise(vm, vm->e_ValueError, "subsection not found");
    return v_from_int(r);
}

static Value b_find(VM *vm, Value *a, int n, Value kw) { return find_common(vm, a, n, kw, "find", false, false); }
static Value b_rfind(VM *vm, Value *a, int n, Value kw) { return find_common(vm, a, n, kw, "rfind", true, false); }
static Value b_index(VM *vm, Value *a, int n, Value kw) { return find_common(vm, a, n, kw, "index", false, true); }
static Value b_rindex(VM *vm, Value *a, int n, Value kw) { return find_common(vm, a, n, kw, "rindex", true, true); }

static Value b_count(VM *vm, Value *args, int nargs, Value kw) {
    SELF_ARGS("count", SA_OLD, 1, 3);
    VIEW(args[0], d, n);
    uint8_t buf[1];
    const uint8_t *p;
    int64_t pn, s, e, c = 0;
    if (needle(vm, args[1], buf, &p, &pn) < 0 || range_args(vm, args, nargs, n, &s, &e) < 0) return VNULL;
    if (s > e) return v_from_int(0);
    if (pn == 0) return v_from_int(e - s + 1);
    for (int64_t i = s; (i = bfind(d, i, e, p, pn, false)) >= 0; i += pn) c++;
    return v_from_int(c);
}

static Value xwith(VM *vm, Value *args, int nargs, Value kw, const char *name, bool end) {
    SELF_ARGS(name, SA_OLD, 1, 3);
    VIEW(args[0], d, n);
    int64_t s, e;
    if (range_args(vm, args, nargs, n, &s, &e) < 0) return VNULL;
    Value x = args[1];
    Value *items = &x;
    int64_t cnt = 1;
    if (v_is_obj(x) && isinst(vm, x, vm->t_tuple)) { items = as_tuple(x)->items; cnt = as_tuple(x)->n; }
    for (int64_t i = 0; i < cnt; i++) {
        const uint8_t *p;
        int64_t pn;
        if (!bytes_view(vm, items[i], &p, &pn))
            return vm_raise(vm, vm->e_TypeError, items == &x
                                ? "%s first arg must be bytes or a tuple of bytes, not %s"
                                : "a bytes-like object is required, not '%s'",
                            items == &x ? name : type_name(vm, items[i]), type_name(vm, items[i]));
        if (s > n || e - s < pn) continue;
        if (memcmp(d + (end ? e - pn : s), p, (size_t)pn) == 0) return vm->true_;
    }
    return vm->false_;
}

static Value b_startswith(VM *vm, Value *a, int n, Value kw) { return xwith(vm, a, n, kw, "startswith", false); }
static Value b_endswith(VM *vm, Value *a, int n, Value kw) { return xwith(vm, a, n, kw, "endswith", true); }

static bool bspace(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }

static Value b_split_common(VM *vm, Value *args, int nargs, Value kw, const char *name, bool rev) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value a[2] = {0, 0};
    if (vm_parse_args(vm, name, args + 1, nargs - 1, kw, names, 0, 0, a) < 0) return VNULL;
    int64_t maxs = -1;
    if (a[1] && vm_index(vm, a[1], &maxs) < 0) return VNULL;
    if (maxs < 0) maxs = INT64_MAX;
    VIEW(args[0], d, n);
    Value list = list_new(vm, 0);
    CHECK(list);
    const uint8_t *p = NULL;
    int64_t pn = 0;
    if (a[0] && a[0] != vm->none) {
        if (!bytes_view(vm, a[0], &p, &pn))
            return vm_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", type_name(vm, a[0]));
        if (pn == 0) return vm_raise(vm, vm->e_ValueError, "empty separator");
    }
    /* Pieces are collected as (start, end) pairs, front to back, then materialised. */
    int64_t cap = 16, np = 0, *pc = malloc(sizeof(int64_t) * 2 * (size_t)cap);
    if (!pc) return vm_nomem(vm);
#define PUSH(x, y) do { if (np == cap) { cap *= 2; pc = realloc(pc, sizeof(int64_t) * 2 * (size_t)cap); } \
                        pc[2 * np] = (x); pc[2 * np + 1] = (y); np++; } while (0)
    if (p && !rev) {
        int64_t i = 0, j;
        while (maxs-- > 0 && (j = bfind(d, i, n, p, pn, false)) >= 0) { PUSH(i, j); i = j + pn; }
        PUSH(i, n);
    } else if (p) {
        int64_t e = n, j;
        while (maxs-- > 0 && (j = bfind(d, 0, e, p, pn, true)) >= 0) { PUSH(j + pn, e); e = j; }
        PUSH(0, e);
    } else if (!rev) {
        int64_t i = 0;
        for (;;) {
            while (i < n && bspace(d[i])) i++;
            if (i >= n) break;
            if (maxs-- == 0) { PUSH(i, n); break; }
            int64_t j = i;
            while (j < n && !bspace(d[j])) j++;
            PUSH(i, j);
            i = j;
        }
    } else {
        int64_t e = n;
        for (;;) {
            while (e > 0 && bspace(d[e - 1])) e--;
            if (e <= 0) break;
            if (maxs-- == 0) { PUSH(0, e); break; }
            int64_t j = e;
            while (j > 0 && !bspace(d[j - 1])) j--;
            PUSH(j, e);
            e = j;
        }
    }
#undef PUSH
    for (int64_t k = 0; k < np; k++) {
        int64_t idx = rev ? np - 1 - k : k;
        Value piece = make_like(vm, args[0], d + pc[2 * idx], pc[2 * idx + 1] - pc[2 * idx]);
        if (!piece || list_append(vm, list, piece) < 0) { free(pc); return VNULL; }
    }
    free(pc);
    return list;
}

static Value b_split(VM *vm, Value *a, int n, Value kw) { return b_split_common(vm, a, n, kw, "split", false); }
static Value b_rsplit(VM *vm, Value *a, int n, Value kw) { return b_split_common(vm, a, n, kw, "rsplit", true); }

static Value strip_common(VM *vm, Value *args, int nargs, Value kw, const char *name, int which) {
    SELF_ARGS(name, SA_CLINIC, 0, 1);
    VIEW(args[0], d, n);
    const uint8_t *cs = NULL;
    int64_t cn = 0;
    if (nargs > 1 && args[1] != vm->none && !bytes_view(vm, args[1], &cs, &cn))
        return vm_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", type_name(vm, args[1]));
    int64_t s = 0, e = n;
#define STRIPPED(c) (cs ? memchr(cs, (c), (size_t)cn) != NULL : bspace(c))
    if (which & 1) while (s < e && STRIPPED(d[s])) s++;
    if (which & 2) while (e > s && STRIPPED(d[e - 1])) e--;
#undef STRIPPED
    return make_like(vm, args[0], d + s, e - s);
}

static Value b_strip(VM *vm, Value *a, int n, Value kw) { return strip_common(vm, a, n, kw, "strip", 3); }
static Value b_lstrip(VM *vm, Value *a, int n, Value kw) { return strip_common(vm, a, n, kw, "lstrip", 1); }
static Value b_rstrip(VM *vm, Value *a, int n, Value kw) { return strip_common(vm, a, n, kw, "rstrip", 2); }

static Value b_join(VM *vm, Value *args, int nargs, Value kw) {
    SELF_ARGS("join", SA_ONE, 1, 1);
    Value lst = vm_to_list(vm, args[1]);
    CHECK(lst);
    VIEW(args[0], sep, sn);
    StrBuf b;
    sb_init(&b);
    List *l = as_list(lst);
    for (int64_t i = 0; i < l->n; i++) {
        const uint8_t *p;
        int64_t pn;
        if (!bytes_view(vm, l->items[i], &p, &pn)) {
            sb_free(&b);
            return vm_raise(vm, vm->e_TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                            (long long)i, type_name(vm, l->items[i]));
        }
        if (i) sb_add(&b, (const char *)sep, (size_t)sn);
        sb_add(&b, (const char *)p, (size_t)pn);
    }
    Value r = make_like(vm, args[0], (const uint8_t *)(b.data ? b.data : ""), (int64_t)b.len);
    sb_free(&b);
    return r;
}

static Value b_replace(VM *vm, Value *args, int nargs, Value kw) {
    SELF_ARGS("replace", SA_CLINIC, 2, 3);
    VIEW(args[0], d, n);
    const uint8_t *o, *w;
    int64_t on, wn, count = -1;
    for (int i = 1; i <= 2; i++)
        if (!bytes_view(vm, args[i], i == 1 ? &o : &w, i == 1 ? &on : &wn))
            return vm_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", type_name(vm, args[i]));
    if (nargs > 3 && vm_index(vm, args[3], &count) < 0) return VNULL;
    if (count < 0) count = INT64_MAX;
    StrBuf b;
    sb_init(&b);
    int64_t i = 0;
    if (on == 0) {
        for (; i <= n && count > 0; count--) {
            sb_add(&b, (const char *)w, (size_t)wn);
            if (i < n) sb_addc(&b, (char)d[i]);
            i++;
        }
    } else {
        int64_t j;
        while (count-- > 0 && (j = bfind(d, i, n, o, on, false)) >= 0) {
            sb_add(&b, (const char *)d + i, (size_t)(j - i));
            sb_add(&b, (const char *)w, (size_t)wn);
            i = j + on;
        }
    }
    if (i < n) sb_add(&b, (const char *)d + i, (size_t)(n - i));
    Value r = make_like(vm, args[0], (const uint8_t *)(b.data ? b.data : ""), (int64_t)b.len);
    sb_free(&b);
    return r;
}

static Value bcase(VM *vm, Value *args, int nargs, Value kw, const char *name, int mode) {
    SELF_ARGS(name, SA_NOARGS, 0, 0);
    VIEW(args[0], d, n);
    uint8_t *t = malloc((size_t)n + 1);
    if (!t) return vm_nomem(vm);
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        if (mode == 0 && lo) c -= 32;
        else if (mode == 1 && up) c += 32;
        else if (mode == 2 && (up || lo)) c ^= 32;
        t[i] = c;
    }
    Value r = make_like(vm, args[0], t, n);
    free(t);
    return r;
}

static Value b_upper(VM *vm, Value *a, int n, Value kw) { return bcase(vm, a, n, kw, "upper", 0); }
static Value b_lower(VM *vm, Value *a, int n, Value kw) { return bcase(vm, a, n, kw, "lower", 1); }
static Value b_swapcase(VM *vm, Value *a, int n, Value kw) { return bcase(vm, a, n, kw, "swapcase", 2); }

static Value bpred(VM *vm, Value *args, int nargs, Value kw, const char *name, int (*pred)(int)) {
    SELF_ARGS(name, SA_NOARGS, 0, 0);
    VIEW(args[0], d, n);
    if (n == 0) return vm->false_;
    for (int64_t i = 0; i < n; i++) if (d[i] >= 128 || !pred(d[i])) return vm->false_;
    return vm->true_;
}
static int p_digit(int c) { return c >= '0' && c <= '9'; }
static int p_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int p_alnum(int c) { return p_digit(c) || p_alpha(c); }
static int p_space(int c) { return bspace((uint8_t)c); }
static Value b_isdigit(VM *vm, Value *a, int n, Value kw) { return bpred(vm, a, n, kw, "isdigit", p_digit); }
static Value b_isalpha(VM *vm, Value *a, int n, Value kw) { return bpred(vm, a, n, kw, "isalpha", p_alpha); }
static Value b_isalnum(VM *vm, Value *a, int n, Value kw) { return bpred(vm, a, n, kw, "isalnum", p_alnum); }
static Value b_isspace(VM *vm, Value *a, int n, Value kw) { return bpred(vm, a, n, kw, "isspace", p_space); }

/* ---------------------------------------------------------- bytearray only */

static ByteArray *BA(Value v) { return (ByteArray *)v; }

static int ba_splice(VM *vm, ByteArray *a, int64_t at, int64_t del, const uint8_t *src, int64_t n) {
    /* src may alias a->data: copy it first */
    uint8_t *tmp = NULL;
    if (n && src >= a->data && src < a->data + a->cap) {
        tmp = malloc((size_t)n);
        if (!tmp) { vm_nomem(vm); return -1; }
        memcpy(tmp, src, (size_t)n);
        src = tmp;
    }
    if (ba_reserve(vm, a, a->n - del + n) < 0) { free(tmp); return -1; }
    memmove(a->data + at + n, a->data + at + del, (size_t)(a->n - at - del));
    if (n) memcpy(a->data + at, src, (size_t)n);
    a->n += n - del;
    free(tmp);
    return 0;
}

static Value ba_append(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "append", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    int k;
    if (byte_value(vm, args[1], &k) < 0) return VNULL;
    uint8_t c = (uint8_t)k;
    if (ba_splice(vm, BA(args[0]), BA(args[0])->n, 0, &c, 1) < 0) return VNULL;
    return vm->none;
}

static Value ba_extend(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "extend", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    if (v_is_obj(args[1]) && isinst(vm, args[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "expected iterable of integers; got: 'str'");
    if (v_is_int(args[1]) || int_check(vm, args[1]))
        return vm_raise(vm, vm->e_TypeError, "can't extend bytearray with %s", type_name(vm, args[1]));
    StrBuf buf;
    sb_init(&buf);
    if (collect_source(vm, args[1], VNULL, VNULL, &buf, false) < 0) { sb_free(&buf); return VNULL; }
    int r = ba_splice(vm, BA(args[0]), BA(args[0])->n, 0, (const uint8_t *)buf.data, (int64_t)buf.len);
    sb_free(&buf);
    return r < 0 ? VNULL : vm->none;
}

static Value ba_iadd(VM *vm, Value *args, int nargs, Value kw) {
    const uint8_t *p;
    int64_t pn;
    if (!bytes_view(vm, args[1], &p, &pn))
        return vm_raise(vm, vm->e_TypeError, "can't concat %s to bytearray", type_name(vm, args[1]));
    if (ba_splice(vm, BA(args[0]), BA(args[0])->n, 0, p, pn) < 0) return VNULL;
    return args[0];
}

static Value ba_pop(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "pop", SA_CLINIC, nargs - 1, kw, 0, 1) < 0) return VNULL;
    ByteArray *a = BA(args[0]);
    int64_t i = -1;
    if (nargs > 1 && vm_index(vm, args[1], &i) < 0) return VNULL;
    if (a->n == 0) return vm_raise(vm, vm->e_IndexError, "pop from empty bytearray");
    if (i < 0) i += a->n;
    if (i < 0 || i >= a->n) return vm_raise(vm, vm->e_IndexError, "pop index out of range");
    int c = a->data[i];
    ba_splice(vm, a, i, 1, NULL, 0);
    return v_from_int(c);
}

static Value ba_insert(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "insert", SA_CLINIC, nargs - 1, kw, 2, 2) < 0) return VNULL;
    ByteArray *a = BA(args[0]);
    int64_t i;
    int k;
    if (vm_index(vm, args[1], &i) < 0 || byte_value(vm, args[2], &k) < 0) return VNULL;
    if (i < 0) { i += a->n; if (i < 0) i = 0; }
    if (i > a->n) i = a->n;
    uint8_t c = (uint8_t)k;
    return ba_splice(vm, a, i, 0, &c, 1) < 0 ? VNULL : vm->none;
}

static Value ba_remove(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "remove", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    int k;
    if (byte_value(vm, args[1], &k) < 0) return VNULL;
    ByteArray *a = BA(args[0]);
    for (int64_t i = 0; i < a->n; i++)
        if (a->data[i] == k) { ba_splice(vm, a, i, 1, NULL, 0); return vm->none; }
    return vm_raise(vm, vm->e_ValueError, "value not found in bytearray");
}

static Value ba_clear(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "clear", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    BA(args[0])->n = 0;
    return vm->none;
}

static Value ba_copy(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "copy", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    return bytearray_new(vm, vm->t_bytearray, BA(args[0])->data, BA(args[0])->n);
}

static Value ba_reverse(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "bytearray", "reverse", SA_NOARGS, nargs - 1, kw, 0, 0) < 0) return VNULL;
    ByteArray *a = BA(args[0]);
    for (int64_t i = 0, j = a->n - 1; i < j; i++, j--) { uint8_t t = a->data[i]; a->data[i] = a->data[j]; a->data[j] = t; }
    return vm->none;
}

/* ba[key] = v, or del ba[key] when v is VNULL. */
static Value ba_assign(VM *vm, Value self, Value key, Value v) {
    ByteArray *a = BA(self);
    if (v_is_obj(key) && isinst(vm, key, vm->t_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, a->n, &start, &stop, &step, &len)) return VNULL;
        StrBuf buf;
        sb_init(&buf);
        if (v) {
            if (v_is_int(v) || int_check(vm, v))
                return vm_raise(vm, vm->e_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            if (collect_source(vm, v, VNULL, VNULL, &buf, false) < 0) { sb_free(&buf); return VNULL; }
        }
        if (len < 0) len = 0;
        if (step == 1) {
            if (stop < start) stop = start;
            int r = ba_splice(vm, a, start, stop - start, (const uint8_t *)buf.data, (int64_t)buf.len);
            sb_free(&buf);
            return r < 0 ? VNULL : vm->none;
        }
        if (!v) {   /* delete an extended slice: keep the bytes not selected */
            uint8_t *keep = malloc((size_t)a->n + 1);
            int64_t m = 0;
            for (int64_t i = 0; i < a->n; i++) {
                bool sel = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                    : (i <= start && i > stop && (start - i) % (-step) == 0);
                if (!sel) keep[m++] = a->data[i];
            }
            memcpy(a->data, keep, (size_t)m);
            a->n = m;
            free(keep);
            return vm->none;
        }
        if ((int64_t)buf.len != len) {
            int64_t got = (int64_t)buf.len;
            sb_free(&buf);
            return vm_raise(vm, vm->e_ValueError, "attempt to assign bytes of size %lld to extended slice of size %lld",
                            (long long)got, (long long)len);
        }
        for (int64_t i = 0, k = start; i < len; i++, k += step) a->data[k] = (uint8_t)buf.data[i];
        sb_free(&buf);
        return vm->none;
    }
    if (!v_is_int(key) && !int_check(vm, key) && !type_lookup(vm, type_of(vm, key), vm->s___index__))
        return vm_raise(vm, vm->e_TypeError, "bytearray indices must be integers or slices, not %s", type_name(vm, key));
    int64_t i;
    if (vm_index(vm, key, &i) < 0) return VNULL;
    if (i < 0) i += a->n;
    if (i < 0 || i >= a->n) return vm_raise(vm, vm->e_IndexError, "bytearray index out of range");
    if (!v) { ba_splice(vm, a, i, 1, NULL, 0); return vm->none; }
    int k;
    if (byte_value(vm, v, &k) < 0) return VNULL;
    a->data[i] = (uint8_t)k;
    return vm->none;
}

static Value ba_setitem(VM *vm, Value *args, int nargs, Value kw) { return ba_assign(vm, args[0], args[1], args[2]); }
static Value ba_delitem(VM *vm, Value *args, int nargs, Value kw) { return ba_assign(vm, args[0], args[1], VNULL); }

/* ------------------------------------------------------------------- init */

void bytes_init(VM *vm) {
    vm->t_bytes = type_new_builtin(vm, "bytes", vm->t_object, sizeof(Bytes), TF_BASETYPE);
    vm->t_bytearray = type_new_builtin(vm, "bytearray", vm->t_object, sizeof(ByteArray), TF_BASETYPE);
    vm->t_bytearray->finalize = ba_finalize;
    vm->t_bytes_iterator = type_new_builtin(vm, "bytes_iterator", vm->t_object, sizeof(BytesIter), 0);
    vm->t_bytes_iterator->trace = biter_trace;
    type_add_method(vm, vm->t_bytes_iterator, "__next__", bi_next);
    type_add_method(vm, vm->t_bytes_iterator, "__iter__", bi_iter);

    static const struct { const char *name; NativeFn fn; } shared[] = {
        {"__repr__", b_repr}, {"__len__", b_len}, {"__getitem__", b_getitem},
        {"__add__", b_add}, {"__mul__", b_mul}, {"__rmul__", b_mul}, {"__eq__", b_eq},
        {"__ne__", b_ne}, {"__lt__", b_lt}, {"__le__", b_le}, {"__gt__", b_gt}, {"__ge__", b_ge},
        {"__contains__", b_contains}, {"__iter__", b_iter}, {"decode", b_decode},
        {"hex", b_hex}, {"find", b_find}, {"rfind", b_rfind}, {"index", b_index},
        {"rindex", b_rindex}, {"count", b_count}, {"startswith", b_startswith},
        {"endswith", b_endswith}, {"split", b_split}, {"rsplit", b_rsplit},
        {"strip", b_strip}, {"lstrip", b_lstrip}, {"rstrip", b_rstrip}, {"join", b_join},
        {"replace", b_replace}, {"upper", b_upper}, {"lower", b_lower},
        {"swapcase", b_swapcase}, {"isdigit", b_isdigit}, {"isalpha", b_isalpha},
        {"isalnum", b_isalnum}, {"isspace", b_isspace},
    };
    for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++) {
        type_add_method(vm, vm->t_bytes, shared[i].name, shared[i].fn);
        type_add_method(vm, vm->t_bytearray, shared[i].name, shared[i].fn);
    }
    type_add_static(vm, vm->t_bytes, "__new__", b_new);
    type_add_method(vm, vm->t_bytes, "__hash__", b_hash);
    type_add_classmethod(vm, vm->t_bytes, "fromhex", b_fromhex);
    type_add_classmethod(vm, vm->t_bytearray, "fromhex", b_fromhex);

    Type *t = vm->t_bytearray;
    type_add_static(vm, t, "__new__", ba_new);
    type_add_method(vm, t, "__init__", ba_init);
    type_set_attr(vm, t, "__hash__", vm->none);
    type_add_method(vm, t, "__setitem__", ba_setitem);
    type_add_method(vm, t, "__delitem__", ba_delitem);
    type_add_method(vm, t, "__iadd__", ba_iadd);
    type_add_method(vm, t, "append", ba_append);
    type_add_method(vm, t, "extend", ba_extend);
    type_add_method(vm, t, "pop", ba_pop);
    type_add_method(vm, t, "insert", ba_insert);
    type_add_method(vm, t, "remove", ba_remove);
    type_add_method(vm, t, "clear", ba_clear);
    type_add_method(vm, t, "copy", ba_copy);
    type_add_method(vm, t, "reverse", ba_reverse);
}
