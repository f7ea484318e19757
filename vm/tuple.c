/* tuple.c — the tuple type: creation helpers used all over the VM, CPython's xxHash-based tuple
 * hash, and the Python-level methods. Also seq_repr, the "[a, b]" / "(a, b)" formatter. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/strbuf.h"
#include "lang/ast.h"
#include <stdarg.h>
#include <string.h>

static void tuple_trace(GC *gc, Obj *o) {
    Tuple *t = (Tuple *)o;
    gc_mark_array(gc, t->items, (size_t)t->n);
}

static Value alloc_tuple(VM *vm, Type *cls, int64_t n) {
    if (n < 0 || n > ((int64_t)1 << 40)) return vm_nomem(vm);
    Tuple *t = gc_alloc(vm, cls, sizeof(Tuple) + (size_t)n * sizeof(Value) + var_dict_extra(cls));
    if (!t) return VNULL;
    t->n = n;
    for (int64_t i = 0; i < n; i++) t->items[i] = vm->none;
    return v_from_obj(t);
}

Value tuple_new(VM *vm, int64_t n) {
    if (n == 0 && vm->empty_tuple) return vm->empty_tuple;
    return alloc_tuple(vm, vm->t_tuple, n);
}

Value tuple_pack(VM *vm, int n, ...) {
    Value t = tuple_new(vm, n);
    if (!t) return VNULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) as_tuple(t)->items[i] = va_arg(ap, Value);
    va_end(ap);
    return t;
}

Value tuple_from_array(VM *vm, const Value *items, int64_t n) {
    Value t = tuple_new(vm, n);
    if (!t) return VNULL;
    if (n) memcpy(as_tuple(t)->items, items, (size_t)n * sizeof(Value));
    return t;
}

Value seq_repr(VM *vm, const char *open, const char *close, Value *items, int64_t n) {
    StrBuf b;
    sb_init(&b);
    sb_adds(&b, open);
    for (int64_t i = 0; i < n; i++) {
        Value r = vm_repr(vm, items[i]);
        if (!r) { sb_free(&b); return VNULL; }
        if (i) sb_adds(&b, ", ");
        sb_add(&b, as_str(r)->data, (size_t)as_str(r)->len);
    }
    sb_adds(&b, close);
    Value s = str_new(vm, b.data, b.len);
    sb_free(&b);
    return s;
}

Value tuple_repr(VM *vm, Value tv) {
    Tuple *t = as_tuple(tv);
    if (t->n == 0) return str_from_cstr(vm, "()");
    if (vm_repr_enter(vm, tv)) return str_from_cstr(vm, "(...)");
    Value r = seq_repr(vm, "(", t->n == 1 ? ",)" : ")", t->items, t->n);
    vm_repr_leave(vm, tv);
    return r;
}

/* CPython 3.11's tuple hash (xxHash64 lanes), so hash((1, 2)) matches when item hashes do. */
int tuple_hash(VM *vm, Value tv, int64_t *out) {
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P5 = 2870177450012600261ULL;
    Tuple *t = as_tuple(tv);
    uint64_t acc = P5;
    for (int64_t i = 0; i < t->n; i++) {
        int64_t h;
        if (vm_hash(vm, t->items[i], &h) < 0) return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)t->n ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) acc = 1546275796;
    *out = (int64_t)acc;
    return 0;
}

Value tuple_concat(VM *vm, Value a, Value b) {
    Tuple *x = as_tuple(a), *y = as_tuple(b);
    if (y->n == 0 && ((Obj *)a)->type == vm->t_tuple) return a;
    if (x->n == 0 && ((Obj *)b)->type == vm->t_tuple) return b;
    Value r = tuple_new(vm, x->n + y->n);
    if (!r) return VNULL;
    memcpy(as_tuple(r)->items, x->items, (size_t)x->n * sizeof(Value));
    memcpy(as_tuple(r)->items + x->n, y->items, (size_t)y->n * sizeof(Value));
    return r;
}

int tuple_contains(VM *vm, Value tv, Value v) {
    Tuple *t = as_tuple(tv);
    for (int64_t i = 0; i < t->n; i++) {
        int r = vm_eq(vm, t->items[i], v);
        if (r) return r;
    }
    return 0;
}

Value tuple_getitem(VM *vm, Value tv, Value key) {
    Tuple *t = as_tuple(tv);
    if (v_is_int(key)) {
        int64_t i = v_int(key);
        if (i < 0) i += t->n;
        if (i < 0 || i >= t->n) return vm_raise(vm, vm->e_IndexError, "tuple index out of range");
        return t->items[i];
    }
    if (v_is_obj(key) && ((Obj *)key)->type == vm->t_slice) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, key, t->n, &start, &stop, &step, &n)) return VNULL;
        if (step == 1 && n == t->n && ((Obj *)tv)->type == vm->t_tuple) return tv;
        Value r = tuple_new(vm, n);
        if (!r) return VNULL;
        for (int64_t i = 0, j = start; i < n; i++, j += step) as_tuple(r)->items[i] = t->items[j];
        return r;
    }
    if (int_check(vm, key) || type_lookup(vm, type_of(vm, key), vm->s___index__)) {
        int64_t i;
        if (vm_index(vm, key, &i) < 0) {
            if (vm_exc_is(vm, vm->e_OverflowError)) {
                vm_clear_exc(vm);
                return vm_raise(vm, vm->e_IndexError, "cannot fit 'int' into an index-sized integer");
            }
            return VNULL;
        }
        return tuple_getitem(vm, tv, v_from_int(i));
    }
    return vm_raise(vm, vm->e_TypeError, "tuple indices must be integers or slices, not %s",
                    type_name(vm, key));
}

/* ---- Python-level methods ---- */

static bool is_tuple(VM *vm, Value v) { return v_is_obj(v) && isinst(vm, v, vm->t_tuple); }

static int check_n(VM *vm, const char *name, int nargs, Value kwnames, int want) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs - 1 != want) {
        if (want == 0)
            vm_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs - 1);
        else
            vm_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs - 1);
        return -1;
    }
    return 0;
}

static Value t_new(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *cls = (Type *)args[0];
    if (kwnames && as_tuple(kwnames)->n)
        return vm_raise(vm, vm->e_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 2)
        return vm_raise(vm, vm->e_TypeError, "tuple expected at most 1 argument, got %d", nargs - 1);
    Value src = nargs == 2 ? args[1] : vm->empty_tuple;
    if (cls == vm->t_tuple) {
        if (v_is_obj(src) && ((Obj *)src)->type == vm->t_tuple) return src;
        return vm_to_tuple(vm, src);
    }
    Value items = vm_to_tuple(vm, src);
    if (!items) return VNULL;
    Value r = alloc_tuple(vm, cls, as_tuple(items)->n);
    if (!r) return VNULL;
    memcpy(as_tuple(r)->items, as_tuple(items)->items, (size_t)as_tuple(items)->n * sizeof(Value));
    return r;
}

static Value t_len(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__len__", nargs, kwnames, 0) < 0) return VNULL;
    return v_from_int(as_tuple(args[0])->n);
}

static Value t_getitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__getitem__", nargs, kwnames, 1) < 0) return VNULL;
    return tuple_getitem(vm, args[0], args[1]);
}

static Value t_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__contains__", nargs, kwnames, 1) < 0) return VNULL;
    int r = tuple_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value t_iter(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__iter__", nargs, kwnames, 0) < 0) return VNULL;
    return tuple_iter_new(vm, args[0]);
}

static Value t_hash(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__hash__", nargs, kwnames, 0) < 0) return VNULL;
    int64_t h;
    if (tuple_hash(vm, args[0], &h) < 0) return VNULL;
    return int_from_i64(vm, h);
}

static Value t_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__repr__", nargs, kwnames, 0) < 0) return VNULL;
    return tuple_repr(vm, args[0]);
}

static Value t_add(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__add__", nargs, kwnames, 1) < 0) return VNULL;
    if (!is_tuple(vm, args[1])) {
        Type *ot = type_of(vm, args[1]);
        if ((ot->flags & TF_HEAPTYPE) && type_lookup(vm, ot, vm->binop_names[1][OP_ADD]))
            return vm->notimpl;
        return vm_raise(vm, vm->e_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                        type_name(vm, args[1]));
    }
    return tuple_concat(vm, args[0], args[1]);
}

/* Shared with list.c through the repeat count rules: n from an __index__ object, negatives 0. */
static Value t_mul(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.__mul__", nargs, kwnames, 1) < 0) return VNULL;
    Value other = args[1];
    Type *ot = type_of(vm, other);
    if (!int_check(vm, other) && !type_lookup(vm, ot, vm->s___index__)) {
        if ((ot->flags & TF_HEAPTYPE) && type_lookup(vm, ot, vm->binop_names[1][OP_MULT]))
            return vm->notimpl;
        return vm_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'",
                        ot->name);
    }
    int64_t n;
    if (vm_index(vm, other, &n) < 0) return VNULL;
    Tuple *t = as_tuple(args[0]);
    if (n <= 0 || t->n == 0) return tuple_new(vm, 0);
    if (n == 1 && ((Obj *)args[0])->type == vm->t_tuple) return args[0];
    if (t->n > ((int64_t)1 << 40) / n) return vm_nomem(vm);
    Value r = tuple_new(vm, t->n * n);
    if (!r) return VNULL;
    for (int64_t k = 0; k < n; k++)
        memcpy(as_tuple(r)->items + k * t->n, t->items, (size_t)t->n * sizeof(Value));
    return r;
}

static Value t_index(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "index", nargs - 1, kwnames, 1, 3) < 0) return VNULL;
    Tuple *t = as_tuple(args[0]);
    int64_t start = 0, stop = t->n;
    if (nargs > 2 && vm_index(vm, args[2], &start) < 0) return VNULL;
    if (nargs > 3 && vm_index(vm, args[3], &stop) < 0) return VNULL;
    if (start < 0) { start += t->n; if (start < 0) start = 0; }
    if (stop < 0) { stop += t->n; if (stop < 0) stop = 0; }
    for (int64_t i = start; i < stop && i < t->n; i++) {
        int r = vm_eq(vm, t->items[i], args[1]);
        if (r < 0) return VNULL;
        if (r) return v_from_int(i);
    }
    return vm_raise(vm, vm->e_ValueError, "tuple.index(x): x not in tuple");
}

static Value t_count(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "tuple.count", nargs, kwnames, 1) < 0) return VNULL;
    Tuple *t = as_tuple(args[0]);
    int64_t c = 0;
    for (int64_t i = 0; i < t->n; i++) {
        int r = vm_eq(vm, t->items[i], args[1]);
        if (r < 0) return VNULL;
        c += r;
    }
    return v_from_int(c);
}

#define CMP_METHOD(fname, op)                                                    \
    static Value fname(VM *vm, Value *args, int nargs, Value kwnames) {         \
        if (check_n(vm, "tuple.cmp", nargs, kwnames, 1) < 0) return VNULL;      \
        if (!is_tuple(vm, args[1])) return vm->notimpl;                         \
        return seq_richcompare(vm, args[0], args[1], op);                       \
    }
CMP_METHOD(t_eq, CMP_EQ)
CMP_METHOD(t_ne, CMP_NOTEQ)
CMP_METHOD(t_lt, CMP_LT)
CMP_METHOD(t_le, CMP_LTE)
CMP_METHOD(t_gt, CMP_GT)
CMP_METHOD(t_ge, CMP_GTE)

void tuple_init(VM *vm) {
    Type *t = type_new_builtin(vm, "tuple", vm->t_object, sizeof(Tuple), TF_BASETYPE);
    t->trace = tuple_trace;
    vm->t_tuple = t;
}

void tuple_methods_init(VM *vm) {
    Type *t = vm->t_tuple;
    type_add_static(vm, t, "__new__", t_new);
    type_add_method(vm, t, "__len__", t_len);
    type_add_method(vm, t, "__getitem__", t_getitem);
    type_add_method(vm, t, "__contains__", t_contains);
    type_add_method(vm, t, "__iter__", t_iter);
    type_add_method(vm, t, "__hash__", t_hash);
    type_add_method(vm, t, "__repr__", t_repr);
    type_add_method(vm, t, "__add__", t_add);
    type_add_method(vm, t, "__mul__", t_mul);
    type_add_method(vm, t, "__rmul__", t_mul);
    type_add_method(vm, t, "index", t_index);
    type_add_method(vm, t, "count", t_count);
    type_add_method(vm, t, "__eq__", t_eq);
    type_add_method(vm, t, "__ne__", t_ne);
    type_add_method(vm, t, "__lt__", t_lt);
    type_add_method(vm, t, "__le__", t_le);
    type_add_method(vm, t, "__gt__", t_gt);
    type_add_method(vm, t, "__ge__", t_ge);
}
