/* int_methods.c — the Python-level face of int and bool: int()/bool() construction, the
 * dunder methods (every arithmetic operator and its reflection, so script subclasses and
 * super() calls work), format(), to_bytes/from_bytes and the small numeric protocol
 * (real, imag, numerator, denominator, conjugate, as_integer_ratio). */
#include "vm/numobj.h"
#include "vm/fmtspec.h"
#include <string.h>
#include <stdlib.h>

#define SELF_CHECK(name)                                                                    \
    do {                                                                                    \
        if (n < 1 || !int_is(vm, a[0]))                                                     \
            return vm_raise(vm, vm->e_TypeError,                                            \
                            "descriptor '%s' requires a 'int' object but received a '%s'",  \
                            name, n < 1 ? "nothing" : type_name(vm, a[0]));                 \
    } while (0)

/* ---- construction ---- */

static Value int_from_text(VM *vm, Value x, int base) {
    Type *t = type_of(vm, x);
    if (isinst(vm, x, vm->t_str)) return int_parse(vm, str_cstr(x), as_str(x)->len, base, x);
    if (t == vm->t_bytes || isinst(vm, x, vm->t_bytes)) {
        Bytes *b = (Bytes *)x;
        return int_parse(vm, (const char *)b->data, (size_t)b->n, base, x);
    }
    if (t == vm->t_bytearray || isinst(vm, x, vm->t_bytearray)) {
        ByteArray *b = (ByteArray *)x;
        return int_parse(vm, b->data ? (const char *)b->data : "", (size_t)b->n, base, x);
    }
    return VNULL;
}

static Value call_int_dunder(VM *vm, Value x, Value name, const char *what) {
    Value r = vm_call_method(vm, x, name, NULL, 0);
    if (!r) return VNULL;
    if (!int_is(vm, r))
        return vm_raise(vm, vm->e_TypeError, "%s returned non-int (type %s)", what, type_name(vm, r));
    return int_exact(vm, r);
}

/* int(x) for one argument. */
static Value int_convert(VM *vm, Value x) {
    if (int_is(vm, x)) return int_exact(vm, x);
    Type *t = type_of(vm, x);
    if (float_is(vm, x) && !type_lookup(vm, t, vm->s___int__)) return int_from_double(vm, float_val(x));
    if (t == vm->t_float) return int_from_double(vm, float_val(x));
    if (type_lookup(vm, t, vm->s___int__)) return call_int_dunder(vm, x, vm->s___int__, "__int__");
    if (type_lookup(vm, t, vm->s___index__)) return call_int_dunder(vm, x, vm->s___index__, "__index__");
    if (type_lookup(vm, t, vm->s___trunc__)) {
        Value r = vm_call_method(vm, x, vm->s___trunc__, NULL, 0);
        if (!r) return VNULL;
        if (int_is(vm, r)) return int_exact(vm, r);
        if (!type_lookup(vm, type_of(vm, r), vm->s___index__))
            return vm_raise(vm, vm->e_TypeError, "__trunc__ returned non-Integral (type %s)",
                            type_name(vm, r));
        return int_index(vm, r);
    }
    Value r = int_from_text(vm, x, 10);
    if (r || vm->exc) return r;
    return vm_raise(vm, vm->e_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    type_name(vm, x));
}

/* An instance of the int subclass cls holding v. */
static Value int_wrap(VM *vm, Type *cls, Value v) {
    if (cls == vm->t_int) return v;
    if (cls == vm->t_bool)
        return vm_raise(vm, vm->e_TypeError, "int.__new__(bool) is not safe, use bool.__new__()");
    if (!type_is_subtype(cls, vm->t_int))
        return vm_raise(vm, vm->e_TypeError, "int.__new__(%s): %s is not a subtype of int",
                        cls->name, cls->name);
    IntSub *o = gc_alloc(vm, cls, cls->size < sizeof(IntSub) ? sizeof(IntSub) : cls->size);
    if (!o) return VNULL;
    o->mark = INTSUB_MARK;
    o->value = v;
    return v_from_obj(o);
}

static Value int_new(VM *vm, Value *a, int n, Value kw) {
    if (n < 1 || !isinst(vm, a[0], vm->t_type))
        return vm_raise(vm, vm->e_TypeError, "int.__new__(X): X is not a type object");
    Type *cls = (Type *)a[0];
    Value x = VNULL, base = VNULL;
    int nkw = kw ? (int)as_tuple(kw)->n : 0;
    if (n - 1 + nkw > 2)
        return vm_raise(vm, vm->e_TypeError, "int() takes at most 2 arguments (%d given)", n - 1 + nkw);
    if (n > 1) x = a[1];
    if (n > 2) base = a[2];
    for (int i = 0; i < nkw; i++) {
        const char *k = str_cstr(as_tuple(kw)->items[i]);
        if (strcmp(k, "base") || base)
            return vm_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for int()", k);
        base = a[n + i];
    }
    Value v;
    if (!x) {
        if (base) return vm_raise(vm, vm->e_TypeError, "int() missing string argument");
        v = v_from_int(0);
    } else if (!base) {
        v = int_convert(vm, x);
    } else {
        Value bi = int_index(vm, base);
        if (!bi) return VNULL;
        int64_t b;
        if (!int_to_i64(bi, &b) || (b != 0 && (b < 2 || b > 36)))
            return vm_raise(vm, vm->e_ValueError, "int() base must be >= 2 and <= 36, or 0");
        v = int_from_text(vm, x, (int)b);
        if (!v && !vm->exc)
            return vm_raise(vm, vm->e_TypeError, "int() can't convert non-string with explicit base");
    }
    if (!v) return VNULL;
    return int_wrap(vm, cls, v);
}

static Value bool_new(VM *vm, Value *a, int n, Value kw) {
    if (kw && as_tuple(kw)->n) return vm_raise(vm, vm->e_TypeError, "bool() takes no keyword arguments");
    if (n < 1 || a[0] != v_from_obj(vm->t_bool)) {
        const char *c = n >= 1 && isinst(vm, a[0], vm->t_type) ? ((Type *)a[0])->name : "X";
        return vm_raise(vm, vm->e_TypeError, "bool.__new__(%s): %s is not a subtype of bool", c, c);
    }
    if (n > 2) return vm_raise(vm, vm->e_TypeError, "bool expected at most 1 argument, got %d", n - 1);
    if (n == 1) return vm->false_;
    int t = vm_truthy(vm, a[1]);
    return t < 0 ? VNULL : vm_bool(vm, t);
}

/* ---- text ---- */

static Value int_repr_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__repr__");
    return int_to_str(vm, a[0], 10);
}

static Value bool_repr_m(VM *vm, Value *a, int n, Value k) {
    if (n < 1 || type_of(vm, a[0]) != vm->t_bool) return int_repr_m(vm, a, n, k);
    return str_from_cstr(vm, a[0] == vm->true_ ? "True" : "False");
}

static Value fmt_result(VM *vm, int rc, StrBuf *out, StrBuf *err) {
    Value r = VNULL;
    if (rc == FMT_OK) r = str_new(vm, out->data ? out->data : "", out->len);
    else vm_raise(vm, rc == FMT_OVERFLOW_ERROR ? vm->e_OverflowError : vm->e_ValueError, "%s",
                  err->data ? err->data : "");
    sb_free(out);
    sb_free(err);
    return r;
}

Value int_format(VM *vm, Value v, Value spec) {
    if (!isinst(vm, spec, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__format__() argument must be str, not %s",
                        type_name(vm, spec));
    if (as_str(spec)->len == 0) return vm_str(vm, v);
    FormatSpec f;
    StrBuf out, err;
    sb_init(&out);
    sb_init(&err);
    int rc = fmtspec_parse(str_cstr(spec), as_str(spec)->len, FMT_KIND_INT, type_name(vm, v), &f, &err);
    if (rc != FMT_OK) return fmt_result(vm, rc, &out, &err);
    int64_t x;
    if (int_to_i64(v, &x)) {
        rc = fmtspec_format_int64(&f, x, &out, &err);
        return fmt_result(vm, rc, &out, &err);
    }
    if (f.type == 'c') {
        sb_free(&out);
        sb_free(&err);
        return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C long");
    }
    int base = fmtspec_int_base(&f);
    BigIntTmp t;
    const BigInt *b = int_view(v, &t);
    bool isfloat = f.type && strchr("eEfFgG%", (int)f.type);
    if (!isfloat && base == 10) {
        /* the 4300-digit limit applies to decimal formatting too */
        Value s = int_to_str(vm, v, 10);
        if (!s) { sb_free(&out); sb_free(&err); return VNULL; }
        const char *p = str_cstr(s);
        int neg = *p == '-';
        rc = fmtspec_format_int_digits(&f, neg, p + neg, as_str(s)->len - neg, &out, &err);
        return fmt_result(vm, rc, &out, &err);
    }
    size_t len = 0;
    char *digits = isfloat ? NULL : bigint_to_str(b, base, 0, &len);
    if (!isfloat && !digits) { sb_free(&out); sb_free(&err); return vm_nomem(vm); }
    int neg = bigint_sign(b) < 0;
    rc = isfloat ? FMT_NEEDS_FLOAT
                 : fmtspec_format_int_digits(&f, neg, digits + neg, len - neg, &out, &err);
    free(digits);
    if (rc == FMT_NEEDS_FLOAT) {
        double d;
        if (int_as_double(vm, v, &d) < 0) { sb_free(&out); sb_free(&err); return VNULL; }
        rc = fmtspec_format_float(&f, d, &out, &err);
    }
    return fmt_result(vm, rc, &out, &err);
}

static Value int_format_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__format__");
    if (vm_check_args(vm, "__format__", n - 1, k, 1, 1) < 0) return VNULL;
    return int_format(vm, a[0], a[1]);
}

/* ---- operators ---- */

/* The binary operator dunders: a table maps each native to its BinOpKind. */
#define BINOP_PAIR(NAME, OP)                                                                \
    static Value int_##NAME(VM *vm, Value *a, int n, Value k) {                             \
        SELF_CHECK("__" #NAME "__");                                                        \
        if (vm_check_args(vm, "__" #NAME "__", n - 1, k, 1, 1) < 0) return VNULL;           \
        return int_binop(vm, OP, a[0], a[1]);                                               \
    }                                                                                       \
    static Value int_r##NAME(VM *vm, Value *a, int n, Value k) {                            \
        SELF_CHECK("__r" #NAME "__");                                                       \
        if (vm_check_args(vm, "__r" #NAME "__", n - 1, k, 1, 1) < 0) return VNULL;          \
        return int_binop(vm, OP, a[1], a[0]);                                               \
    }
BINOP_PAIR(add, OP_ADD)
BINOP_PAIR(sub, OP_SUB)
BINOP_PAIR(mul, OP_MULT)
BINOP_PAIR(truediv, OP_DIV)
BINOP_PAIR(floordiv, OP_FLOORDIV)
BINOP_PAIR(mod, OP_MOD)
BINOP_PAIR(lshift, OP_LSHIFT)
BINOP_PAIR(rshift, OP_RSHIFT)
BINOP_PAIR(and, OP_BITAND)
BINOP_PAIR(or, OP_BITOR)
BINOP_PAIR(xor, OP_BITXOR)

static Value int_pow_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__pow__");
    if (vm_check_args(vm, "__pow__", n - 1, k, 1, 2) < 0) return VNULL;
    if (n == 3 && a[2] != vm->none) {
        if (!int_is(vm, a[1]) || !int_is(vm, a[2])) return vm->notimpl;
        return int_pow3(vm, a[0], a[1], a[2]);
    }
    return int_binop(vm, OP_POW, a[0], a[1]);
}

static Value int_rpow_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__rpow__");
    if (vm_check_args(vm, "__rpow__", n - 1, k, 1, 2) < 0) return VNULL;
    if (n == 3 && a[2] != vm->none) {
        if (!int_is(vm, a[1]) || !int_is(vm, a[2])) return vm->notimpl;
        return int_pow3(vm, a[1], a[0], a[2]);
    }
    return int_binop(vm, OP_POW, a[1], a[0]);
}

static Value int_divmod_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__divmod__");
    if (vm_check_args(vm, "__divmod__", n - 1, k, 1, 1) < 0) return VNULL;
    return int_divmod(vm, a[0], a[1]);
}

static Value int_rdivmod_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__rdivmod__");
    if (vm_check_args(vm, "__rdivmod__", n - 1, k, 1, 1) < 0) return VNULL;
    return int_divmod(vm, a[1], a[0]);
}

/* Rich comparison with another int; NotImplemented otherwise (float's methods compare
 * int/float pairs exactly). */
static Value int_compare(VM *vm, Value *a, int n, int op, const char *name) {
    SELF_CHECK(name);
    if (vm_check_args(vm, name, n - 1, VNULL, 1, 1) < 0) return VNULL;
    if (!int_is(vm, a[1])) return vm->notimpl;
    int c = int_cmp(vm, a[0], a[1]);
    bool r = op == CMP_EQ ? c == 0 : op == CMP_NOTEQ ? c != 0 : op == CMP_LT ? c < 0 :
             op == CMP_LTE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
    return vm_bool(vm, r);
}
static Value int_eq(VM *vm, Value *a, int n, Value k) { return int_compare(vm, a, n, CMP_EQ, "__eq__"); }
static Value int_ne(VM *vm, Value *a, int n, Value k) { return int_compare(vm, a, n, CMP_NOTEQ, "__ne__"); }
static Value int_lt(VM *vm, Value *a, int n, Value k) { return int_compare(vm, a, n, CMP_LT, "__lt__"); }
static Value int_le(VM *vm, Value *a, int n, Value k) { return int_compare(vm, a, n, CMP_LTE, "__le__"); }
static Value int_gt(VM *vm, Value *a, int n, Value k) { return int_compare(vm, a, n, CMP_GT, "__gt__"); }
static Value int_ge(VM *vm, Value *a, int n, Value k) { return int_compare(vm, a, n, CMP_GTE, "__ge__"); }

static Value int_hash_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__hash__");
    return v_from_int(int_hash(a[0]));
}

static Value int_bool_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__bool__");
    return vm_bool(vm, int_sign(a[0]) != 0);
}

static Value int_neg_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__neg__");
    return int_neg(vm, a[0]);
}

static Value int_abs_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__abs__");
    return int_abs(vm, a[0]);
}

static Value int_invert_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__invert__");
    int64_t x;
    if (int_to_i64(a[0], &x) && smallint_fits(x)) return v_from_int(~x);
    int_bind(vm);
    BigIntTmp t;
    return int_from_bigres(vm, bigint_invert(int_view(a[0], &t)));
}

/* __pos__, __int__, __index__, __trunc__, __floor__, __ceil__, conjugate, real, numerator */
static Value int_self_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__int__");
    return int_exact(vm, a[0]);
}

static Value int_zero_m(VM *vm, Value *a, int n, Value k) { return v_from_int(0); }
static Value int_one_m(VM *vm, Value *a, int n, Value k) { return v_from_int(1); }

static Value int_float_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__float__");
    double d;
    if (int_as_double(vm, a[0], &d) < 0) return VNULL;
    return float_new(vm, d);
}

static Value int_round_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__round__");
    if (vm_check_args(vm, "__round__", n - 1, k, 0, 1) < 0) return VNULL;
    return int_round(vm, a[0], n > 1 ? a[1] : VNULL);
}

static Value int_getnewargs_m(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("__getnewargs__");
    return tuple_pack(vm, 1, int_exact(vm, a[0]));
}

/* ---- methods ---- */

static Value int_bit_length(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("bit_length");
    if (vm_check_args(vm, "bit_length", n - 1, k, 0, 0) < 0) return VNULL;
    BigIntTmp t;
    return int_from_u64(vm, bigint_bit_length(int_view(a[0], &t)));
}

static Value int_bit_count(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("bit_count");
    if (vm_check_args(vm, "bit_count", n - 1, k, 0, 0) < 0) return VNULL;
    BigIntTmp t;
    return int_from_u64(vm, bigint_bit_count(int_view(a[0], &t)));
}

static Value int_as_ratio(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("as_integer_ratio");
    if (vm_check_args(vm, "as_integer_ratio", n - 1, k, 0, 0) < 0) return VNULL;
    return tuple_pack(vm, 2, int_exact(vm, a[0]), v_from_int(1));
}

/* byteorder ('little' / 'big') and the keyword-only `signed` flag. */
static int parse_order(VM *vm, const char *fname, Value order, Value sig, bool *little, bool *is_signed) {
    *little = false;
    *is_signed = false;
    if (order) {
        if (!isinst(vm, order, vm->t_str)) {
            vm_raise(vm, vm->e_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                     type_name(vm, order));
            return -1;
        }
        if (!strcmp(str_cstr(order), "little")) *little = true;
        else if (strcmp(str_cstr(order), "big")) {
            vm_raise(vm, vm->e_ValueError, "byteorder must be either 'little' or 'big'");
            return -1;
        }
    }
    if (sig) {
        int t = vm_truthy(vm, sig);
        if (t < 0) return -1;
        *is_signed = t;
    }
    return 0;
}

/* Splits (args, kwnames) into up to two positional-or-keyword parameters and `signed`. */
static int parse_bytes_args(VM *vm, const char *fname, const char *p0, Value *a, int n, Value kw,
                            Value out[3]) {
    const char *nm[] = {p0, "byteorder", "signed", NULL};
    out[0] = out[1] = out[2] = VNULL;
    if (n > 2) {
        vm_raise(vm, vm->e_TypeError, "%s() takes at most 2 positional arguments (%d given)", fname, n);
        return -1;
    }
    for (int i = 0; i < n; i++) out[i] = a[i];
    int nkw = kw ? (int)as_tuple(kw)->n : 0;
    for (int i = 0; i < nkw; i++) {
        const char *key = str_cstr(as_tuple(kw)->items[i]);
        int j = 0;
        while (nm[j] && strcmp(nm[j], key)) j++;
        if (!nm[j]) {
            vm_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, key);
            return -1;
        }
        if (out[j]) {
            vm_raise(vm, vm->e_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, key, j + 1);
            return -1;
        }
        out[j] = a[n + i];
    }
    return 0;
}

static Value int_to_bytes(VM *vm, Value *a, int n, Value k) {
    SELF_CHECK("to_bytes");
    Value p[3];
    if (parse_bytes_args(vm, "to_bytes", "length", a + 1, n - 1, k, p) < 0) return VNULL;
    int64_t len = 1;
    if (p[0]) {
        Value l = int_index(vm, p[0]);
        if (!l) return VNULL;
        if (!int_to_i64(l, &len))
            return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
        if (len < 0) return vm_raise(vm, vm->e_ValueError, "length argument must be non-negative");
    }
    bool little, sig;
    if (parse_order(vm, "to_bytes", p[1], p[2], &little, &sig) < 0) return VNULL;
    uint8_t *buf = malloc(len ? (size_t)len : 1);
    if (!buf) return vm_nomem(vm);
    BigIntTmp t;
    int rc = bigint_to_bytes(int_view(a[0], &t), buf, (size_t)len, little, sig);
    Value r = VNULL;
    if (rc == BIGINT_BYTES_OVERFLOW) vm_raise(vm, vm->e_OverflowError, "int too big to convert");
    else if (rc == BIGINT_BYTES_NEGATIVE)
        vm_raise(vm, vm->e_OverflowError, "can't convert negative int to unsigned");
    else r = bytes_new(vm, buf, len);
    free(buf);
    return r;
}

static Value int_from_bytes(VM *vm, Value *a, int n, Value k) {
    Value cls = a[0];
    Value p[3];
    if (parse_bytes_args(vm, "from_bytes", "bytes", a + 1, n - 1, k, p) < 0) return VNULL;
    if (!p[0]) return vm_raise(vm, vm->e_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    bool little, sig;
    if (parse_order(vm, "from_bytes", p[1], p[2], &little, &sig) < 0) return VNULL;
    Value src = p[0];
    const uint8_t *data;
    int64_t len;
    uint8_t *own = NULL;
    if (isinst(vm, src, vm->t_bytes)) { data = ((Bytes *)src)->data; len = ((Bytes *)src)->n; }
    else if (isinst(vm, src, vm->t_bytearray)) { data = ((ByteArray *)src)->data; len = ((ByteArray *)src)->n; }
    else {
        if (isinst(vm, src, vm->t_str) || !type_lookup(vm, type_of(vm, src), vm->s___iter__))
            return vm_raise(vm, vm->e_TypeError, "cannot convert '%s' object to bytes", type_name(vm, src));
        Value l = vm_to_list(vm, src);
        if (!l) return VNULL;
        len = as_list(l)->n;
        own = malloc(len ? (size_t)len : 1);
        if (!own) return vm_nomem(vm);
        for (int64_t i = 0; i < len; i++) {
            int64_t b;
            if (vm_index(vm, as_list(l)->items[i], &b) < 0) { free(own); return VNULL; }
            if (b < 0 || b > 255) {
                free(own);
                return vm_raise(vm, vm->e_ValueError, "bytes must be in range(0, 256)");
            }
            own[i] = (uint8_t)b;
        }
        data = own;
    }
    int_bind(vm);
    Value r = int_from_bigres(vm, bigint_from_bytes(data ? data : (const uint8_t *)"", (size_t)len, little, sig));
    free(own);
    if (!r) return VNULL;
    if (cls != v_from_obj(vm->t_int)) return vm_call(vm, cls, &r, 1, VNULL);
    return r;
}

void int_methods_init(VM *vm) {
    Type *t = vm->t_int;
    type_add_static(vm, t, "__new__", int_new);
    type_add_method(vm, t, "__repr__", int_repr_m);
    type_add_method(vm, t, "__format__", int_format_m);
    type_add_method(vm, t, "__hash__", int_hash_m);
    type_add_method(vm, t, "__bool__", int_bool_m);
    static const struct { const char *name; NativeFn fn; } ops[] = {
        {"__add__", int_add}, {"__radd__", int_radd}, {"__sub__", int_sub}, {"__rsub__", int_rsub},
        {"__mul__", int_mul}, {"__rmul__", int_rmul}, {"__truediv__", int_truediv},
        {"__rtruediv__", int_rtruediv}, {"__floordiv__", int_floordiv},
        {"__rfloordiv__", int_rfloordiv}, {"__mod__", int_mod}, {"__rmod__", int_rmod},
        {"__lshift__", int_lshift}, {"__rlshift__", int_rlshift}, {"__rshift__", int_rshift},
        {"__rrshift__", int_rrshift}, {"__and__", int_and}, {"__rand__", int_rand},
        {"__or__", int_or}, {"__ror__", int_ror}, {"__xor__", int_xor}, {"__rxor__", int_rxor},
        {"__pow__", int_pow_m}, {"__rpow__", int_rpow_m}, {"__divmod__", int_divmod_m},
        {"__rdivmod__", int_rdivmod_m}, {"__eq__", int_eq}, {"__ne__", int_ne},
        {"__lt__", int_lt}, {"__le__", int_le}, {"__gt__", int_gt}, {"__ge__", int_ge},
        {"__neg__", int_neg_m}, {"__pos__", int_self_m}, {"__abs__", int_abs_m},
        {"__invert__", int_invert_m}, {"__int__", int_self_m}, {"__index__", int_self_m},
        {"__trunc__", int_self_m}, {"__floor__", int_self_m}, {"__ceil__", int_self_m},
        {"__float__", int_float_m}, {"__round__", int_round_m}, {"conjugate", int_self_m},
        {"__getnewargs__", int_getnewargs_m}, {"bit_length", int_bit_length},
        {"bit_count", int_bit_count}, {"as_integer_ratio", int_as_ratio},
        {"to_bytes", int_to_bytes},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) type_add_method(vm, t, ops[i].name, ops[i].fn);
    type_add_classmethod(vm, t, "from_bytes", int_from_bytes);
    type_add_property(vm, t, "real", int_self_m, NULL);
    type_add_property(vm, t, "imag", int_zero_m, NULL);
    type_add_property(vm, t, "numerator", int_self_m, NULL);
    type_add_property(vm, t, "denominator", int_one_m, NULL);

    type_add_static(vm, vm->t_bool, "__new__", bool_new);
    type_add_method(vm, vm->t_bool, "__repr__", bool_repr_m);
}
