/* list.c — the list type: storage growth, indexing and slice assignment, lexicographic
 * comparison of lists and tuples (seq_richcompare), and the Python-level methods. Sorting is
 * in vm/sort.c. Items live in a malloc'd array freed by the finalizer. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/strbuf.h"
#include "lang/ast.h"
#include <stdlib.h>
#include <string.h>

static void list_trace(GC *gc, Obj *o) {
    List *l = (List *)o;
    gc_mark_array(gc, l->items, (size_t)l->n);
}

static void list_finalize(Obj *o) {
    List *l = (List *)o;
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* Makes room for `need` items, over-allocating like CPython so appends are amortized O(1). */
static int list_reserve(VM *vm, List *l, int64_t need) {
    if (need <= l->cap) return 0;
    if (need > ((int64_t)1 << 40)) { vm_nomem(vm); return -1; }
    int64_t cap = need + (need >> 3) + 6;
    Value *items = realloc(l->items, (size_t)cap * sizeof(Value));
    if (!items) { vm_nomem(vm); return -1; }
    l->items = items;
    l->cap = cap;
    return 0;
}

Value list_new(VM *vm, int64_t cap) {
    List *l = gc_alloc(vm, vm->t_list, sizeof(List));
    if (!l) return VNULL;
    if (cap > 0 && list_reserve(vm, l, cap) < 0) return VNULL;
    return v_from_obj(l);
}

int list_append(VM *vm, Value lv, Value v) {
    List *l = as_list(lv);
    if (l->n == l->cap && list_reserve(vm, l, l->n + 1) < 0) return -1;
    l->items[l->n++] = v;
    return 0;
}

static int append_array(VM *vm, List *l, const Value *items, int64_t n) {
    if (list_reserve(vm, l, l->n + n) < 0) return -1;
    if (n) memmove(l->items + l->n, items, (size_t)n * sizeof(Value));
    l->n += n;
    return 0;
}

Value list_from_array(VM *vm, const Value *items, int64_t n) {
    Value l = list_new(vm, n);
    if (!l || append_array(vm, as_list(l), items, n) < 0) return VNULL;
    return l;
}

int list_extend(VM *vm, Value lv, Value iterable) {
    List *l = as_list(lv);
    if (v_is_obj(iterable)) {
        Type *t = ((Obj *)iterable)->type;
        if (t == vm->t_list) {
            /* extending by itself: reserve first so the source pointer stays valid */
            List *src = as_list(iterable);
            int64_t n = src->n;
            if (list_reserve(vm, l, l->n + n) < 0) return -1;
            return append_array(vm, l, src->items, n);
        }
        if (t == vm->t_tuple) return append_array(vm, l, as_tuple(iterable)->items, as_tuple(iterable)->n);
        if (t == vm->t_dict) {
            Dict *d = (Dict *)iterable;
            if (list_reserve(vm, l, l->n + dict_len(d)) < 0) return -1;
            int64_t pos = 0;
            Value k;
            while (dict_next(d, &pos, &k, NULL)) if (list_append(vm, lv, k) < 0) return -1;
            return 0;
        }
    }
    Value it = vm_iter(vm, iterable);
    if (!it) return -1;
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) return vm->exc ? -1 : 0;
        if (list_append(vm, lv, x) < 0) return -1;
    }
}

Value list_copy(VM *vm, Value lv) { return list_from_array(vm, as_list(lv)->items, as_list(lv)->n); }

Value list_concat(VM *vm, Value a, Value b) {
    Value r = list_new(vm, as_list(a)->n + as_list(b)->n);
    if (!r || append_array(vm, as_list(r), as_list(a)->items, as_list(a)->n) < 0 ||
        append_array(vm, as_list(r), as_list(b)->items, as_list(b)->n) < 0)
        return VNULL;
    return r;
}

int list_contains(VM *vm, Value lv, Value v) {
    List *l = as_list(lv);
    for (int64_t i = 0; i < l->n; i++) {
        int r = vm_eq(vm, l->items[i], v);
        if (r) return r;
    }
    return 0;
}

/* ---- indexing ---- */

static bool is_slice(VM *vm, Value v) { return v_is_obj(v) && ((Obj *)v)->type == vm->t_slice; }

/* An index from an int or __index__ object; 0 ok, -1 raised (TypeError names `what`). */
static int index_of(VM *vm, Value key, const char *what, int64_t *out) {
    if (v_is_int(key)) { *out = v_int(key); return 0; }
    if (!int_check(vm, key) && !type_lookup(vm, type_of(vm, key), vm->s___index__)) {
        vm_raise(vm, vm->e_TypeError, "%s indices must be integers or slices, not %s", what,
                 type_name(vm, key));
        return -1;
    }
    if (vm_index(vm, key, out) < 0) {
        if (vm_exc_is(vm, vm->e_OverflowError)) {
            vm_clear_exc(vm);
            vm_raise(vm, vm->e_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    return 0;
}

Value list_getitem(VM *vm, Value lv, Value key) {
    List *l = as_list(lv);
    if (is_slice(vm, key)) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, key, l->n, &start, &stop, &step, &n)) return VNULL;
        Value r = list_new(vm, n);
        if (!r) return VNULL;
        for (int64_t i = 0, j = start; i < n; i++, j += step) as_list(r)->items[i] = l->items[j];
        as_list(r)->n = n;
        return r;
    }
    int64_t i;
    if (index_of(vm, key, "list", &i) < 0) return VNULL;
    if (i < 0) i += l->n;
    if (i < 0 || i >= l->n) return vm_raise(vm, vm->e_IndexError, "list index out of range");
    return l->items[i];
}

static int del_slice(VM *vm, List *l, int64_t start, int64_t step, int64_t n) {
    if (n <= 0) return 0;
    if (step < 0) {   /* same positions walked forwards */
        start = start + step * (n - 1);
        step = -step;
    }
    int64_t w = start;
    for (int64_t r = start; r < l->n; r++) {
        if (r < start + step * n && (r - start) % step == 0) continue;
        l->items[w++] = l->items[r];
    }
    l->n = w;
    return 0;
}

static int assign_slice(VM *vm, List *l, Value key, Value v) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, key, l->n, &start, &stop, &step, &n)) return -1;
    if (!v) return del_slice(vm, l, start, step, n);
    /* snapshot the source first: it may be the list itself, or a generator that mutates it */
    Value src;
    if (v_is_obj(v) && (((Obj *)v)->type == vm->t_list || ((Obj *)v)->type == vm->t_tuple)) {
        src = ((Obj *)v)->type == vm->t_list ? list_copy(vm, v) : v;
    } else {
        src = vm_to_list(vm, v);
        if (!src && vm_exc_is(vm, vm->e_TypeError)) {
            vm_clear_exc(vm);
            vm_raise(vm, vm->e_TypeError, step == 1 ? "can only assign an iterable"
                                                    : "must assign iterable to extended slice");
        }
    }
    if (!src) return -1;
    Value *items = ((Obj *)src)->type == vm->t_tuple ? as_tuple(src)->items : as_list(src)->items;
    int64_t m = ((Obj *)src)->type == vm->t_tuple ? as_tuple(src)->n : as_list(src)->n;
    if (step == 1) {
        int64_t newn = l->n - n + m;
        if (list_reserve(vm, l, newn) < 0) return -1;
        memmove(l->items + start + m, l->items + start + n, (size_t)(l->n - start - n) * sizeof(Value));
        if (m) memcpy(l->items + start, items, (size_t)m * sizeof(Value));
        l->n = newn;
        return 0;
    }
    if (m != n) {
        vm_raise(vm, vm->e_ValueError,
                 "attempt to assign sequence of size %lld to extended slice of size %lld",
                 (long long)m, (long long)n);
        return -1;
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step) l->items[j] = items[i];
    return 0;
}

int list_setitem(VM *vm, Value lv, Value key, Value v) {
    List *l = as_list(lv);
    if (is_slice(vm, key)) return assign_slice(vm, l, key, v);
    int64_t i;
    if (index_of(vm, key, "list", &i) < 0) return -1;
    if (i < 0) i += l->n;
    if (i < 0 || i >= l->n) {
        vm_raise(vm, vm->e_IndexError, v ? "list assignment index out of range" : "list index out of range");
        return -1;
    }
    if (v) {
        l->items[i] = v;
    } else {
        memmove(l->items + i, l->items + i + 1, (size_t)(l->n - i - 1) * sizeof(Value));
        l->n--;
    }
    return 0;
}

/* ---- comparison (lists and tuples) ---- */

static void seq_items(VM *vm, Value v, Value **items, int64_t *n) {
    if (isinst(vm, v, vm->t_list)) { *items = as_list(v)->items; *n = as_list(v)->n; }
    else { *items = as_tuple(v)->items; *n = as_tuple(v)->n; }
}

static bool cmp_ints(int op, int64_t a, int64_t b) {
    switch (op) {
    case CMP_EQ: return a == b;
    case CMP_NOTEQ: return a != b;
    case CMP_LT: return a < b;
    case CMP_LTE: return a <= b;
    case CMP_GT: return a > b;
    default: return a >= b;
    }
}

Value seq_richcompare(VM *vm, Value a, Value b, int op) {
    Value *ia, *ib;
    int64_t na, nb, i;
    seq_items(vm, a, &ia, &na);
    seq_items(vm, b, &ib, &nb);
    if (na != nb && (op == CMP_EQ || op == CMP_NOTEQ)) return vm_bool(vm, op == CMP_NOTEQ);
    /* items are re-read each step: an __eq__ may mutate a list */
    for (i = 0;; i++) {
        seq_items(vm, a, &ia, &na);
        seq_items(vm, b, &ib, &nb);
        if (i >= na || i >= nb) break;
        Value x = ia[i], y = ib[i];
        if (x == y) continue;
        int r = vm_eq(vm, x, y);
        if (r < 0) return VNULL;
        if (!r) {
            if (op == CMP_EQ) return vm->false_;
            if (op == CMP_NOTEQ) return vm->true_;
            return vm_richcmp(vm, x, y, op);
        }
    }
    return vm_bool(vm, cmp_ints(op, na, nb));
}

/* ---- Python-level methods ---- */

#define SELF as_list(args[0])

static int nargs_is(VM *vm, const char *name, int nargs, Value kwnames, int want) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs - 1 == want) return 0;
    if (want == 0)
        vm_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs - 1);
    else
        vm_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs - 1);
    return -1;
}

static bool is_list(VM *vm, Value v) { return v_is_obj(v) && isinst(vm, v, vm->t_list); }

static Value l_new(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *cls = (Type *)args[0];
    List *l = gc_alloc(vm, cls, cls->size ? cls->size : sizeof(List));
    return l ? v_from_obj(l) : VNULL;
}

static Value l_init(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "list() takes no keyword arguments");
    if (nargs > 2) return vm_raise(vm, vm->e_TypeError, "list expected at most 1 argument, got %d", nargs - 1);
    SELF->n = 0;
    if (nargs == 2 && list_extend(vm, args[0], args[1]) < 0) return VNULL;
    return vm->none;
}

static Value l_len(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__len__", nargs, kwnames, 0) < 0) return VNULL;
    return v_from_int(SELF->n);
}

static Value l_getitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__getitem__", nargs, kwnames, 1) < 0) return VNULL;
    return list_getitem(vm, args[0], args[1]);
}

static Value l_setitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__setitem__", nargs - 1, kwnames, 2, 2) < 0) return VNULL;
    return list_setitem(vm, args[0], args[1], args[2]) < 0 ? VNULL : vm->none;
}

static Value l_delitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__delitem__", nargs, kwnames, 1) < 0) return VNULL;
    return list_setitem(vm, args[0], args[1], VNULL) < 0 ? VNULL : vm->none;
}

static Value l_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__contains__", nargs, kwnames, 1) < 0) return VNULL;
    int r = list_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value l_iter(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__iter__", nargs, kwnames, 0) < 0) return VNULL;
    return list_iter_new(vm, args[0]);
}

static Value l_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__repr__", nargs, kwnames, 0) < 0) return VNULL;
    List *l = SELF;
    if (l->n == 0) return str_from_cstr(vm, "[]");
    if (vm_repr_enter(vm, args[0])) return str_from_cstr(vm, "[...]");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '[');
    for (int64_t i = 0; i < l->n; i++) {   /* an item's repr may shrink the list */
        Value r = vm_repr(vm, l->items[i]);
        if (!r) { sb_free(&b); vm_repr_leave(vm, args[0]); return VNULL; }
        if (i) sb_adds(&b, ", ");
        sb_add(&b, as_str(r)->data, (size_t)as_str(r)->len);
    }
    sb_addc(&b, ']');
    vm_repr_leave(vm, args[0]);
    Value s = str_new(vm, b.data, b.len);
    sb_free(&b);
    return s;
}

static Value l_add(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__add__", nargs, kwnames, 1) < 0) return VNULL;
    if (!is_list(vm, args[1])) {
        Type *ot = type_of(vm, args[1]);
        if ((ot->flags & TF_HEAPTYPE) && type_lookup(vm, ot, vm->binop_names[1][OP_ADD]))
            return vm->notimpl;
        return vm_raise(vm, vm->e_TypeError, "can only concatenate list (not \"%s\") to list",
                        type_name(vm, args[1]));
    }
    return list_concat(vm, args[0], args[1]);
}

static Value l_iadd(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__iadd__", nargs, kwnames, 1) < 0) return VNULL;
    return list_extend(vm, args[0], args[1]) < 0 ? VNULL : args[0];
}

/* The repeat count for `*`: VNULL + *n when `other` is usable, else notimpl or an error. */
static Value repeat_count(VM *vm, Value other, int64_t *n) {
    Type *ot = type_of(vm, other);
    if (!int_check(vm, other) && !type_lookup(vm, ot, vm->s___index__)) {
        if ((ot->flags & TF_HEAPTYPE) && type_lookup(vm, ot, vm->binop_names[1][OP_MULT]))
            return vm->notimpl;
        return vm_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'", ot->name);
    }
    if (vm_index(vm, other, n) < 0) {
        if (vm_exc_is(vm, vm->e_OverflowError)) {
            vm_clear_exc(vm);
            vm_raise(vm, vm->e_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return VNULL;
    }
    if (*n < 0) *n = 0;
    return vm->none;
}

static int repeat_into(VM *vm, List *dst, const Value *items, int64_t len, int64_t n) {
    if (len && n > ((int64_t)1 << 40) / len) { vm_nomem(vm); return -1; }
    if (list_reserve(vm, dst, len * n) < 0) return -1;
    for (int64_t k = 0; k < n; k++) memcpy(dst->items + k * len, items, (size_t)len * sizeof(Value));
    dst->n = len * n;
    return 0;
}

static Value l_mul(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__mul__", nargs, kwnames, 1) < 0) return VNULL;
    int64_t n;
    Value ok = repeat_count(vm, args[1], &n);
    if (ok != vm->none) return ok;
    Value r = list_new(vm, 0);
    if (!r || repeat_into(vm, as_list(r), SELF->items, SELF->n, n) < 0) return VNULL;
    return r;
}

static Value l_imul(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__imul__", nargs, kwnames, 1) < 0) return VNULL;
    int64_t n;
    Value ok = repeat_count(vm, args[1], &n);
    if (ok != vm->none) return ok;
    Value copy = list_copy(vm, args[0]);
    if (!copy || repeat_into(vm, SELF, as_list(copy)->items, as_list(copy)->n, n) < 0) return VNULL;
    return args[0];
}

static Value l_append(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.append", nargs, kwnames, 1) < 0) return VNULL;
    return list_append(vm, args[0], args[1]) < 0 ? VNULL : vm->none;
}

static Value l_extend(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.extend", nargs, kwnames, 1) < 0) return VNULL;
    return list_extend(vm, args[0], args[1]) < 0 ? VNULL : vm->none;
}

static Value l_insert(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "insert", nargs - 1, kwnames, 2, 2) < 0) return VNULL;
    int64_t i;
    if (vm_index(vm, args[1], &i) < 0) return VNULL;
    List *l = SELF;
    if (i < 0) { i += l->n; if (i < 0) i = 0; }
    if (i > l->n) i = l->n;
    if (list_reserve(vm, l, l->n + 1) < 0) return VNULL;
    memmove(l->items + i + 1, l->items + i, (size_t)(l->n - i) * sizeof(Value));
    l->items[i] = args[2];
    l->n++;
    return vm->none;
}

static Value l_remove(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.remove", nargs, kwnames, 1) < 0) return VNULL;
    List *l = SELF;
    for (int64_t i = 0; i < l->n; i++) {
        int r = vm_eq(vm, l->items[i], args[1]);
        if (r < 0) return VNULL;
        if (r) {
            if (i < l->n) {
                memmove(l->items + i, l->items + i + 1, (size_t)(l->n - i - 1) * sizeof(Value));
                l->n--;
            }
            return vm->none;
        }
    }
    return vm_raise(vm, vm->e_ValueError, "list.remove(x): x not in list");
}

static Value l_pop(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "pop", nargs - 1, kwnames, 0, 1) < 0) return VNULL;
    List *l = SELF;
    int64_t i = -1;
    if (nargs > 1 && vm_index(vm, args[1], &i) < 0) return VNULL;
    if (l->n == 0) return vm_raise(vm, vm->e_IndexError, "pop from empty list");
    if (i < 0) i += l->n;
    if (i < 0 || i >= l->n) return vm_raise(vm, vm->e_IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->n - i - 1) * sizeof(Value));
    l->n--;
    return v;
}

static Value l_clear(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.clear", nargs, kwnames, 0) < 0) return VNULL;
    SELF->n = 0;
    return vm->none;
}

static Value l_index(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "index", nargs - 1, kwnames, 1, 3) < 0) return VNULL;
    List *l = SELF;
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && vm_index(vm, args[2], &start) < 0) return VNULL;
    if (nargs > 3 && vm_index(vm, args[3], &stop) < 0) return VNULL;
    if (start < 0) { start += l->n; if (start < 0) start = 0; }
    if (stop < 0) { stop += l->n; if (stop < 0) stop = 0; }
    for (int64_t i = start; i < stop && i < l->n; i++) {
        int r = vm_eq(vm, l->items[i], args[1]);
        if (r < 0) return VNULL;
        if (r) return v_from_int(i);
    }
    Value rep = vm_repr(vm, args[1]);
    if (!rep) return VNULL;
    return vm_raise(vm, vm->e_ValueError, "%s is not in list", str_cstr(rep));
}

static Value l_count(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.count", nargs, kwnames, 1) < 0) return VNULL;
    List *l = SELF;
    int64_t c = 0;
    for (int64_t i = 0; i < l->n; i++) {
        int r = vm_eq(vm, l->items[i], args[1]);
        if (r < 0) return VNULL;
        c += r;
    }
    return v_from_int(c);
}

static Value l_sort(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs > 1) return vm_raise(vm, vm->e_TypeError, "sort() takes no positional arguments");
    static const char *const names[] = {"key", "reverse", NULL};
    Value out[2];
    if (vm_parse_args(vm, "sort", args + 1, 0, kwnames, names, 0, 0, out) < 0) return VNULL;
    Value key = out[0] && out[0] != vm->none ? out[0] : VNULL;
    int rev = 0;
    if (out[1] && (rev = vm_truthy(vm, out[1])) < 0) return VNULL;
    return list_sort(vm, args[0], key, rev);
}

static void reverse_items(Value *a, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) { Value t = a[i]; a[i] = a[j]; a[j] = t; }
}

static Value l_reverse(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.reverse", nargs, kwnames, 0) < 0) return VNULL;
    reverse_items(SELF->items, SELF->n);
    return vm->none;
}

static Value l_copy(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.copy", nargs, kwnames, 0) < 0) return VNULL;
    return list_copy(vm, args[0]);
}

static Value l_reversed(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs_is(vm, "list.__reversed__", nargs, kwnames, 0) < 0) return VNULL;
    return list_reviter_new(vm, args[0]);
}

#define CMP_METHOD(fname, op)                                                    \
    static Value fname(VM *vm, Value *args, int nargs, Value kwnames) {         \
        if (nargs_is(vm, "list.cmp", nargs, kwnames, 1) < 0) return VNULL;      \
        if (!is_list(vm, args[1])) return vm->notimpl;                          \
        return seq_richcompare(vm, args[0], args[1], op);                       \
    }
CMP_METHOD(l_eq, CMP_EQ)
CMP_METHOD(l_ne, CMP_NOTEQ)
CMP_METHOD(l_lt, CMP_LT)
CMP_METHOD(l_le, CMP_LTE)
CMP_METHOD(l_gt, CMP_GT)
CMP_METHOD(l_ge, CMP_GTE)

void list_init(VM *vm) {
    Type *t = type_new_builtin(vm, "list", vm->t_object, sizeof(List), TF_BASETYPE);
    t->trace = list_trace;
    t->finalize = list_finalize;
    vm->t_list = t;
    type_add_static(vm, t, "__new__", l_new);
    type_add_method(vm, t, "__init__", l_init);
    type_add_method(vm, t, "__len__", l_len);
    type_add_method(vm, t, "__getitem__", l_getitem);
    type_add_method(vm, t, "__setitem__", l_setitem);
    type_add_method(vm, t, "__delitem__", l_delitem);
    type_add_method(vm, t, "__contains__", l_contains);
    type_add_method(vm, t, "__iter__", l_iter);
    type_add_method(vm, t, "__reversed__", l_reversed);
    type_add_method(vm, t, "__repr__", l_repr);
    type_add_method(vm, t, "__add__", l_add);
    type_add_method(vm, t, "__iadd__", l_iadd);
    type_add_method(vm, t, "__mul__", l_mul);
    type_add_method(vm, t, "__rmul__", l_mul);
    type_add_method(vm, t, "__imul__", l_imul);
    type_add_method(vm, t, "append", l_append);
    type_add_method(vm, t, "extend", l_extend);
    type_add_method(vm, t, "insert", l_insert);
    type_add_method(vm, t, "remove", l_remove);
    type_add_method(vm, t, "pop", l_pop);
    type_add_method(vm, t, "clear", l_clear);
    type_add_method(vm, t, "index", l_index);
    type_add_method(vm, t, "count", l_count);
    type_add_method(vm, t, "sort", l_sort);
    type_add_method(vm, t, "reverse", l_reverse);
    type_add_method(vm, t, "copy", l_copy);
    type_add_method(vm, t, "__eq__", l_eq);
    type_add_method(vm, t, "__ne__", l_ne);
    type_add_method(vm, t, "__lt__", l_lt);
    type_add_method(vm, t, "__le__", l_le);
    type_add_method(vm, t, "__gt__", l_gt);
    type_add_method(vm, t, "__ge__", l_ge);
    type_set_attr(vm, t, "__hash__", vm->none);
}
