/* range.c — range objects (64-bit bounds) and slice objects, including slice_indices(), the
 * index clamping every sequence's __getitem__ uses (CPython's PySlice_Unpack +
 * PySlice_AdjustIndices). The range iterator is in vm/iterobjs.c. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "lang/ast.h"
#include <string.h>

/* ---- slices ---- */

static void slice_trace(GC *gc, Obj *o) {
    Slice *s = (Slice *)o;
    gc_mark(gc, s->start); gc_mark(gc, s->stop); gc_mark(gc, s->step);
}

Value slice_new(VM *vm, Value start, Value stop, Value step) {
    Slice *s = gc_alloc(vm, vm->t_slice, sizeof(Slice));
    if (!s) return VNULL;
    s->start = start; s->stop = stop; s->step = step;
    return v_from_obj(s);
}

/* A slice bound: None -> dflt; ints clamp to the int64 range like CPython's ssize_t clamp. */
static int slice_bound(VM *vm, Value v, int64_t dflt, int64_t *out) {
    if (v == vm->none) { *out = dflt; return 0; }
    if (v_is_int(v)) { *out = v_int(v); return 0; }
    if (!int_check(vm, v) && !type_lookup(vm, type_of(vm, v), vm->s___index__)) {
        vm_raise(vm, vm->e_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    if (vm_index(vm, v, out) < 0) {
        if (!vm_exc_is(vm, vm->e_OverflowError)) return -1;
        vm_clear_exc(vm);
        *out = int_sign(v) < 0 ? -INT64_MAX : INT64_MAX;
    }
    return 0;
}

Value slice_indices(VM *vm, Value sv, int64_t len, int64_t *startp, int64_t *stopp, int64_t *stepp,
                    int64_t *slicelen) {
    Slice *s = (Slice *)sv;
    int64_t start, stop, step;
    if (slice_bound(vm, s->step, 1, &step) < 0) return VNULL;
    if (step == 0) return vm_raise(vm, vm->e_ValueError, "slice step cannot be zero");
    if (step < -INT64_MAX) step = -INT64_MAX;
    if (slice_bound(vm, s->start, step < 0 ? INT64_MAX : 0, &start) < 0) return VNULL;
    if (slice_bound(vm, s->stop, step < 0 ? INT64_MIN : INT64_MAX, &stop) < 0) return VNULL;
    if (start < 0) { start += len; if (start < 0) start = step < 0 ? -1 : 0; }
    else if (start >= len) start = step < 0 ? len - 1 : len;
    if (stop < 0) { stop = stop == INT64_MIN ? -1 : stop + len; if (stop < 0) stop = step < 0 ? -1 : 0; }
    else if (stop >= len) stop = step < 0 ? len - 1 : len;
    int64_t n = 0;
    if (step < 0) { if (stop < start) n = (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-step) + 1); }
    else if (start < stop) n = (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    *startp = start; *stopp = stop; *stepp = step; *slicelen = n;
    return vm->none;
}

static Value sl_new(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "slice() takes no keyword arguments");
    int n = nargs - 1;
    if (n < 1) return vm_raise(vm, vm->e_TypeError, "slice expected at least 1 argument, got %d", n);
    if (n > 3) return vm_raise(vm, vm->e_TypeError, "slice expected at most 3 arguments, got %d", n);
    if (n == 1) return slice_new(vm, vm->none, args[1], vm->none);
    return slice_new(vm, args[1], args[2], n == 3 ? args[3] : vm->none);
}

static Value sl_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    Slice *s = (Slice *)args[0];
    Value a = vm_repr(vm, s->start), b = a ? vm_repr(vm, s->stop) : VNULL, c = b ? vm_repr(vm, s->step) : VNULL;
    if (!c) return VNULL;
    return str_printf(vm, "slice(%s, %s, %s)", str_cstr(a), str_cstr(b), str_cstr(c));
}

static Value sl_start(VM *vm, Value *args, int nargs, Value kwnames) { return ((Slice *)args[0])->start; }
static Value sl_stop(VM *vm, Value *args, int nargs, Value kwnames) { return ((Slice *)args[0])->stop; }
static Value sl_step(VM *vm, Value *args, int nargs, Value kwnames) { return ((Slice *)args[0])->step; }

static Value sl_indices(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "indices", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    int64_t len, start, stop, step, n;
    if (vm_index(vm, args[1], &len) < 0) return VNULL;
    if (len < 0) return vm_raise(vm, vm->e_ValueError, "length should not be negative");
    if (!slice_indices(vm, args[0], len, &start, &stop, &step, &n)) return VNULL;
    return tuple_pack(vm, 3, v_from_int(start), v_from_int(stop), v_from_int(step));
}

static Value slice_as_tuple(VM *vm, Value v) {
    Slice *s = (Slice *)v;
    return tuple_pack(vm, 3, s->start, s->stop, s->step);
}

static Value sl_cmp(VM *vm, Value *args, int op) {
    if (!v_is_obj(args[1]) || ((Obj *)args[1])->type != vm->t_slice) return vm->notimpl;
    Value a = slice_as_tuple(vm, args[0]), b = a ? slice_as_tuple(vm, args[1]) : VNULL;
    if (!b) return VNULL;
    return seq_richcompare(vm, a, b, op);
}
static Value sl_eq(VM *vm, Value *args, int nargs, Value kwnames) { return sl_cmp(vm, args, CMP_EQ); }
static Value sl_ne(VM *vm, Value *args, int nargs, Value kwnames) { return sl_cmp(vm, args, CMP_NOTEQ); }

/* ---- ranges ---- */

static int64_t range_len(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    if (step < 0 && start > stop) return (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1);
    return 0;
}

static Value range_alloc(VM *vm, Type *t, int64_t start, int64_t stop, int64_t step) {
    Range *r = gc_alloc(vm, t, sizeof(Range));
    if (!r) return VNULL;
    r->start = start; r->stop = stop; r->step = step;
    r->len = range_len(start, stop, step);
    return v_from_obj(r);
}

Value range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
    return range_alloc(vm, vm->t_range, start, stop, step);
}

static int range_arg(VM *vm, Value v, int64_t *out) {
    if (v_is_int(v)) { *out = v_int(v); return 0; }
    return vm_index(vm, v, out);
}

static Value r_new(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "range() takes no keyword arguments");
    int n = nargs - 1;
    if (n < 1) return vm_raise(vm, vm->e_TypeError, "range expected at least 1 argument, got %d", n);
    if (n > 3) return vm_raise(vm, vm->e_TypeError, "range expected at most 3 arguments, got %d", n);
    int64_t start = 0, stop, step = 1;
    if (n == 1) {
        if (range_arg(vm, args[1], &stop) < 0) return VNULL;
    } else {
        if (range_arg(vm, args[1], &start) < 0 || range_arg(vm, args[2], &stop) < 0) return VNULL;
        if (n == 3) {
            if (range_arg(vm, args[3], &step) < 0) return VNULL;
            if (step == 0) return vm_raise(vm, vm->e_ValueError, "range() arg 3 must not be zero");
        }
    }
    return range_alloc(vm, (Type *)args[0], start, stop, step);
}

#define R ((Range *)args[0])

static Value r_len(VM *vm, Value *args, int nargs, Value kwnames) { return v_from_int(R->len); }
static Value r_bool(VM *vm, Value *args, int nargs, Value kwnames) { return vm_bool(vm, R->len != 0); }
static Value r_start(VM *vm, Value *args, int nargs, Value kwnames) { return v_from_int(R->start); }
static Value r_stop(VM *vm, Value *args, int nargs, Value kwnames) { return v_from_int(R->stop); }
static Value r_step(VM *vm, Value *args, int nargs, Value kwnames) { return v_from_int(R->step); }

static Value r_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    if (R->step == 1) return str_printf(vm, "range(%lld, %lld)", (long long)R->start, (long long)R->stop);
    return str_printf(vm, "range(%lld, %lld, %lld)", (long long)R->start, (long long)R->stop, (long long)R->step);
}

static Value r_getitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__getitem__", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    Range *r = R;
    Value key = args[1];
    if (v_is_obj(key) && ((Obj *)key)->type == vm->t_slice) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, key, r->len, &start, &stop, &step, &n)) return VNULL;
        int64_t nstart = r->start + start * r->step, nstep = r->step * step;
        Value res = range_new(vm, nstart, r->start + stop * r->step, nstep);
        if (res) ((Range *)res)->len = n;
        return res;
    }
    if (!int_check(vm, key) && !type_lookup(vm, type_of(vm, key), vm->s___index__))
        return vm_raise(vm, vm->e_TypeError, "range indices must be integers or slices, not %s", type_name(vm, key));
    int64_t i;
    if (range_arg(vm, key, &i) < 0) return VNULL;
    if (i < 0) i += r->len;
    if (i < 0 || i >= r->len) return vm_raise(vm, vm->e_IndexError, "range object index out of range");
    return int_from_i64(vm, r->start + i * r->step);
}

/* Position of int value x in r, or -1. */
static int64_t range_pos(Range *r, int64_t x) {
    if (r->len == 0) return -1;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
    int64_t d = x - r->start;
    if (d % r->step) return -1;
    return d / r->step;
}

/* 1/0 for exact ints (O(1)), 2 when x must be compared item by item. */
static int int_pos(VM *vm, Range *r, Value x, int64_t *pos) {
    Type *t = type_of(vm, x);
    if (t != vm->t_int && t != vm->t_bool) return 2;
    int64_t i;
    if (vm_index(vm, x, &i) < 0) { vm_clear_exc(vm); *pos = -1; return 0; }
    *pos = range_pos(r, i);
    return *pos >= 0;
}

static Value r_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__contains__", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    int64_t pos;
    int k = int_pos(vm, R, args[1], &pos);
    if (k != 2) return vm_bool(vm, k);
    for (int64_t i = 0; i < R->len; i++) {
        int e = vm_eq(vm, v_from_int(R->start + i * R->step), args[1]);
        if (e < 0) return VNULL;
        if (e) return vm->true_;
    }
    return vm->false_;
}

static Value r_index(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "index", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    int64_t pos;
    int k = int_pos(vm, R, args[1], &pos);
    if (k == 1) return v_from_int(pos);
    if (k == 2) {
        for (int64_t i = 0; i < R->len; i++) {
            int e = vm_eq(vm, v_from_int(R->start + i * R->step), args[1]);
            if (e < 0) return VNULL;
            if (e) return v_from_int(i);
        }
    }
    Value rep = vm_repr(vm, args[1]);
    if (!rep) return VNULL;
    return vm_raise(vm, vm->e_ValueError, "%s is not in range", str_cstr(rep));
}

static Value r_count(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "count", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    int64_t pos, c = 0;
    int k = int_pos(vm, R, args[1], &pos);
    if (k != 2) return v_from_int(k);
    for (int64_t i = 0; i < R->len; i++) {
        int e = vm_eq(vm, v_from_int(R->start + i * R->step), args[1]);
        if (e < 0) return VNULL;
        c += e;
    }
    return v_from_int(c);
}

/* Ranges are equal when they describe the same sequence. */
static bool range_same(Range *a, Range *b) {
    if (a->len != b->len) return false;
    if (a->len == 0) return true;
    if (a->start != b->start) return false;
    return a->len == 1 || a->step == b->step;
}

static Value r_eq(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!v_is_obj(args[1]) || !isinst(vm, args[1], vm->t_range)) return vm->notimpl;
    return vm_bool(vm, range_same(R, (Range *)args[1]));
}

static Value r_ne(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!v_is_obj(args[1]) || !isinst(vm, args[1], vm->t_range)) return vm->notimpl;
    return vm_bool(vm, !range_same(R, (Range *)args[1]));
}

static Value r_hash(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    Value t = tuple_pack(vm, 3, v_from_int(r->len), r->len ? v_from_int(r->start) : vm->none,
                         r->len > 1 ? v_from_int(r->step) : vm->none);
    int64_t h;
    if (!t || tuple_hash(vm, t, &h) < 0) return VNULL;
    return int_from_i64(vm, h);
}

static Value r_iter(VM *vm, Value *args, int nargs, Value kwnames) { return range_iter_new(vm, args[0]); }

static Value r_reversed(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    Value rev = range_new(vm, r->start + (r->len - 1) * r->step, r->start - r->step, -r->step);
    if (!rev) return VNULL;
    ((Range *)rev)->len = r->len;
    return range_iter_new(vm, rev);
}

void range_init(VM *vm) {
    Type *t = type_new_builtin(vm, "range", vm->t_object, sizeof(Range), 0);
    vm->t_range = t;
    type_add_static(vm, t, "__new__", r_new);
    type_add_method(vm, t, "__len__", r_len);
    type_add_method(vm, t, "__bool__", r_bool);
    type_add_method(vm, t, "__repr__", r_repr);
    type_add_method(vm, t, "__getitem__", r_getitem);
    type_add_method(vm, t, "__contains__", r_contains);
    type_add_method(vm, t, "__iter__", r_iter);
    type_add_method(vm, t, "__reversed__", r_reversed);
    type_add_method(vm, t, "__eq__", r_eq);
    type_add_method(vm, t, "__ne__", r_ne);
    type_add_method(vm, t, "__hash__", r_hash);
    type_add_method(vm, t, "index", r_index);
    type_add_method(vm, t, "count", r_count);
    type_add_property(vm, t, "start", r_start, NULL);
    type_add_property(vm, t, "stop", r_stop, NULL);
    type_add_property(vm, t, "step", r_step, NULL);

    Type *s = type_new_builtin(vm, "slice", vm->t_object, sizeof(Slice), 0);
    s->trace = slice_trace;
    vm->t_slice = s;
    type_add_static(vm, s, "__new__", sl_new);
    type_add_method(vm, s, "__repr__", sl_repr);
    type_add_method(vm, s, "indices", sl_indices);
    type_add_method(vm, s, "__eq__", sl_eq);
    type_add_method(vm, s, "__ne__", sl_ne);
    type_add_property(vm, s, "start", sl_start, NULL);
    type_add_property(vm, s, "stop", sl_stop, NULL);
    type_add_property(vm, s, "step", sl_step, NULL);
    type_set_attr(vm, s, "__hash__", vm->none);
}
