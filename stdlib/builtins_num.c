/* builtins_num.c — the numeric and character builtins: abs, round, divmod, pow, chr, ord, hex,
 * oct, bin and format. Each delegates to the operand's dunder (__abs__, __round__, __divmod__,
 * __pow__, __index__, __format__) the way CPython's abstract layer does, so script classes and
 * built-in numbers go through one path; error messages are CPython 3.11's. */
#include "vm/vm.h"
#include "vm/interp.h"
#include "vm/numobj.h"
#include <string.h>

/* The number layer (vm/int*.c) may not be linked into every build yet: reference its entry
 * points weakly and fall back to the generic protocol when they are absent. */
#pragma weak int_pow3
#pragma weak float_divmod

void builtins_num_init(VM *vm, Value m);

static bool is_int(VM *vm, Value v) { return int_check(vm, v) || isinst(vm, v, vm->t_int); }
static bool is_float(VM *vm, Value v) { return isinst(vm, v, vm->t_float); }

static Value bi_abs(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "abs", n, k, 1, 1) < 0) return VNULL;
    if (v_is_int(a[0])) {
        int64_t x = v_int(a[0]);
        return int_from_i64(vm, x < 0 ? -x : x);
    }
    if (type_of(vm, a[0]) == vm->t_bool) return v_from_int(a[0] == vm->true_);
    bool found;
    Value r = vm_call_dunder(vm, a[0], vm->s___abs__, NULL, 0, &found);
    if (!found) return vm_raise(vm, vm->e_TypeError, "bad operand type for abs(): '%s'", type_name(vm, a[0]));
    return r;
}

static Value bi_round(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "number", "ndigits", NULL };
    Value o[2];
    if (vm_parse_args(vm, "round", a, n, k, names, 1, 0, o) < 0) return VNULL;
    if (!o[1] || o[1] == vm->none) {
        if (v_is_int(o[0])) return o[0];
        if (type_of(vm, o[0]) == vm->t_bool) return v_from_int(o[0] == vm->true_);
    }
    bool found;
    Value r;
    if (!o[1] || o[1] == vm->none) r = vm_call_dunder(vm, o[0], vm->s___round__, NULL, 0, &found);
    else r = vm_call_dunder(vm, o[0], vm->s___round__, &o[1], 1, &found);
    if (!found) return vm_raise(vm, vm->e_TypeError, "type %s doesn't define __round__ method", type_name(vm, o[0]));
    return r;
}

/* Binary dunder dispatch with CPython's ordering: the right operand's reflected method goes
 * first when its type is a proper subclass of the left's; NotImplemented means "try the other".
 * Returns vm->notimpl when neither side handles the pair. */
static Value binary_dunder(VM *vm, Value x, Value y, const char *name, const char *rname) {
    Type *tx = type_of(vm, x), *ty = type_of(vm, y);
    Value nm = str_intern_cstr(vm, name), rnm = str_intern_cstr(vm, rname);
    bool found;
    bool right_first = tx != ty && type_is_subtype(ty, tx) && type_lookup(vm, ty, rnm);
    if (right_first) {
        Value r = vm_call_dunder(vm, y, rnm, &x, 1, &found);
        if (!r || r != vm->notimpl) return r;
    }
    Value r = vm_call_dunder(vm, x, nm, &y, 1, &found);
    if (found && (!r || r != vm->notimpl)) return r;
    if (tx != ty && !right_first) {
        r = vm_call_dunder(vm, y, rnm, &x, 1, &found);
        if (found && (!r || r != vm->notimpl)) return r;
    }
    return vm->notimpl;
}

/* divmod of two built-in numbers when the number layer has no __divmod__ for them. */
static Value num_divmod(VM *vm, Value x, Value y) {
    if (is_float(vm, x) || is_float(vm, y)) {
        double d;
        if (vm_to_double(vm, y, &d) < 0) return VNULL;
        if (d == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float divmod()");
        if (float_divmod) return float_divmod(vm, x, y);
    }
    Value q = vm_binop(vm, OP_FLOORDIV, x, y);
    if (!q) return VNULL;
    Value r = vm_binop(vm, OP_MOD, x, y);
    if (!r) return VNULL;
    return tuple_pack(vm, 2, q, r);
}

static Value bi_divmod(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "divmod", n, k, 2, 2) < 0) return VNULL;
    Value x = a[0], y = a[1];
    if (v_is_int(x) && v_is_int(y)) {
        int64_t p = v_int(x), q = v_int(y);
        if (q == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
        int64_t d = p / q, m = p % q;
        if (m && ((m < 0) != (q < 0))) { m += q; d--; }
        return tuple_pack(vm, 2, int_from_i64(vm, d), int_from_i64(vm, m));
    }
    Value r = binary_dunder(vm, x, y, "__divmod__", "__rdivmod__");
    if (r != vm->notimpl) return r;
    bool xn = is_int(vm, x) || is_float(vm, x), yn = is_int(vm, y) || is_float(vm, y);
    if (xn && yn) return num_divmod(vm, x, y);
    return vm_raise(vm, vm->e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                    type_name(vm, x), type_name(vm, y));
}

/* (b ** e) % m for small ints, used only when the number layer's int_pow3 is not linked. */
static Value small_pow3(VM *vm, Value bv, Value ev, Value mv) {
    if (!v_is_int(bv) || !v_is_int(ev) || !v_is_int(mv))
        return vm_raise(vm, vm->e_OverflowError, "pow() with big ints needs the number layer");
    int64_t b = v_int(bv), e = v_int(ev), m = v_int(mv);
    if (m == 0) return vm_raise(vm, vm->e_ValueError, "pow() 3rd argument cannot be 0");
    bool neg = m < 0;
    __int128 mod = neg ? -(__int128)m : m;
    __int128 base = b % mod;
    if (base < 0) base += mod;
    if (e < 0) {   /* modular inverse by the extended Euclidean algorithm */
        __int128 r0 = mod, r1 = base, t0 = 0, t1 = 1;
        while (r1) {
            __int128 q = r0 / r1, t;
            t = r0 - q * r1; r0 = r1; r1 = t;
            t = t0 - q * t1; t0 = t1; t1 = t;
        }
        if (r0 != 1) return vm_raise(vm, vm->e_ValueError, "base is not invertible for the given modulus");
        base = t0 < 0 ? t0 + mod : t0;
        e = -e;
    }
    __int128 r = 1 % mod;
    while (e) {
        if (e & 1) r = r * base % mod;
        base = base * base % mod;
        e >>= 1;
    }
    if (neg && r) r -= mod;
    return int_from_i64(vm, (int64_t)r);
}

static Value bi_pow(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "base", "exp", "mod", NULL };
    Value o[3];
    if (vm_parse_args(vm, "pow", a, n, k, names, 2, 0, o) < 0) return VNULL;
    if (!o[2] || o[2] == vm->none) return vm_binop(vm, OP_POW, o[0], o[1]);
    Value b = o[0], e = o[1], m = o[2];
    /* Three-argument pow never uses __rpow__: a script class's own __pow__ is asked first, then
     * the built-in numbers' rule (ints compute, floats refuse a modulus). */
    Value pw = STR(vm, "__pow__");
    Type *tb = type_of(vm, b);
    Value f = type_lookup(vm, tb, pw);
    bool builtin_pow = !(tb->flags & TF_HEAPTYPE) || !f || f == type_lookup(vm, vm->t_int, pw)
                       || f == type_lookup(vm, vm->t_float, pw);
    if (!builtin_pow) {
        Value args[2] = { e, m };
        Value r = vm_call_dunder(vm, b, pw, args, 2, NULL);
        if (!r || r != vm->notimpl) return r;
    } else if (is_int(vm, b) && is_int(vm, e) && is_int(vm, m)) {
        return int_pow3 ? int_pow3(vm, b, e, m) : small_pow3(vm, b, e, m);
    }
    bool bn = is_int(vm, b) || is_float(vm, b), en = is_int(vm, e) || is_float(vm, e), mn = is_int(vm, m) || is_float(vm, m);
    if (bn && en && mn)
        return vm_raise(vm, vm->e_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return vm_raise(vm, vm->e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    type_name(vm, b), type_name(vm, e), type_name(vm, m));
}

static Value bi_chr(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "chr", n, k, 1, 1) < 0) return VNULL;
    int64_t i;
    if (is_int(vm, a[0]) && !v_is_int(a[0]) && type_of(vm, a[0]) != vm->t_bool && type_of(vm, a[0]) == vm->t_int)
        return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
    if (vm_index(vm, a[0], &i) < 0) {
        if (vm_exc_is(vm, vm->e_OverflowError)) {
            vm_clear_exc(vm);
            return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
        }
        return VNULL;
    }
    if (i > INT32_MAX || i < INT32_MIN) return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
    if (i < 0 || i > 0x10FFFF) return vm_raise(vm, vm->e_ValueError, "chr() arg not in range(0x110000)");
    if (i < 128) return vm->small_strs[i];
    return str_from_codepoint(vm, (uint32_t)i);
}

static Value bi_ord(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "ord", n, k, 1, 1) < 0) return VNULL;
    Value c = a[0];
    int64_t len;
    if (isinst(vm, c, vm->t_str)) {
        Str *s = as_str(c);
        if (s->cplen == 1) { int l; return v_from_int(utf8_decode(s->data, &l)); }
        len = s->cplen;
    } else if (isinst(vm, c, vm->t_bytes)) {
        Bytes *b = (Bytes *)c;
        if (b->n == 1) return v_from_int(b->data[0]);
        len = b->n;
    } else if (isinst(vm, c, vm->t_bytearray)) {
        ByteArray *b = (ByteArray *)c;
        if (b->n == 1) return v_from_int(b->data[0]);
        len = b->n;
    } else {
        return vm_raise(vm, vm->e_TypeError, "ord() expected string of length 1, but %s found", type_name(vm, c));
    }
    return vm_raise(vm, vm->e_TypeError, "ord() expected a character, but string of length %lld found", (long long)len);
}

/* hex/oct/bin: the operand's __index__ value, in `base`, with CPython's 0x/0o/0b prefix after
 * the sign. int_to_str may or may not add the prefix itself; accept both. */
static Value radix_str(VM *vm, Value *a, int n, Value k, const char *fname, int base, const char *prefix) {
    if (vm_check_args(vm, fname, n, k, 1, 1) < 0) return VNULL;
    Value v = a[0];
    if (!is_int(vm, v)) {
        bool found;
        Value r = vm_call_dunder(vm, v, vm->s___index__, NULL, 0, &found);
        if (!found) return vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, v));
        if (!r) return VNULL;
        if (!is_int(vm, r)) return vm_raise(vm, vm->e_TypeError, "__index__ returned non-int (type %s)", type_name(vm, r));
        v = r;
    }
    if (type_of(vm, v) == vm->t_bool) v = v_from_int(v == vm->true_);
    if (v_is_int(v)) {
        int64_t x = v_int(v);
        uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
        char buf[80], *p = buf + sizeof buf;
        *--p = 0;
        do { *--p = "0123456789abcdef"[u % (unsigned)base]; u /= (unsigned)base; } while (u);
        p -= 2; memcpy(p, prefix, 2);
        if (x < 0) *--p = '-';
        return str_from_cstr(vm, p);
    }
    Value s = int_to_str(vm, v, base);
    if (!s) return VNULL;
    const char *p = as_str(s)->data;
    bool neg = *p == '-';
    if (neg) p++;
    if (p[0] == '0' && p[1] == prefix[1]) return s;
    return str_printf(vm, "%s%s%s", neg ? "-" : "", prefix, p);
}
static Value bi_hex(VM *vm, Value *a, int n, Value k) { return radix_str(vm, a, n, k, "hex", 16, "0x"); }
static Value bi_oct(VM *vm, Value *a, int n, Value k) { return radix_str(vm, a, n, k, "oct", 8, "0o"); }
static Value bi_bin(VM *vm, Value *a, int n, Value k) { return radix_str(vm, a, n, k, "bin", 2, "0b"); }

static Value bi_format(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "format", n, k, 1, 2) < 0) return VNULL;
    Value spec = n > 1 ? a[1] : vm->empty_str;
    if (!isinst(vm, spec, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "format() argument 2 must be str, not %s", type_name(vm, spec));
    return vm_format(vm, a[0], spec);
}

void builtins_num_init(VM *vm, Value m) {
    module_add_fn(vm, m, "abs", bi_abs);
    module_add_fn(vm, m, "round", bi_round);
    module_add_fn(vm, m, "divmod", bi_divmod);
    module_add_fn(vm, m, "pow", bi_pow);
    module_add_fn(vm, m, "chr", bi_chr);
    module_add_fn(vm, m, "ord", bi_ord);
    module_add_fn(vm, m, "hex", bi_hex);
    module_add_fn(vm, m, "oct", bi_oct);
    module_add_fn(vm, m, "bin", bi_bin);
    module_add_fn(vm, m, "format", bi_format);
}
