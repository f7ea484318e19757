/* num_fallback.c — minimal weak definitions of the int/float layer (small ints and floats
 * only) so the interpreter links while vm/int.c and vm/float.c are being written; the full
 * definitions there override these at link time. Remove once they land. */
#include "vm/vm.h"
#include "vm/numfmt.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W __attribute__((weak))

static Value int_repr_m(VM *vm, Value *a, int n, Value k) { return int_to_str(vm, a[0], 10); }
static Value int_new_m(VM *vm, Value *a, int n, Value k) {
    if (n == 1) return v_from_int(0);
    Value x = a[1];
    if (v_is_int(x)) return x;
    if (isinst(vm, x, vm->t_str)) return int_parse(vm, str_cstr(x), as_str(x)->len, 10, x);
    if (isinst(vm, x, vm->t_float)) return int_from_double(vm, float_val(x));
    if (x == vm->true_) return v_from_int(1);
    if (x == vm->false_) return v_from_int(0);
    return vm_raise(vm, vm->e_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", type_name(vm, x));
}
static Value bool_repr_m(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, a[0] == vm->true_ ? "True" : "False"); }
static Value float_repr_m(VM *vm, Value *a, int n, Value k) { return float_repr(vm, float_val(a[0])); }

W void int_init(VM *vm) {
    vm->t_int = type_new_builtin(vm, "int", vm->t_object, sizeof(Obj) + 16, TF_BASETYPE);
    vm->t_bool = type_new_builtin(vm, "bool", vm->t_int, sizeof(Obj) + 16, 0);
    vm->true_ = v_from_obj(gc_alloc(vm, vm->t_bool, sizeof(Obj) + 16));
    vm->false_ = v_from_obj(gc_alloc(vm, vm->t_bool, sizeof(Obj) + 16));
    type_add_method(vm, vm->t_int, "__repr__", int_repr_m);
    type_add_static(vm, vm->t_int, "__new__", int_new_m);
    type_add_method(vm, vm->t_bool, "__repr__", bool_repr_m);
}
W void float_init(VM *vm) {
    vm->t_float = type_new_builtin(vm, "float", vm->t_object, sizeof(Float), TF_BASETYPE);
    type_add_method(vm, vm->t_float, "__repr__", float_repr_m);
}
W Value int_from_i64(VM *vm, int64_t i) {
    if (smallint_fits(i)) return v_from_int(i);
    return vm_raise(vm, vm->e_OverflowError, "integer too large (big ints not linked yet)");
}
W bool int_check(VM *vm, Value v) { return v_is_int(v) || v == vm->true_ || v == vm->false_; }
W int64_t int_hash(Value v) { int64_t h = v_is_int(v) ? v_int(v) : 0; return h == -1 ? -2 : h; }
W int int_sign(Value v) { int64_t x = v_int(v); return (x > 0) - (x < 0); }
W Value int_to_str(VM *vm, Value v, int base) {
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)(v_is_int(v) ? v_int(v) : v == vm->true_));
    return str_from_cstr(vm, buf);
}
W Value int_parse(VM *vm, const char *s, size_t n, int base, Value orig) {
    char *end;
    long long x = strtoll(s, &end, base);
    if (end == s) return vm_raise(vm, vm->e_ValueError, "invalid literal for int() with base %d: '%.*s'", base, (int)n, s);
    return int_from_i64(vm, x);
}
W Value int_from_double(VM *vm, double d) { return int_from_i64(vm, (int64_t)d); }
static int64_t iv(VM *vm, Value v) { return v_is_int(v) ? v_int(v) : v == vm->true_; }
W Value int_binop(VM *vm, int op, Value a, Value b) {
    int64_t x = iv(vm, a), y = iv(vm, b);
    switch (op) {
    case OP_ADD: return int_from_i64(vm, x + y);
    case OP_SUB: return int_from_i64(vm, x - y);
    case OP_MULT: return int_from_i64(vm, x * y);
    case OP_FLOORDIV: case OP_MOD: {
        if (!y) return vm_raise(vm, vm->e_ZeroDivisionError, op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
        int64_t q = x / y, r = x % y;
        if (r && ((r < 0) != (y < 0))) { q--; r += y; }
        return int_from_i64(vm, op == OP_MOD ? r : q);
    }
    case OP_DIV: if (!y) return vm_raise(vm, vm->e_ZeroDivisionError, "division by zero"); return float_new(vm, (double)x / (double)y);
    case OP_POW: { if (y < 0) return float_new(vm, pow((double)x, (double)y)); int64_t r = 1; for (int64_t i = 0; i < y; i++) r *= x; return int_from_i64(vm, r); }
    case OP_LSHIFT: return int_from_i64(vm, x << y);
    case OP_RSHIFT: return int_from_i64(vm, x >> y);
    case OP_BITAND: return int_from_i64(vm, x & y);
    case OP_BITOR: return int_from_i64(vm, x | y);
    case OP_BITXOR: return int_from_i64(vm, x ^ y);
    }
    return vm->notimpl;
}
W Value float_new(VM *vm, double d) {
    Float *f = gc_alloc(vm, vm->t_float, sizeof(Float));
    if (!f) return VNULL;
    f->v = d;
    return v_from_obj(f);
}
W Value float_repr(VM *vm, double d) {
    StrBuf sb; sb_init(&sb);
    numfmt_float_repr(d, &sb);
    Value r = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return r;
}
W int vm_to_double(VM *vm, Value v, double *out) {
    if (int_check(vm, v)) { *out = (double)iv(vm, v); return 0; }
    if (isinst(vm, v, vm->t_float)) { *out = float_val(v); return 0; }
    vm_raise(vm, vm->e_TypeError, "must be real number, not %s", type_name(vm, v));
    return -1;
}
W Value float_binop(VM *vm, int op, Value a, Value b) {
    double x, y;
    if (vm_to_double(vm, a, &x) < 0 || vm_to_double(vm, b, &y) < 0) { vm_clear_exc(vm); return vm->notimpl; }
    switch (op) {
    case OP_ADD: return float_new(vm, x + y);
    case OP_SUB: return float_new(vm, x - y);
    case OP_MULT: return float_new(vm, x * y);
    case OP_DIV: if (y == 0) return vm_raise(vm, vm->e_ZeroDivisionError, "float division by zero"); return float_new(vm, x / y);
    case OP_POW: return float_new(vm, pow(x, y));
    }
    return vm->notimpl;
}
