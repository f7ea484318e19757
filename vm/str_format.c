/* str_format.c — text formatting owned by str: str.format / str.format_map (the
 * replacement-field parser: numbering, attributes, indexing, conversions, nested specs),
 * str.__format__ (through fmtspec.h), and printf-style `str % args` (walking the template
 * and supplying values to fmtspec.h's pct_* formatters). */
#include "vm/strobj.h"
#include "vm/fmtspec.h"
#include <string.h>

static bool is_str(VM *vm, Value v) { return v_is_obj(v) && isinst(vm, v, vm->t_str); }

static Value raise_err(VM *vm, int code, StrBuf *err) {
    Value r = vm_raise(vm, code == FMT_OVERFLOW_ERROR ? vm->e_OverflowError : vm->e_ValueError,
                       "%s", err->data ? err->data : "");
    sb_free(err);
    return r;
}

/* ------------------------------------------------------------- __format__ */

static Value format_str_spec(VM *vm, Str *s, Str *spec) {
    StrBuf out, err;
    sb_init(&out);
    sb_init(&err);
    FormatSpec f;
    int rc = fmtspec_parse(spec->data, (size_t)spec->len, FMT_KIND_STR, "str", &f, &err);
    if (rc == FMT_OK) rc = fmtspec_format_str(&f, s->data, (size_t)s->len, &out, &err);
    if (rc != FMT_OK) { sb_free(&out); return raise_err(vm, rc, &err); }
    sb_free(&err);
    return str_from_sb(vm, &out);
}

static Value s_format_dunder(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__format__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    if (str_check_self(vm, args[0], "__format__") < 0) return VNULL;
    if (!is_str(vm, args[1]))
        return vm_raise(vm, vm->e_TypeError, "__format__() argument must be str, not %s",
                        type_name(vm, args[1]));
    Str *s = as_str(args[0]), *spec = as_str(args[1]);
    if (spec->len == 0)
        return s->head.type == vm->t_str ? args[0]
                                         : str_new_cp(vm, s->data, (size_t)s->len, s->cplen);
    return format_str_spec(vm, s, spec);
}

/* ------------------------------------------------------------ str.format */

typedef struct {
    Value *pos;           /* positional arguments */
    int npos;
    Value kwnames;        /* tuple of str or VNULL */
    Value *kwvals;
    Value mapping;        /* format_map: look names up here instead */
    int auto_idx;
    int mode;             /* 0 undecided, 1 automatic, 2 manual numbering */
} FmtCtx;

static Value fmt_render(VM *vm, FmtCtx *cx, const char *s, size_t n, int depth, StrBuf *out);

static Value verr(VM *vm, const char *msg) { return vm_raise(vm, vm->e_ValueError, "%s", msg); }

static bool all_digits(const char *s, size_t n, int64_t *val) {
    if (n == 0) return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        if (v > (INT64_MAX - 9) / 10) return false;
        v = v * 10 + (s[i] - '0');
    }
    *val = v;
    return true;
}

static Value lookup_name(VM *vm, FmtCtx *cx, const char *s, size_t n) {
    Value key = str_new(vm, s, n);
    CHECK(key);
    if (cx->mapping) return vm_getitem(vm, cx->mapping, key);
    if (cx->kwnames) {
        Tuple *t = as_tuple(cx->kwnames);
        for (int64_t i = 0; i < t->n; i++)
            if (str_eq(as_str(t->items[i]), as_str(key))) return cx->kwvals[i];
    }
    Value exc = exc_new(vm, vm->e_KeyError, &key, 1);
    CHECK(exc);
    return vm_raise_value(vm, exc);
}

static Value lookup_index(VM *vm, FmtCtx *cx, int64_t i) {
    if (cx->mapping || i >= cx->npos)
        return vm_raise(vm, vm->e_IndexError,
                        "Replacement index %lld out of range for positional args tuple", (long long)i);
    return cx->pos[i];
}

/* Resolves "name", "0", "", then any chain of ".attr" and "[key]". */
static Value resolve_field(VM *vm, FmtCtx *cx, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') i++;
    int64_t idx;
    Value obj;
    if (i == 0) {
        if (cx->mode == 2)
            return verr(vm, "cannot switch from manual field specification to automatic field numbering");
        cx->mode = 1;
        obj = lookup_index(vm, cx, cx->auto_idx++);
    } else if (all_digits(s, i, &idx)) {
        if (cx->mode == 1)
            return verr(vm, "cannot switch from automatic field numbering to manual field specification");
        cx->mode = 2;
        obj = lookup_index(vm, cx, idx);
    } else
        obj = lookup_name(vm, cx, s, i);
    CHECK(obj);
    while (i < n) {
        if (s[i] == '.') {
            size_t j = ++i;
            while (i < n && s[i] != '.' && s[i] != '[') i++;
            if (i == j) return verr(vm, "Empty attribute in format string");
            Value name = str_new(vm, s + j, i - j);
            CHECK(name);
            obj = vm_getattr(vm, obj, name);
        } else if (s[i] == '[') {
            size_t j = ++i;
            while (i < n && s[i] != ']') i++;
            if (i >= n) return verr(vm, "Missing ']' in format string");
            if (i == j) return verr(vm, "Empty attribute in format string");
            Value key = all_digits(s + j, i - j, &idx) ? int_from_i64(vm, idx) : str_new(vm, s + j, i - j);
            CHECK(key);
            obj = vm_getitem(vm, obj, key);
            i++;
            if (i < n && s[i] != '.' && s[i] != '[')
                return verr(vm, "Only '.' or '[' may follow ']' in format field specifier");
        } else
            return verr(vm, "Only '.' or '[' may follow ']' in format field specifier");
        CHECK(obj);
    }
    return obj;
}

/* One replacement field, the text between the braces. */
static Value do_field(VM *vm, FmtCtx *cx, const char *s, size_t n, int depth, StrBuf *out) {
    size_t i = 0;
    int bracket = 0;
    while (i < n) {   /* the field name ends at '!' or ':' outside brackets */
        char c = s[i];
        if (c == '[') bracket = 1;
        else if (c == ']') bracket = 0;
        else if (!bracket && (c == '!' || c == ':')) break;
        else if (c == '{') return verr(vm, "unexpected '{' in field name");
        i++;
    }
    size_t name_end = i;
    char conv = 0;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n) return verr(vm, "end of string while looking for conversion specifier");
        conv = s[i + 1];
        i += 2;
        if (i < n && s[i] != ':') return verr(vm, "expected ':' after conversion specifier");
    }
    const char *spec = "";
    size_t specn = 0;
    if (i < n && s[i] == ':') { spec = s + i + 1; specn = n - i - 1; }
    Value obj = resolve_field(vm, cx, s, name_end);
    CHECK(obj);
    if (conv) {
        if (conv == 'r') obj = vm_repr(vm, obj);
        else if (conv == 's') obj = vm_str(vm, obj);
        else if (conv == 'a') obj = vm_ascii(vm, obj);
        else return vm_raise(vm, vm->e_ValueError, "Unknown conversion specifier %c", conv);
        CHECK(obj);
    }
    Value specv;
    if (memchr(spec, '{', specn)) {   /* nested fields inside the spec */
        StrBuf sb;
        sb_init(&sb);
        if (!fmt_render(vm, cx, spec, specn, depth - 1, &sb)) { sb_free(&sb); return VNULL; }
        specv = str_from_sb(vm, &sb);
    } else
        specv = str_new(vm, spec, specn);
    CHECK(specv);
    Value r;
    if (type_of(vm, obj) == vm->t_str)
        r = as_str(specv)->len ? format_str_spec(vm, as_str(obj), as_str(specv)) : obj;
    else
        r = vm_format(vm, obj, specv);
    CHECK(r);
    sb_add(out, as_str(r)->data, (size_t)as_str(r)->len);
    return vm->none;
}

static Value fmt_render(VM *vm, FmtCtx *cx, const char *s, size_t n, int depth, StrBuf *out) {
    if (depth < 0) return verr(vm, "Max string recursion exceeded");
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '}') {
            if (i + 1 < n && s[i + 1] == '}') { sb_addc(out, '}'); i += 2; continue; }
            return verr(vm, "Single '}' encountered in format string");
        }
        if (c != '{') {
            size_t j = i;
            while (j < n && s[j] != '{' && s[j] != '}') j++;
            sb_add(out, s + i, j - i);
            i = j;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') { sb_addc(out, '{'); i += 2; continue; }
        if (i + 1 >= n) return verr(vm, "Single '{' encountered in format string");
        /* find the matching '}' counting nested braces */
        /* Find the matching '}' counting nested braces; inside the field name's
         * "[...]" braces do not count (CPython: "{0[}" lacks its '}'). */
        size_t j = i + 1;
        int level = 1;
        bool in_name = true, in_bracket = false;
        while (j < n) {
            char d = s[j];
            if (in_name && !in_bracket && (d == ':' || d == '!')) in_name = false;
            if (in_name && d == '[') in_bracket = true;
            else if (in_bracket && d == ']') in_bracket = false;
            else if (!in_bracket) {
                if (d == '{') level++;
                else if (d == '}' && --level == 0) break;
            }
            j++;
        }
        if (j >= n) return verr(vm, "expected '}' before end of string");
        if (!do_field(vm, cx, s + i + 1, j - i - 1, depth, out)) return VNULL;
        i = j + 1;
    }
    return vm->none;
}

Value str_format_method(VM *vm, Value fmt, Value *args, int nargs, Value kwnames) {
    FmtCtx cx = {args, nargs, kwnames, args + nargs, VNULL, 0, 0};
    if (kwnames && as_tuple(kwnames)->n == 0) cx.kwnames = VNULL;
    StrBuf out;
    sb_init(&out);
    Str *s = as_str(fmt);
    if (!fmt_render(vm, &cx, s->data, (size_t)s->len, 2, &out)) { sb_free(&out); return VNULL; }
    return str_from_sb(vm, &out);
}

static Value s_format(VM *vm, Value *args, int nargs, Value kw) {
    if (str_check_self(vm, args[0], "format") < 0) return VNULL;
    return str_format_method(vm, args[0], args + 1, nargs - 1, kw);
}

static Value s_format_map(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "format_map", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    if (str_check_self(vm, args[0], "format_map") < 0) return VNULL;
    FmtCtx cx = {NULL, 0, VNULL, NULL, args[1], 0, 0};
    StrBuf out;
    sb_init(&out);
    Str *s = as_str(args[0]);
    if (!fmt_render(vm, &cx, s->data, (size_t)s->len, 2, &out)) { sb_free(&out); return VNULL; }
    return str_from_sb(vm, &out);
}

/* ----------------------------------------------------------- printf-style */

typedef struct {
    Value *items;
    int64_t n, next;
    Value dict;           /* the mapping for %(key)s, or VNULL */
} PctArgs;

static Value next_arg(VM *vm, PctArgs *pa) {
    if (pa->next >= pa->n) return vm_raise(vm, vm->e_TypeError, "not enough arguments for format string");
    return pa->items[pa->next++];
}

static bool has_dunder(VM *vm, Value v, Value name) {
    return !v_is_int(v) && type_lookup(vm, type_of(vm, v), name) != VNULL;
}

/* Appends the sign-less digits of int v in base; sets *neg. */
static int int_digits(VM *vm, Value v, int base, StrBuf *digits, int *neg) {
    if (v_is_int(v)) {   /* small ints: no allocation */
        int64_t x = v_int(v);
        uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
        char buf[72], *p = buf + sizeof buf;
        *--p = 0;
        do { *--p = "0123456789abcdef"[u % (unsigned)base]; u /= (unsigned)base; } while (u);
        *neg = x < 0;
        sb_adds(digits, p);
        return 0;
    }
    Value s = int_to_str(vm, v, base);
    if (!s) return -1;
    const char *p = as_str(s)->data;
    *neg = 0;
    if (*p == '-') { *neg = 1; p++; }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'b')) p += 2;
    sb_adds(digits, p);
    return 0;
}

static int pct_int(VM *vm, const PctSpec *sp, Value v, StrBuf *out) {
    bool decimal = strchr("diu", sp->type) != NULL;
    Value iv = VNULL;
    if (int_check(vm, v)) iv = v;
    else if (decimal && type_of(vm, v) == vm->t_float) iv = int_from_double(vm, float_val(v));
    else if (has_dunder(vm, v, vm->s___index__)) {
        int64_t k;
        if (vm_index(vm, v, &k) < 0) return -1;
        iv = int_from_i64(vm, k);
    } else if (decimal && has_dunder(vm, v, vm->s___int__))
        iv = vm_call_method(vm, v, vm->s___int__, NULL, 0);
    else {
        if (decimal)
            vm_raise(vm, vm->e_TypeError, "%%%c format: a real number is required, not %s",
                     sp->type, type_name(vm, v));
        else
            vm_raise(vm, vm->e_TypeError, "%%%c format: an integer is required, not %s",
                     sp->type, type_name(vm, v));
        return -1;
    }
    if (!iv) return -1;
    StrBuf d;
    sb_init(&d);
    int neg;
    if (int_digits(vm, iv, pct_int_base(sp->type), &d, &neg) < 0) { sb_free(&d); return -1; }
    pct_format_int(sp, neg, d.data, d.len, out);
    sb_free(&d);
    return 0;
}

static int pct_char(VM *vm, const PctSpec *sp, Value v, StrBuf *out) {
    char buf[4];
    int n;
    if (is_str(vm, v)) {
        if (as_str(v)->cplen != 1) goto bad;
        pct_format_str(sp, as_str(v)->data, (size_t)as_str(v)->len, out);
        return 0;
    }
    if (!int_check(vm, v)) goto bad;
    int64_t k;
    if (vm_index(vm, v, &k) < 0 || k < 0 || k > 0x10FFFF) {
        vm_clear_exc(vm);
        vm_raise(vm, vm->e_OverflowError, "%%c arg not in range(0x110000)");
        return -1;
    }
    n = utf8_encode((uint32_t)k, buf);
    pct_format_str(sp, buf, (size_t)n, out);
    return 0;
bad:
    vm_raise(vm, vm->e_TypeError, "%%c requires int or char");
    return -1;
}

static int pct_value(VM *vm, const PctSpec *sp, Value v, StrBuf *out) {
    switch (sp->type) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        return pct_int(vm, sp, v, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (type_of(vm, v) == vm->t_float) d = float_val(v);
        else if (int_check(vm, v) || has_dunder(vm, v, vm->s___float__) ||
                 has_dunder(vm, v, vm->s___index__)) {
            if (vm_to_double(vm, v, &d) < 0) return -1;
        } else {
            vm_raise(vm, vm->e_TypeError, "must be real number, not %s", type_name(vm, v));
            return -1;
        }
        pct_format_float(sp, d, out);
        return 0;
    }
    case 'c':
        return pct_char(vm, sp, v, out);
    default: {   /* s r a */
        Value t = sp->type == 's' ? vm_str(vm, v) : sp->type == 'r' ? vm_repr(vm, v) : vm_ascii(vm, v);
        if (!t) return -1;
        pct_format_str(sp, as_str(t)->data, (size_t)as_str(t)->len, out);
        return 0;
    }
    }
}

static int star_arg(VM *vm, PctArgs *pa, int64_t *out) {
    Value v = next_arg(vm, pa);
    if (!v) return -1;
    if (!int_check(vm, v)) { vm_raise(vm, vm->e_TypeError, "* wants int"); return -1; }
    return vm_index(vm, v, out);
}

/* One conversion starting just after a '%'. */
static int pct_one(VM *vm, Str *f, size_t *pos, PctArgs *pa, StrBuf *out) {
    PctSpec sp;
    StrBuf err;
    sb_init(&err);
    if (pct_parse(f->data, (size_t)f->len, pos, &sp, &err) != FMT_OK) {
        raise_err(vm, FMT_VALUE_ERROR, &err);
        return -1;
    }
    sb_free(&err);
    Value v = VNULL;
    if (sp.has_key) {
        if (!pa->dict) { vm_raise(vm, vm->e_TypeError, "format requires a mapping"); return -1; }
        Value key = str_new(vm, f->data + sp.key_start, sp.key_len);
        if (!key) return -1;
        v = vm_getitem(vm, pa->dict, key);
        if (!v) return -1;
    }
    int64_t k;
    if (sp.width_star) { if (star_arg(vm, pa, &k) < 0) return -1; pct_set_star_width(&sp, k); }
    if (sp.prec_star) { if (star_arg(vm, pa, &k) < 0) return -1; pct_set_star_prec(&sp, k); }
    if (sp.type == '%') { sb_addc(out, '%'); return 0; }
    if (!v && !(v = next_arg(vm, pa))) return -1;
    if (sp.type == 0) {   /* unknown conversion: reported after the argument is taken */
        pct_bad_conversion(&sp, &err);
        raise_err(vm, FMT_VALUE_ERROR, &err);
        return -1;
    }
    return pct_value(vm, &sp, v, out);
}

Value str_mod(VM *vm, Value fmt, Value args) {
    PctArgs pa = {&args, 1, 0, VNULL};
    Type *at = type_of(vm, args);
    if (v_is_obj(args) && isinst(vm, args, vm->t_tuple)) {
        pa.items = as_tuple(args)->items;
        pa.n = as_tuple(args)->n;
    } else if (!v_is_int(args) && !isinst(vm, args, vm->t_str) &&
               type_lookup(vm, at, vm->s___getitem__))
        pa.dict = args;   /* CPython: any mapping-like object, used positionally too */
    Str *f = as_str(fmt);
    StrBuf out;
    sb_init(&out);
    size_t i = 0, n = (size_t)f->len;
    while (i < n) {
        const char *p = memchr(f->data + i, '%', n - i);
        size_t j = p ? (size_t)(p - f->data) : n;
        sb_add(&out, f->data + i, j - i);
        if (j >= n) break;
        i = j + 1;
        if (pct_one(vm, f, &i, &pa, &out) < 0) { sb_free(&out); return VNULL; }
    }
    if (pa.next < pa.n && !pa.dict) {
        sb_free(&out);
        return vm_raise(vm, vm->e_TypeError, "not all arguments converted during string formatting");
    }
    return str_from_sb(vm, &out);
}

static Value s_mod(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__mod__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    if (str_check_self(vm, args[0], "__mod__") < 0) return VNULL;
    return str_mod(vm, args[0], args[1]);
}

/* `x % "str"` with x not a str: str only formats itself. */
static Value s_rmod(VM *vm, Value *args, int nargs, Value kw) {
    if (str_args(vm, "str", "__rmod__", SA_ONE, nargs - 1, kw, 1, 1) < 0) return VNULL;
    if (str_check_self(vm, args[0], "__rmod__") < 0) return VNULL;
    if (is_str(vm, args[1])) return str_mod(vm, args[1], args[0]);
    return vm->notimpl;
}

void str_format_init(VM *vm) {
    type_add_method(vm, vm->t_str, "__format__", s_format_dunder);
    type_add_method(vm, vm->t_str, "format", s_format);
    type_add_method(vm, vm->t_str, "format_map", s_format_map);
    type_add_method(vm, vm->t_str, "__mod__", s_mod);
    type_add_method(vm, vm->t_str, "__rmod__", s_rmod);
}
