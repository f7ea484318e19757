/* builtins_iter.c — the builtins that consume an iterable: min, max, sum, sorted, any, all.
 * (enumerate, zip, map, filter and reversed are types, defined with the containers.) */
#include "vm/vm.h"
#include "vm/containers.h"
#include <string.h>

void builtins_iter_init(VM *vm, Value m);

/* min() and max(): one iterable or several positional arguments, optional key= and default=.
 * `op` is CMP_LT for min, CMP_GT for max: an item replaces the best so far only when strictly
 * better, so the first of equal items wins, as in CPython. */
static Value min_max(VM *vm, Value *a, int n, Value k, int op) {
    const char *name = op == CMP_LT ? "min" : "max";
    Value key = VNULL, dflt = VNULL;
    int nk = k ? (int)as_tuple(k)->n : 0;
    if (nk > 2) return vm_raise(vm, vm->e_TypeError, "%s() takes at most 2 keyword arguments (%d given)", name, nk);
    for (int i = 0; i < nk; i++) {
        const char *kn = str_cstr(as_tuple(k)->items[i]);
        if (!strcmp(kn, "key")) key = a[n + i];
        else if (!strcmp(kn, "default")) dflt = a[n + i];
        else return vm_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for %s()", kn, name);
    }
    if (n == 0) return vm_raise(vm, vm->e_TypeError, "%s expected at least 1 argument, got 0", name);
    if (n > 1 && dflt)
        return vm_raise(vm, vm->e_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    if (key == vm->none) key = VNULL;
    Value it = n == 1 ? vm_iter(vm, a[0]) : tuple_iter_new(vm, tuple_from_array(vm, a, n));
    if (!it) return VNULL;
    Value best = VNULL, bestkey = VNULL, item;
    while ((item = vm_next(vm, it))) {
        Value kv = item;
        if (key && !(kv = vm_call1(vm, key, item))) return VNULL;
        if (!best) { best = item; bestkey = kv; continue; }
        int better = vm_richcmp_bool(vm, kv, bestkey, op);
        if (better < 0) return VNULL;
        if (better) { best = item; bestkey = kv; }
    }
    if (vm->exc) return VNULL;
    if (best) return best;
    if (dflt) return dflt;
    return vm_raise(vm, vm->e_ValueError, "%s() arg is an empty sequence", name);
}
static Value bi_min(VM *vm, Value *a, int n, Value k) { return min_max(vm, a, n, k, CMP_LT); }
static Value bi_max(VM *vm, Value *a, int n, Value k) { return min_max(vm, a, n, k, CMP_GT); }

/* sum(iterable, /, start=0). Small ints are added in C until they overflow; everything else
 * goes through +, left to right, exactly as CPython (floats are added one by one, no fsum). */
static Value bi_sum(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "iterable", "start", NULL };
    Value o[2];
    for (int i = 0; k && i < (int)as_tuple(k)->n; i++)   /* CPython's wording for pos-only names */
        if (strcmp(str_cstr(as_tuple(k)->items[i]), "start"))
            return vm_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for sum()", str_cstr(as_tuple(k)->items[i]));
    if (vm_parse_args(vm, "sum", a, n, k, names, 1, 1, o) < 0) return VNULL;
    Value acc = o[1] ? o[1] : v_from_int(0);
    if (isinst(vm, acc, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (isinst(vm, acc, vm->t_bytes))
        return vm_raise(vm, vm->e_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (isinst(vm, acc, vm->t_bytearray))
        return vm_raise(vm, vm->e_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    Value it = vm_iter(vm, o[0]);
    if (!it) return VNULL;
    Value item;
    while ((item = vm_next(vm, it))) {
        if (v_is_int(acc) && v_is_int(item)) {
            int64_t s = v_int(acc) + v_int(item);   /* 62-bit payloads cannot overflow int64 */
            if (smallint_fits(s)) { acc = v_from_int(s); continue; }
        }
        if (type_of(vm, acc) == vm->t_float && type_of(vm, item) == vm->t_float) {
            acc = float_new(vm, float_val(acc) + float_val(item));
            if (!acc) return VNULL;
            continue;
        }
        acc = vm_binop(vm, OP_ADD, acc, item);
        if (!acc) return VNULL;
    }
    return vm->exc ? VNULL : acc;
}

/* sorted(iterable, /, *, key=None, reverse=False): a new list, sorted in place by list.sort's
 * algorithm, whose keyword errors it shares ("... for sort()"). */
static Value bi_sorted(VM *vm, Value *a, int n, Value k) {
    if (n != 1) return vm_raise(vm, vm->e_TypeError, "sorted expected 1 argument, got %d", n);
    Value key = VNULL, rev = VNULL;
    int nk = k ? (int)as_tuple(k)->n : 0;
    for (int i = 0; i < nk; i++) {
        const char *kn = str_cstr(as_tuple(k)->items[i]);
        if (!strcmp(kn, "key")) key = a[n + i];
        else if (!strcmp(kn, "reverse")) rev = a[n + i];
        else return vm_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for sort()", kn);
    }
    int64_t r = 0;
    if (rev) {
        if (isinst(vm, rev, vm->t_float))
            return vm_raise(vm, vm->e_TypeError, "'float' object cannot be interpreted as an integer");
        if (vm_index(vm, rev, &r) < 0) return VNULL;
    }
    Value l = vm_to_list(vm, a[0]);
    if (!l) return VNULL;
    if (type_of(vm, l) != vm->t_list || l == a[0]) l = list_from_array(vm, as_list(l)->items, as_list(l)->n);
    if (!list_sort(vm, l, key == vm->none ? VNULL : key, r != 0)) return VNULL;
    return l;
}

/* any() / all(): stop at the first item whose truth value is `stop_on`. */
static Value any_all(VM *vm, Value *a, int n, Value k, const char *name, bool stop_on) {
    if (vm_check_args(vm, name, n, k, 1, 1) < 0) return VNULL;
    Value it = vm_iter(vm, a[0]);
    if (!it) return VNULL;
    Value item;
    while ((item = vm_next(vm, it))) {
        int t = vm_truthy(vm, item);
        if (t < 0) return VNULL;
        if ((t != 0) == stop_on) return vm_bool(vm, stop_on);
    }
    return vm->exc ? VNULL : vm_bool(vm, !stop_on);
}
static Value bi_any(VM *vm, Value *a, int n, Value k) { return any_all(vm, a, n, k, "any", true); }
static Value bi_all(VM *vm, Value *a, int n, Value k) { return any_all(vm, a, n, k, "all", false); }

void builtins_iter_init(VM *vm, Value m) {
    module_add_fn(vm, m, "min", bi_min);
    module_add_fn(vm, m, "max", bi_max);
    module_add_fn(vm, m, "sum", bi_sum);
    module_add_fn(vm, m, "sorted", bi_sorted);
    module_add_fn(vm, m, "any", bi_any);
    module_add_fn(vm, m, "all", bi_all);
}
