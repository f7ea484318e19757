/* range.c — range objects (int64 bounds, or arbitrary ints in a second layout) and slice objects, including slice_indices(), the
 * index clamping every sequence's __getitem__ uses (CPython's PySlice_Unpack +
 * PySlice_AdjustIndices). The range iterator is in vm/iterobjs.c. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/dict.h"
#include "vm/numobj.h"
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

/* ---- ranges ----
 * Two layouts share the type `range`. The common one keeps int64 start/stop/step/len (the
 * interpreter's FOR_ITER fast path iterates it without the VM). When any of the four does
 * not fit int64 the object is a BigRange: the Range header with len == -1 as the marker,
 * followed by the four values as int Values, and every operation goes through generic int
 * arithmetic, as CPython's range does for PyLong bounds. */

typedef struct { Range r; Value start, stop, step, len; } BigRange;

static bool is_big(Range *r) { return r->len < 0; }
#define BIG(r) ((BigRange *)(r))

static void range_trace(GC *gc, Obj *o) {
    if (!is_big((Range *)o)) return;
    BigRange *b = BIG(o);
    gc_mark(gc, b->start); gc_mark(gc, b->stop); gc_mark(gc, b->step); gc_mark(gc, b->len);
}

/* Length of a range whose bounds fit int64, as uint64 (it may exceed INT64_MAX). */
static uint64_t range_ulen(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop) return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    return 0;
}

static Value range_alloc(VM *vm, Type *t, int64_t start, int64_t stop, int64_t step) {
    Range *r = gc_alloc(vm, t, sizeof(Range));
    if (!r) return VNULL;
    r->start = start; r->stop = stop; r->step = step;
    r->len = (int64_t)range_ulen(start, stop, step);
    return v_from_obj(r);
}

Value range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
    return range_alloc(vm, vm->t_range, start, stop, step);
}

static Value add(VM *vm, Value a, Value b) { return vm_binop(vm, OP_ADD, a, b); }
static Value sub(VM *vm, Value a, Value b) { return vm_binop(vm, OP_SUB, a, b); }
static Value mul(VM *vm, Value a, Value b) { return vm_binop(vm, OP_MULT, a, b); }

/* CPython's compute_range_length on int Values. */
static Value big_len(VM *vm, Value start, Value stop, Value step) {
    Value lo = start, hi = stop;
    if (int_sign(step) < 0) { lo = stop; hi = start; step = int_neg(vm, step); if (!step) return VNULL; }
    int lt = vm_richcmp_bool(vm, lo, hi, CMP_LT);
    if (lt <= 0) return lt < 0 ? VNULL : v_from_int(0);
    Value d = sub(vm, hi, lo);
    d = d ? sub(vm, d, v_from_int(1)) : VNULL;
    d = d ? vm_binop(vm, OP_FLOORDIV, d, step) : VNULL;
    return d ? add(vm, d, v_from_int(1)) : VNULL;
}

/* A range from exact int Values: the int64 layout when everything fits, else a BigRange. */
static Value range_make(VM *vm, Type *t, Value start, Value stop, Value step) {
    int64_t a, b, c;
    if (int_to_i64(start, &a) && int_to_i64(stop, &b) && int_to_i64(step, &c)
        && range_ulen(a, b, c) <= (uint64_t)INT64_MAX)
        return range_alloc(vm, t, a, b, c);
    Value len = big_len(vm, start, stop, step);
    if (!len) return VNULL;
    BigRange *r = gc_alloc(vm, t, sizeof(BigRange));
    if (!r) return VNULL;
    r->r.len = -1;
    r->start = start; r->stop = stop; r->step = step; r->len = len;
    return v_from_obj(r);
}

/* The four fields of either layout as int Values. */
static Value f_start(VM *vm, Range *r) { return is_big(r) ? BIG(r)->start : int_from_i64(vm, r->start); }
static Value f_stop(VM *vm, Range *r) { return is_big(r) ? BIG(r)->stop : int_from_i64(vm, r->stop); }
static Value f_step(VM *vm, Range *r) { return is_big(r) ? BIG(r)->step : int_from_i64(vm, r->step); }
static Value f_len(VM *vm, Range *r) { return is_big(r) ? BIG(r)->len : int_from_i64(vm, r->len); }

static Value r_new(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "range() takes no keyword arguments");
    int n = nargs - 1;
    if (n < 1) return vm_raise(vm, vm->e_TypeError, "range expected at least 1 argument, got %d", n);
    if (n > 3) return vm_raise(vm, vm->e_TypeError, "range expected at most 3 arguments, got %d", n);
    /* all immediate (62-bit) ints: the length fits int64 and no conversion is needed */
    if (n == 1 && v_is_int(args[1])) return range_alloc(vm, (Type *)args[0], 0, v_int(args[1]), 1);
    if (n == 2 && v_is_int(args[1]) && v_is_int(args[2]))
        return range_alloc(vm, (Type *)args[0], v_int(args[1]), v_int(args[2]), 1);
    Value v[3] = { v_from_int(0), VNULL, v_from_int(1) };
    if (n == 1) {
        if (!(v[1] = int_index(vm, args[1]))) return VNULL;
    } else {
        for (int i = 0; i < n; i++)
            if (!(v[i] = int_index(vm, args[i + 1]))) return VNULL;
        if (int_sign(v[2]) == 0) return vm_raise(vm, vm->e_ValueError, "range() arg 3 must not be zero");
    }
    return range_make(vm, (Type *)args[0], v[0], v[1], v[2]);
}

#define R ((Range *)args[0])

static Value r_len(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    if (!is_big(r)) return v_from_int(r->len);
    int64_t n;
    if (!int_to_i64(BIG(r)->len, &n))
        return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
    return int_from_i64(vm, n);
}
static Value r_bool(VM *vm, Value *args, int nargs, Value kwnames) {
    return vm_bool(vm, is_big(R) ? int_sign(BIG(R)->len) != 0 : R->len != 0);
}
static Value r_start(VM *vm, Value *args, int nargs, Value kwnames) { return f_start(vm, R); }
static Value r_stop(VM *vm, Value *args, int nargs, Value kwnames) { return f_stop(vm, R); }
static Value r_step(VM *vm, Value *args, int nargs, Value kwnames) { return f_step(vm, R); }

static Value r_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    if (!is_big(r)) {
        if (r->step == 1) return str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        return str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                          (long long)r->step);
    }
    BigRange *b = BIG(r);
    Value a = vm_repr(vm, b->start), s = a ? vm_repr(vm, b->stop) : VNULL;
    Value c = s ? vm_repr(vm, b->step) : VNULL;
    if (!c) return VNULL;
    if (b->step == v_from_int(1)) return str_printf(vm, "range(%s, %s)", str_cstr(a), str_cstr(s));
    return str_printf(vm, "range(%s, %s, %s)", str_cstr(a), str_cstr(s), str_cstr(c));
}

/* A slice bound as an exact int Value (None -> dflt), clamped into [lower, upper] after
 * adding len to negatives: CPython's _PySlice_GetLongIndices. */
static Value slice_long_bound(VM *vm, Value v, Value dflt, Value len, Value lower, Value upper) {
    if (v == vm->none) return dflt;
    if (!int_check(vm, v) && !type_lookup(vm, type_of(vm, v), vm->s___index__))
        return vm_raise(vm, vm->e_TypeError, "slice indices must be integers or None or have an __index__ method");
    Value x = int_index(vm, v);
    if (!x) return VNULL;
    if (int_sign(x) < 0) {
        if (!(x = add(vm, x, len))) return VNULL;
        int lt = vm_richcmp_bool(vm, x, lower, CMP_LT);
        return lt < 0 ? VNULL : lt ? lower : x;
    }
    int gt = vm_richcmp_bool(vm, x, upper, CMP_GT);
    return gt < 0 ? VNULL : gt ? upper : x;
}

static Value range_slice(VM *vm, Range *r, Slice *s) {
    Value step = v_from_int(1), len = f_len(vm, r);
    if (!len) return VNULL;
    if (s->step != vm->none) {
        if (!int_check(vm, s->step) && !type_lookup(vm, type_of(vm, s->step), vm->s___index__))
            return vm_raise(vm, vm->e_TypeError, "slice indices must be integers or None or have an __index__ method");
        if (!(step = int_index(vm, s->step))) return VNULL;
        if (int_sign(step) == 0) return vm_raise(vm, vm->e_ValueError, "slice step cannot be zero");
    }
    bool neg = int_sign(step) < 0;
    Value lower = neg ? v_from_int(-1) : v_from_int(0);
    Value upper = neg ? sub(vm, len, v_from_int(1)) : len;
    if (!upper) return VNULL;
    Value start = slice_long_bound(vm, s->start, neg ? upper : lower, len, lower, upper);
    Value stop = start ? slice_long_bound(vm, s->stop, neg ? lower : upper, len, lower, upper) : VNULL;
    if (!stop) return VNULL;
    Value rstart = f_start(vm, r), rstep = f_step(vm, r);
    Value nstart = rstart ? mul(vm, start, rstep) : VNULL;
    nstart = nstart ? add(vm, rstart, nstart) : VNULL;
    Value nstop = nstart ? mul(vm, stop, rstep) : VNULL;
    nstop = nstop ? add(vm, rstart, nstop) : VNULL;
    Value nstep = nstop ? mul(vm, rstep, step) : VNULL;
    return nstep ? range_make(vm, vm->t_range, nstart, nstop, nstep) : VNULL;
}

/* r[i] for an exact int i of any size. */
static Value range_item(VM *vm, Range *r, Value i) {
    int64_t k;
    if (!is_big(r) && int_to_i64(i, &k)) {
        if (k < 0) k += r->len;
        if (k < 0 || k >= r->len) return vm_raise(vm, vm->e_IndexError, "range object index out of range");
        return int_from_i64(vm, (int64_t)((uint64_t)r->start + (uint64_t)k * (uint64_t)r->step));
    }
    Value len = f_len(vm, r);
    if (!len) return VNULL;
    if (int_sign(i) < 0 && !(i = add(vm, i, len))) return VNULL;
    int ge = int_sign(i) < 0 ? 1 : vm_richcmp_bool(vm, i, len, CMP_GTE);
    if (ge < 0) return VNULL;
    if (ge) return vm_raise(vm, vm->e_IndexError, "range object index out of range");
    Value start = f_start(vm, r), step = f_step(vm, r);
    Value off = start && step ? mul(vm, i, step) : VNULL;
    return off ? add(vm, start, off) : VNULL;
}

static Value r_getitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__getitem__", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    Value key = args[1];
    if (v_is_obj(key) && ((Obj *)key)->type == vm->t_slice) return range_slice(vm, R, (Slice *)key);
    if (!int_check(vm, key) && !type_lookup(vm, type_of(vm, key), vm->s___index__))
        return vm_raise(vm, vm->e_TypeError, "range indices must be integers or slices, not %s", type_name(vm, key));
    Value i = int_index(vm, key);
    return i ? range_item(vm, R, i) : VNULL;
}

/* Position of int value x in an int64 range, or -1. */
static int64_t range_pos(Range *r, int64_t x) {
    if (r->len == 0) return -1;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
    uint64_t d = (uint64_t)x - (uint64_t)r->start;
    uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    if (d % st) return -1;
    return (int64_t)(d / st);
}

/* Position of the exact int x in any range: an int Value, vm->none when absent, VNULL on error. */
static Value big_pos(VM *vm, Range *r, Value x) {
    int64_t i, p;
    if (!is_big(r)) {
        if (!int_to_i64(x, &i) || (p = range_pos(r, i)) < 0) return vm->none;
        return v_from_int(p);
    }
    BigRange *b = BIG(r);
    bool up = int_sign(b->step) > 0;
    int c1 = vm_richcmp_bool(vm, x, b->start, up ? CMP_GTE : CMP_LTE);
    int c2 = c1 > 0 ? vm_richcmp_bool(vm, x, b->stop, up ? CMP_LT : CMP_GT) : c1;
    if (c2 <= 0) return c2 < 0 ? VNULL : vm->none;
    Value d = sub(vm, x, b->start);
    Value qr = d ? int_divmod(vm, d, b->step) : VNULL;
    if (!qr) return VNULL;
    return int_sign(as_tuple(qr)->items[1]) ? vm->none : as_tuple(qr)->items[0];
}

/* Like big_pos for exact ints and bools (O(1)); 2 when x must be compared item by item. */
static int int_pos(VM *vm, Range *r, Value x, Value *pos) {
    Type *t = type_of(vm, x);
    if (t != vm->t_int && t != vm->t_bool) return 2;
    Value e = int_exact(vm, x);
    *pos = e ? big_pos(vm, r, e) : VNULL;
    return *pos ? *pos != vm->none : -1;
}

/* Linear scan for non-int x: the index of the first item equal to x (count: the number of
 * them) as an int Value, vm->none if none, VNULL on error. */
static Value range_scan(VM *vm, Value self, Value x, bool count) {
    Value it = vm_iter(vm, self), v;
    if (!it) return VNULL;
    int64_t i = 0, c = 0;
    while ((v = vm_next(vm, it))) {
        int e = vm_eq(vm, v, x);
        if (e < 0) return VNULL;
        if (e && !count) return int_from_i64(vm, i);
        c += e; i++;
    }
    if (vm->exc) return VNULL;
    return count ? int_from_i64(vm, c) : vm->none;
}

static Value r_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__contains__", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    Value pos;
    int k = int_pos(vm, R, args[1], &pos);
    if (k < 0) return VNULL;
    if (k != 2) return vm_bool(vm, k);
    pos = range_scan(vm, args[0], args[1], false);
    return pos ? vm_bool(vm, pos != vm->none) : VNULL;
}

static Value r_index(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "index", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    Value pos;
    int k = int_pos(vm, R, args[1], &pos);
    if (k < 0) return VNULL;
    if (k == 2 && !(pos = range_scan(vm, args[0], args[1], false))) return VNULL;
    if (pos != vm->none) return pos;
    Value rep = vm_repr(vm, args[1]);
    if (!rep) return VNULL;
    return vm_raise(vm, vm->e_ValueError, "%s is not in range", str_cstr(rep));
}

static Value r_count(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "count", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    Value pos;
    int k = int_pos(vm, R, args[1], &pos);
    if (k < 0) return VNULL;
    if (k != 2) return v_from_int(k);
    return range_scan(vm, args[0], args[1], true);
}

/* Ranges are equal when they describe the same sequence. */
static int range_same(VM *vm, Range *a, Range *b) {
    if (!is_big(a) && !is_big(b)) {
        if (a->len != b->len) return 0;
        if (a->len == 0) return 1;
        if (a->start != b->start) return 0;
        return a->len == 1 || a->step == b->step;
    }
    int e = vm_eq(vm, f_len(vm, a), f_len(vm, b));
    if (e <= 0) return e;
    Value len = f_len(vm, a);
    if (int_sign(len) == 0) return 1;
    if ((e = vm_eq(vm, f_start(vm, a), f_start(vm, b))) <= 0) return e;
    if (len == v_from_int(1)) return 1;
    return vm_eq(vm, f_step(vm, a), f_step(vm, b));
}

static Value r_eq(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!v_is_obj(args[1]) || !isinst(vm, args[1], vm->t_range)) return vm->notimpl;
    int e = range_same(vm, R, (Range *)args[1]);
    return e < 0 ? VNULL : vm_bool(vm, e);
}

static Value r_ne(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!v_is_obj(args[1]) || !isinst(vm, args[1], vm->t_range)) return vm->notimpl;
    int e = range_same(vm, R, (Range *)args[1]);
    return e < 0 ? VNULL : vm_bool(vm, !e);
}

static Value r_hash(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    Value len = f_len(vm, r), start = f_start(vm, r), step = f_step(vm, r);
    if (!len || !start || !step) return VNULL;
    int nonempty = int_sign(len) != 0, many = nonempty && len != v_from_int(1);
    Value t = tuple_pack(vm, 3, len, nonempty ? start : vm->none, many ? step : vm->none);
    int64_t h;
    if (!t || tuple_hash(vm, t, &h) < 0) return VNULL;
    return int_from_i64(vm, h);
}

/* ---- the iterator over a BigRange (int64 ranges use vm/iterobjs.c's) ---- */

typedef struct { Obj head; Value next, step, left; } BigRangeIt;

static void bigit_trace(GC *gc, Obj *o) {
    BigRangeIt *it = (BigRangeIt *)o;
    gc_mark(gc, it->next); gc_mark(gc, it->step); gc_mark(gc, it->left);
}

static Value bigit_new(VM *vm, Value start, Value step, Value len) {
    Type *t = (Type *)dict_get_cstr(vm, vm->hidden, "__aspen_bigrange_it__");
    BigRangeIt *it = gc_alloc(vm, t, sizeof(BigRangeIt));
    if (!it) return VNULL;
    it->next = start; it->step = step; it->left = len;
    return v_from_obj(it);
}

static Value bigit_iter(VM *vm, Value *args, int nargs, Value kwnames) { return args[0]; }

static Value bigit_next(VM *vm, Value *args, int nargs, Value kwnames) {
    BigRangeIt *it = (BigRangeIt *)args[0];
    if (int_sign(it->left) <= 0) {
        Value e = exc_new(vm, vm->e_StopIteration, NULL, 0);
        return e ? vm_raise_value(vm, e) : VNULL;
    }
    Value v = it->next, nx = add(vm, v, it->step), left = nx ? sub(vm, it->left, v_from_int(1)) : VNULL;
    if (!left) return VNULL;
    it->next = nx; it->left = left;
    return v;
}

static Value bigit_hint(VM *vm, Value *args, int nargs, Value kwnames) { return ((BigRangeIt *)args[0])->left; }

static Value r_iter(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    /* CPython 3.11 range_iter: the C long version unless stop + step could overflow */
    if (!is_big(r)) {
        bool over = r->len && (r->step > 0 ? r->stop > INT64_MAX - (r->step - 1) : r->stop < INT64_MIN + (-1 - r->step));
        return range_iter_new(vm, args[0], over);
    }
    return bigit_new(vm, BIG(r)->start, BIG(r)->step, BIG(r)->len);
}

static Value r_reversed(VM *vm, Value *args, int nargs, Value kwnames) {
    Range *r = R;
    if (!is_big(r) && r->step != INT64_MIN) {
        /* the reversed range's stop is never read by the iterator; wrap-around is harmless */
        int64_t last = (int64_t)((uint64_t)r->start + (uint64_t)(r->len - 1) * (uint64_t)r->step);
        Value rev = range_new(vm, last, last, -r->step);
        if (!rev) return VNULL;
        ((Range *)rev)->len = r->len;
        /* CPython 3.11 range_reverse: the C long version unless start - step overflows */
        bool over = r->step > 0 ? r->start < INT64_MIN + r->step : r->start > INT64_MAX + r->step;
        return range_iter_new(vm, rev, over);
    }
    Value len = f_len(vm, r), step = f_step(vm, r), start = f_start(vm, r);
    Value last = len && step && start ? sub(vm, len, v_from_int(1)) : VNULL;
    last = last ? mul(vm, last, step) : VNULL;
    last = last ? add(vm, start, last) : VNULL;
    Value nstep = last ? int_neg(vm, step) : VNULL;
    return nstep ? bigit_new(vm, last, nstep, len) : VNULL;
}

void range_init(VM *vm) {
    Type *t = type_new_builtin(vm, "range", vm->t_object, sizeof(Range), 0);
    vm->t_range = t;
    t->trace = range_trace;
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

    Type *it = type_new_builtin(vm, "longrange_iterator", vm->t_object, sizeof(BigRangeIt), 0);
    it->trace = bigit_trace;
    type_add_method(vm, it, "__iter__", bigit_iter);
    type_add_method(vm, it, "__next__", bigit_next);
    type_add_method(vm, it, "__length_hint__", bigit_hint);
    dict_set_cstr(vm, vm->hidden, "__aspen_bigrange_it__", v_from_obj(it));

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
