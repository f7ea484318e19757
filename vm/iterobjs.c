/* iterobjs.c — the built-in iterator types (list, reversed list, tuple, range, set, dict
 * keys/values/items, enumerate, zip, map, filter, reversed, callable_iterator, seq_iterator)
 * and the dict views (keys/values/items, with set operations on keys and items views).
 *
 * Every iterator shares one layout, It, whose `next` hook returns the next item, or VNULL
 * without an exception when exhausted; the Python-level __next__ turns that into
 * StopIteration, and iterobj_next() lets the interpreter skip the method call. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/dict.h"
#include "lang/ast.h"
#include <string.h>

typedef struct It It;
typedef Value (*NextFn)(VM *vm, It *it);
struct It {
    Obj head;
    NextFn next;
    Value a, b, c;          /* what the iterator walks, per type (see constructors) */
    int64_t i, n, used;     /* position, remaining count, size snapshot */
    int flags;
};

enum { DK_KEYS, DK_VALUES, DK_ITEMS, DK_REVERSED = 4, Z_STRICT = 8 };

static void it_trace(GC *gc, Obj *o) {
    It *it = (It *)o;
    gc_mark(gc, it->a); gc_mark(gc, it->b); gc_mark(gc, it->c);
}

static It *it_alloc(VM *vm, Type *t, NextFn next) {
    It *it = gc_alloc(vm, t, t->size > sizeof(It) ? t->size : sizeof(It));
    if (it) it->next = next;
    return it;
}

static bool is_ours(Type *t) { return t->trace == it_trace && !(t->flags & TF_HEAPTYPE); }

Value iterobj_next(VM *vm, Value v, bool *known) {
    Type *t = type_of(vm, v);
    *known = v_is_obj(v) && is_ours(t);
    if (!*known) return VNULL;
    return ((It *)v)->next(vm, (It *)v);
}

/* ---- sequences ---- */

bool list_iter_next(Value v, Value *out) {
    It *it = (It *)v;
    if (!it->a) return false;
    List *l = as_list(it->a);
    if (it->i < l->n) { *out = l->items[it->i++]; return true; }
    it->a = VNULL;
    return false;
}

static Value list_next(VM *vm, It *it) {
    Value v;
    return list_iter_next((Value)it, &v) ? v : VNULL;
}

static Value list_rev_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    List *l = as_list(it->a);
    if (it->i >= 0 && it->i < l->n) return l->items[it->i--];
    it->a = VNULL;
    return VNULL;
}

static Value tuple_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    Tuple *t = as_tuple(it->a);
    if (it->i < t->n) return t->items[it->i++];
    it->a = VNULL;
    return VNULL;
}

/* i = next value, used = step, n = remaining. The range_iterator type only walks ranges whose
 * values are all small ints (so the interpreter's fast path needs no VM); others get the
 * hidden long-range type, which boxes. */
bool range_iter_next(Value v, Value *out) {
    It *it = (It *)v;
    if (it->n <= 0) return false;
    *out = v_from_int(it->i);
    it->i = (int64_t)((uint64_t)it->i + (uint64_t)it->used);
    it->n--;
    return true;
}

static Value range_next(VM *vm, It *it) {
    Value v;
    return range_iter_next((Value)it, &v) ? v : VNULL;
}

static Value longrange_next(VM *vm, It *it) {
    if (it->n <= 0) return VNULL;
    int64_t v = it->i;
    it->i = (int64_t)((uint64_t)it->i + (uint64_t)it->used);
    it->n--;
    return int_from_i64(vm, v);
}

Value list_iter_new(VM *vm, Value list) {
    It *it = it_alloc(vm, vm->t_list_iterator, list_next);
    if (!it) return VNULL;
    it->a = list;
    return v_from_obj(it);
}

Value list_reviter_new(VM *vm, Value list) {
    It *it = it_alloc(vm, vm->t_list_reverseiterator, list_rev_next);
    if (!it) return VNULL;
    it->a = list;
    it->i = as_list(list)->n - 1;
    return v_from_obj(it);
}

Value tuple_iter_new(VM *vm, Value tuple) {
    It *it = it_alloc(vm, vm->t_tuple_iterator, tuple_next);
    if (!it) return VNULL;
    it->a = tuple;
    return v_from_obj(it);
}

/* long_name: CPython would use its longrange_iterator here (its C long bounds, not ours) */
Value range_iter_new(VM *vm, Value range, bool long_name) {
    Range *r = (Range *)range;
    int64_t last = r->len ? (int64_t)((uint64_t)r->start + (uint64_t)(r->len - 1) * (uint64_t)r->step) : 0;
    bool small = smallint_fits(r->start) && smallint_fits(last);
    Type *t = long_name ? (Type *)dict_get_cstr(vm, vm->hidden, "__aspen_long__") : vm->t_range_iterator;
    It *it = it_alloc(vm, t, small ? range_next : longrange_next);
    if (!it) return VNULL;
    it->i = r->start;
    it->used = r->step;
    it->n = r->len;
    return v_from_obj(it);
}

/* a = the sequence, i = next index; IndexError or StopIteration from __getitem__ ends it */
static Value seq_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    Value v = vm_getitem(vm, it->a, int_from_i64(vm, it->i));
    if (v) { it->i++; return v; }
    if (vm_exc_is(vm, vm->e_IndexError) || vm_exc_is(vm, vm->e_StopIteration)) {
        vm_clear_exc(vm);
        it->a = VNULL;
    }
    return VNULL;
}

Value seq_iter_new(VM *vm, Value seq) {
    It *it = it_alloc(vm, vm->t_seq_iterator, seq_next);
    if (!it) return VNULL;
    it->a = seq;
    return v_from_obj(it);
}

/* a = callable, b = sentinel */
static Value callable_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    Value v = vm_call0(vm, it->a);
    if (!v) {
        if (vm_exc_is(vm, vm->e_StopIteration)) { vm_clear_exc(vm); it->a = VNULL; }
        return VNULL;
    }
    int eq = vm_eq(vm, v, it->b);
    if (eq < 0) return VNULL;
    if (eq) { it->a = VNULL; return VNULL; }
    return v;
}

Value callable_iter_new(VM *vm, Value fn, Value sentinel) {
    It *it = it_alloc(vm, vm->t_callable_iterator, callable_next);
    if (!it) return VNULL;
    it->a = fn;
    it->b = sentinel;
    return v_from_obj(it);
}

/* ---- set and dict iterators ---- */

/* a = set, i = table position, used = size when created */
static Value set_it_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    if (set_len(it->a) != it->used) {
        it->used = -1;   /* sticky, as CPython */
        return vm_raise(vm, vm->e_RuntimeError, "Set changed size during iteration");
    }
    Value k;
    if (set_next(it->a, &it->i, &k)) return k;
    it->a = VNULL;
    return VNULL;
}

static Value set_iter(VM *vm, Value *args, int nargs, Value kwnames) {
    It *it = it_alloc(vm, vm->t_set_iterator, set_it_next);
    if (!it) return VNULL;
    it->a = args[0];
    it->used = set_len(args[0]);
    return v_from_obj(it);
}

/* a = dict, i = entry position, used = size when created, n = items left, flags = DK_* */
static Value dict_it_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    Dict *d = (Dict *)it->a;
    if (dict_len(d) != it->used) {
        it->used = -1;
        return vm_raise(vm, vm->e_RuntimeError, "dictionary changed size during iteration");
    }
    Value k, v;
    bool rev = it->flags & DK_REVERSED;
    for (;;) {
        if (rev ? it->i < 0 : it->i >= dict_entry_count(d)) { it->a = VNULL; return VNULL; }
        bool ok = dict_entry_at(d, it->i, &k, &v, NULL);
        it->i += rev ? -1 : 1;
        if (ok) break;
    }
    if (it->n-- <= 0) {
        it->n = 0;
        return vm_raise(vm, vm->e_RuntimeError, "dictionary keys changed during iteration");
    }
    switch (it->flags & 3) {
    case DK_KEYS: return k;
    case DK_VALUES: return v;
    default: return tuple_pack(vm, 2, k, v);
    }
}

static Value dict_iter_kind(VM *vm, Value dict, int flags) {
    Type *t = (flags & 3) == DK_KEYS ? vm->t_dict_keyiterator
            : (flags & 3) == DK_VALUES ? vm->t_dict_valueiterator : vm->t_dict_itemiterator;
    It *it = it_alloc(vm, t, dict_it_next);
    if (!it) return VNULL;
    Dict *d = (Dict *)dict;
    it->a = dict;
    it->flags = flags;
    it->used = it->n = dict_len(d);
    it->i = (flags & DK_REVERSED) ? dict_entry_count(d) - 1 : 0;
    return v_from_obj(it);
}

Value dict_iter_new(VM *vm, Value dict) { return dict_iter_kind(vm, dict, DK_KEYS); }

/* ---- enumerate, zip, map, filter, reversed ---- */

/* a = iterator, b = next count */
static Value enum_next(VM *vm, It *it) {
    Value item = vm_next(vm, it->a);
    if (!item) return VNULL;
    Value idx = it->b;
    if (v_is_int(idx) && v_int(idx) < SMALLINT_MAX) it->b = v_from_int(v_int(idx) + 1);
    else if (!(it->b = int_binop(vm, OP_ADD, idx, v_from_int(1)))) { it->b = idx; return VNULL; }
    return tuple_pack(vm, 2, idx, item);
}

static Value enum_new(VM *vm, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "start", NULL};
    Value out[2];
    if (vm_parse_args(vm, "enumerate", args + 1, nargs - 1, kwnames, names, 1, 0, out) < 0) return VNULL;
    Value start = out[1] ? out[1] : v_from_int(0);
    if (!int_check(vm, start)) {
        int64_t dummy;
        if (vm_index(vm, start, &dummy) < 0) return VNULL;
        start = int_from_i64(vm, dummy);
    }
    Value src = vm_iter(vm, out[0]);
    if (!src) return VNULL;
    It *it = it_alloc(vm, (Type *)args[0], enum_next);
    if (!it) return VNULL;
    it->a = src;
    it->b = start;
    return v_from_obj(it);
}

/* a = tuple of iterators; flags Z_STRICT */
static Value zip_strict_error(VM *vm, int64_t i, bool shorter) {
    const char *plural = i == 1 ? " " : "s 1-";
    return vm_raise(vm, vm->e_ValueError, "zip() argument %lld is %s than argument%s%lld",
                    (long long)(i + 1), shorter ? "shorter" : "longer", plural, (long long)i);
}

static Value zip_next(VM *vm, It *it) {
    if (!it->a) return VNULL;
    Tuple *its = as_tuple(it->a);
    int64_t n = its->n;
    if (n == 0) return VNULL;
    Value res = tuple_new(vm, n);
    if (!res) return VNULL;
    for (int64_t i = 0; i < n; i++) {
        Value v = vm_next(vm, its->items[i]);
        if (v) { as_tuple(res)->items[i] = v; continue; }
        if (vm->exc) return VNULL;
        it->a = VNULL;
        if (!(it->flags & Z_STRICT)) return VNULL;
        if (i) return zip_strict_error(vm, i, true);
        for (int64_t j = 1; j < n; j++) {
            Value w = vm_next(vm, its->items[j]);
            if (w) return zip_strict_error(vm, j, false);
            if (vm->exc) return VNULL;
        }
        return VNULL;
    }
    return res;
}

static Value zip_new(VM *vm, Value *args, int nargs, Value kwnames) {
    int flags = 0;
    int64_t nkw = kwnames ? as_tuple(kwnames)->n : 0;
    for (int64_t k = 0; k < nkw; k++) {
        Value name = as_tuple(kwnames)->items[k];
        if (strcmp(str_cstr(name), "strict") != 0)
            return vm_raise(vm, vm->e_TypeError, "zip() got an unexpected keyword argument '%s'", str_cstr(name));
        int t = vm_truthy(vm, args[nargs + k]);
        if (t < 0) return VNULL;
        if (t) flags |= Z_STRICT;
    }
    Value its = tuple_new(vm, nargs - 1);
    if (!its) return VNULL;
    for (int i = 1; i < nargs; i++) {
        Value x = vm_iter(vm, args[i]);
        if (!x) return VNULL;
        as_tuple(its)->items[i - 1] = x;
    }
    It *it = it_alloc(vm, (Type *)args[0], zip_next);
    if (!it) return VNULL;
    it->a = its;
    it->flags = flags;
    return v_from_obj(it);
}

/* a = function, b = tuple of iterators */
static Value map_next(VM *vm, It *it) {
    Tuple *its = as_tuple(it->b);
    Value argv[8];
    Value tmp = VNULL;
    Value *av = argv;
    if (its->n > 8) {
        tmp = tuple_new(vm, its->n);
        if (!tmp) return VNULL;
        av = as_tuple(tmp)->items;
    }
    for (int64_t i = 0; i < its->n; i++) {
        Value v = vm_next(vm, its->items[i]);
        if (!v) return VNULL;
        av[i] = v;
    }
    return vm_call(vm, it->a, av, (int)its->n, VNULL);
}

static Value map_new(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "map() takes no keyword arguments");
    if (nargs < 3) return vm_raise(vm, vm->e_TypeError, "map() must have at least two arguments.");
    Value its = tuple_new(vm, nargs - 2);
    if (!its) return VNULL;
    for (int i = 2; i < nargs; i++) {
        Value x = vm_iter(vm, args[i]);
        if (!x) return VNULL;
        as_tuple(its)->items[i - 2] = x;
    }
    It *it = it_alloc(vm, (Type *)args[0], map_next);
    if (!it) return VNULL;
    it->a = args[1];
    it->b = its;
    return v_from_obj(it);
}

/* a = predicate or None, b = iterator */
static Value filter_next(VM *vm, It *it) {
    for (;;) {
        Value v = vm_next(vm, it->b);
        if (!v) return VNULL;
        Value r = it->a == vm->none ? v : vm_call1(vm, it->a, v);
        if (!r) return VNULL;
        int t = vm_truthy(vm, r);
        if (t < 0) return VNULL;
        if (t) return v;
    }
}

static Value filter_new(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "filter() takes no keyword arguments");
    if (nargs != 3) return vm_raise(vm, vm->e_TypeError, "filter expected 2 arguments, got %d", nargs - 1);
    Value src = vm_iter(vm, args[2]);
    if (!src) return VNULL;
    It *it = it_alloc(vm, (Type *)args[0], filter_next);
    if (!it) return VNULL;
    it->a = args[1];
    it->b = src;
    return v_from_obj(it);
}

/* a = sequence, i = next index (counting down) */
static Value reversed_next(VM *vm, It *it) {
    if (!it->a || it->i < 0) { it->a = VNULL; return VNULL; }
    Value v = vm_getitem(vm, it->a, int_from_i64(vm, it->i));
    if (v) { it->i--; return v; }
    if (vm_exc_is(vm, vm->e_IndexError) || vm_exc_is(vm, vm->e_StopIteration)) {
        vm_clear_exc(vm);
        it->a = VNULL;
    }
    return VNULL;
}

static Value reversed_new(VM *vm, Value *args, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) return vm_raise(vm, vm->e_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 2) return vm_raise(vm, vm->e_TypeError, "reversed expected 1 argument, got %d", nargs - 1);
    Value seq = args[1];
    Type *t = type_of(vm, seq);
    Value rev = type_lookup(vm, t, vm->s___reversed__);
    if (rev == vm->none)
        return vm_raise(vm, vm->e_TypeError, "'%s' object is not reversible", t->name);
    if (rev) return vm_call_method(vm, seq, vm->s___reversed__, NULL, 0);
    if (!type_lookup(vm, t, vm->s___getitem__) || !type_lookup(vm, t, vm->s___len__) ||
        isinst(vm, seq, vm->t_dict))
        return vm_raise(vm, vm->e_TypeError, "'%s' object is not reversible", t->name);
    int64_t n = vm_len(vm, seq);
    if (n < 0) return VNULL;
    It *it = it_alloc(vm, (Type *)args[0], reversed_next);
    if (!it) return VNULL;
    it->a = seq;
    it->i = n - 1;
    return v_from_obj(it);
}

/* ---- the Python-level iterator protocol ---- */

static Value it_iter(VM *vm, Value *args, int nargs, Value kwnames) { return args[0]; }

static Value it_next(VM *vm, Value *args, int nargs, Value kwnames) {
    It *it = (It *)args[0];
    Value v = it->next(vm, it);
    if (v || vm->exc) return v;
    Value e = exc_new(vm, vm->e_StopIteration, NULL, 0);
    return e ? vm_raise_value(vm, e) : VNULL;
}

static Type *iter_type(VM *vm, const char *name, uint32_t flags) {
    Type *t = type_new_builtin(vm, name, vm->t_object, sizeof(It), flags);
    t->trace = it_trace;
    type_add_method(vm, t, "__iter__", it_iter);
    type_add_method(vm, t, "__next__", it_next);
    return t;
}

/* ---- dict views ---- */

typedef struct { Obj head; Value dict; } View;

static void view_trace(GC *gc, Obj *o) { gc_mark(gc, ((View *)o)->dict); }

#define VDICT (((View *)args[0])->dict)

static int view_kind(VM *vm, Value v) {
    Type *t = ((Obj *)v)->type;
    return t == vm->t_dict_keys ? DK_KEYS : t == vm->t_dict_values ? DK_VALUES : DK_ITEMS;
}

static bool is_setlike_view(VM *vm, Value v) {
    return v_is_obj(v) && (((Obj *)v)->type == vm->t_dict_keys || ((Obj *)v)->type == vm->t_dict_items);
}

static Value v_len(VM *vm, Value *args, int nargs, Value kwnames) { return v_from_int(dict_len((Dict *)VDICT)); }

static Value v_iter(VM *vm, Value *args, int nargs, Value kwnames) {
    return dict_iter_kind(vm, VDICT, view_kind(vm, args[0]));
}

static Value v_reversed(VM *vm, Value *args, int nargs, Value kwnames) {
    return dict_iter_kind(vm, VDICT, view_kind(vm, args[0]) | DK_REVERSED);
}

static Value v_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    const char *name = ((Obj *)args[0])->type->name;
    if (vm_repr_enter(vm, args[0])) return str_from_cstr(vm, "...");
    Value items = vm_to_list(vm, args[0]);
    Value r = items ? vm_repr(vm, items) : VNULL;
    vm_repr_leave(vm, args[0]);
    if (!r) return VNULL;
    return str_printf(vm, "%s(%s)", name, str_cstr(r));
}

static int items_contains(VM *vm, Value dict, Value item) {
    if (!v_is_obj(item) || !isinst(vm, item, vm->t_tuple) || as_tuple(item)->n != 2) return 0;
    Value v;
    int r = dict_get(vm, (Dict *)dict, as_tuple(item)->items[0], &v);
    if (r <= 0) return r;
    return vm_eq(vm, v, as_tuple(item)->items[1]);
}

static int view_contains(VM *vm, Value view, Value x) {
    Value d = ((View *)view)->dict;
    if (view_kind(vm, view) == DK_KEYS) return dict_get(vm, (Dict *)d, x, NULL);
    return items_contains(vm, d, x);
}

static Value v_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    int r = view_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value to_set(VM *vm, Value iterable) {
    Value s = set_new(vm, vm->t_set);
    if (!s || set_update(vm, s, iterable) < 0) return VNULL;
    return s;
}

/* CPython's _PyDictView_Intersect: iterate the other operand, keep what the view contains. */
static Value view_and(VM *vm, Value self, Value other) {
    int64_t len_self = dict_len((Dict *)((View *)self)->dict);
    if (v_is_obj(other) && ((Obj *)other)->type == vm->t_set && len_self <= set_len(other))
        return vm_call_method(vm, other, str_intern_cstr(vm, "intersection"), &self, 1);
    if (is_setlike_view(vm, other) && dict_len((Dict *)((View *)other)->dict) > len_self) {
        Value t = self; self = other; other = t;
    }
    Value result = set_new(vm, vm->t_set);
    Value it = result ? vm_iter(vm, other) : VNULL;
    if (!it) return VNULL;
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) return vm->exc ? VNULL : result;
        int r = view_contains(vm, self, x);
        if (r < 0 || (r && set_add(vm, result, x) < 0)) return VNULL;
    }
}

static Value v_and(VM *vm, Value *args, int nargs, Value kwnames) { return view_and(vm, args[0], args[1]); }

/* set(left) <method> right, for |, -, ^ in both operand orders */
static Value view_setop(VM *vm, Value left, Value right, const char *method) {
    Value s = to_set(vm, left);
    if (!s) return VNULL;
    Value r = vm_call_method(vm, s, str_intern_cstr(vm, method), &right, 1);
    return r ? s : VNULL;
}

static Value v_or(VM *vm, Value *args, int nargs, Value kwnames) { return view_setop(vm, args[0], args[1], "update"); }
static Value v_ror(VM *vm, Value *args, int nargs, Value kwnames) { return view_setop(vm, args[1], args[0], "update"); }
static Value v_sub(VM *vm, Value *args, int nargs, Value kwnames) { return view_setop(vm, args[0], args[1], "difference_update"); }
static Value v_rsub(VM *vm, Value *args, int nargs, Value kwnames) { return view_setop(vm, args[1], args[0], "difference_update"); }
static Value v_xor(VM *vm, Value *args, int nargs, Value kwnames) { return view_setop(vm, args[0], args[1], "symmetric_difference_update"); }
static Value v_rxor(VM *vm, Value *args, int nargs, Value kwnames) { return view_setop(vm, args[1], args[0], "symmetric_difference_update"); }

static Value v_isdisjoint(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "isdisjoint", nargs - 1, kwnames, 1, 1) < 0) return VNULL;
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) return vm->exc ? VNULL : vm->true_;
        int r = view_contains(vm, args[0], x);
        if (r) return r < 0 ? VNULL : vm->false_;
    }
}

/* every item of a is in b (1/0/-1) */
static int all_contained_in(VM *vm, Value a, Value b) {
    Value it = vm_iter(vm, a);
    if (!it) return -1;
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) return vm->exc ? -1 : 1;
        int r = vm_contains(vm, b, x);
        if (r <= 0) return r;
    }
}

static Value view_richcmp(VM *vm, Value self, Value other, int op) {
    bool anyset = v_is_obj(other) && (isinst(vm, other, vm->t_set) || isinst(vm, other, vm->t_frozenset));
    if (!anyset && !is_setlike_view(vm, other)) return vm->notimpl;
    int64_t ls = vm_len(vm, self), lo = vm_len(vm, other);
    if (ls < 0 || lo < 0) return VNULL;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NOTEQ:
        r = ls == lo ? all_contained_in(vm, self, other) : 0;
        if (r < 0) return VNULL;
        return vm_bool(vm, op == CMP_EQ ? r : !r);
    case CMP_LT: r = ls < lo ? all_contained_in(vm, self, other) : 0; break;
    case CMP_LTE: r = ls <= lo ? all_contained_in(vm, self, other) : 0; break;
    case CMP_GT: r = ls > lo ? all_contained_in(vm, other, self) : 0; break;
    default: r = ls >= lo ? all_contained_in(vm, other, self) : 0; break;
    }
    return r < 0 ? VNULL : vm_bool(vm, r);
}
#define VCMP(fname, op) \
    static Value fname(VM *vm, Value *args, int nargs, Value kwnames) { return view_richcmp(vm, args[0], args[1], op); }
VCMP(v_eq, CMP_EQ)
VCMP(v_ne, CMP_NOTEQ)
VCMP(v_lt, CMP_LT)
VCMP(v_le, CMP_LTE)
VCMP(v_gt, CMP_GT)
VCMP(v_ge, CMP_GTE)

static Type *view_type(VM *vm, const char *name, bool setlike) {
    Type *t = type_new_builtin(vm, name, vm->t_object, sizeof(View), 0);
    t->trace = view_trace;
    type_add_method(vm, t, "__len__", v_len);
    type_add_method(vm, t, "__iter__", v_iter);
    type_add_method(vm, t, "__reversed__", v_reversed);
    type_add_method(vm, t, "__repr__", v_repr);
    if (!setlike) return t;
    type_add_method(vm, t, "__contains__", v_contains);
    type_add_method(vm, t, "__and__", v_and);
    type_add_method(vm, t, "__rand__", v_and);
    type_add_method(vm, t, "__or__", v_or);
    type_add_method(vm, t, "__ror__", v_ror);
    type_add_method(vm, t, "__sub__", v_sub);
    type_add_method(vm, t, "__rsub__", v_rsub);
    type_add_method(vm, t, "__xor__", v_xor);
    type_add_method(vm, t, "__rxor__", v_rxor);
    type_add_method(vm, t, "isdisjoint", v_isdisjoint);
    type_add_method(vm, t, "__eq__", v_eq);
    type_add_method(vm, t, "__ne__", v_ne);
    type_add_method(vm, t, "__lt__", v_lt);
    type_add_method(vm, t, "__le__", v_le);
    type_add_method(vm, t, "__gt__", v_gt);
    type_add_method(vm, t, "__ge__", v_ge);
    type_set_attr(vm, t, "__hash__", vm->none);
    return t;
}

void iterobjs_init(VM *vm) {
    vm->t_list_iterator = iter_type(vm, "list_iterator", 0);
    vm->t_list_reverseiterator = iter_type(vm, "list_reverseiterator", 0);
    vm->t_tuple_iterator = iter_type(vm, "tuple_iterator", 0);
    vm->t_range_iterator = iter_type(vm, "range_iterator", 0);
    dict_set_cstr(vm, vm->hidden, "__aspen_long__",
                  v_from_obj(iter_type(vm, "longrange_iterator", 0)));
    vm->t_set_iterator = iter_type(vm, "set_iterator", 0);
    vm->t_dict_keyiterator = iter_type(vm, "dict_keyiterator", 0);
    vm->t_dict_valueiterator = iter_type(vm, "dict_valueiterator", 0);
    vm->t_dict_itemiterator = iter_type(vm, "dict_itemiterator", 0);
    vm->t_callable_iterator = iter_type(vm, "callable_iterator", 0);
    vm->t_seq_iterator = iter_type(vm, "iterator", 0);
    vm->t_enumerate = iter_type(vm, "enumerate", TF_BASETYPE);
    type_add_static(vm, vm->t_enumerate, "__new__", enum_new);
    vm->t_zip = iter_type(vm, "zip", TF_BASETYPE);
    type_add_static(vm, vm->t_zip, "__new__", zip_new);
    vm->t_map = iter_type(vm, "map", TF_BASETYPE);
    type_add_static(vm, vm->t_map, "__new__", map_new);
    vm->t_filter = iter_type(vm, "filter", TF_BASETYPE);
    type_add_static(vm, vm->t_filter, "__new__", filter_new);
    vm->t_reversed = iter_type(vm, "reversed", TF_BASETYPE);
    type_add_static(vm, vm->t_reversed, "__new__", reversed_new);
    type_add_method(vm, vm->t_set, "__iter__", set_iter);
    type_add_method(vm, vm->t_frozenset, "__iter__", set_iter);

    vm->t_dict_keys = view_type(vm, "dict_keys", true);
    vm->t_dict_values = view_type(vm, "dict_values", false);
    vm->t_dict_items = view_type(vm, "dict_items", true);
}
