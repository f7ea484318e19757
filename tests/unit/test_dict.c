/* test_dict.c — unit tests for the dict C API (vm/dict.c) and the set table layout (vm/set.c).
 *
 * Expected orders come from CPython 3.11 (noted next to each table); everything else checks
 * the dict's own invariants: insertion order, deletion, growth, identity lookup of interned
 * keys, and the version counter the global-name caches rely on. */
#include <criterion/criterion.h>

#include "vm/vm.h"
#include "vm/containers.h"

VM *vm_new(const VMConfig *cfg);   /* vm/vm.c */
void vm_free(VM *vm);

static VM *vm;

static void setup(void) {
    vm = vm_new(NULL);
    cr_assert_not_null(vm);
    int here;
    vm->stack_base = &here;
}

static void teardown(void) { vm_free(vm); }

TestSuite(dict, .init = setup, .fini = teardown);

Test(dict, set_get_delete_small_ints) {
    Dict *d = dict_new(vm);
    for (int i = 0; i < 100; i++) cr_assert_eq(dict_set(vm, d, v_from_int(i), v_from_int(i * i)), 0);
    cr_assert_eq(dict_len(d), 100);
    for (int i = 0; i < 100; i++) {
        Value out = VNULL;
        cr_assert_eq(dict_get(vm, d, v_from_int(i), &out), 1);
        cr_assert_eq(v_int(out), i * i);
    }
    Value out;
    cr_assert_eq(dict_get(vm, d, v_from_int(1000), &out), 0);
    for (int i = 0; i < 100; i += 2) cr_assert_eq(dict_del(vm, d, v_from_int(i)), 1);
    cr_assert_eq(dict_del(vm, d, v_from_int(0)), 0);
    cr_assert_eq(dict_len(d), 50);
}

Test(dict, insertion_order_survives_deletes_and_growth) {
    Dict *d = dict_new(vm);
    for (int i = 0; i < 1000; i++) dict_set(vm, d, v_from_int(999 - i), v_from_int(i));
    for (int i = 0; i < 1000; i += 3) dict_del(vm, d, v_from_int(i));
    dict_set(vm, d, v_from_int(5000), v_from_int(0));
    int64_t pos = 0, prev_value = -1, n = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (v_int(k) == 5000) { cr_assert_eq(n, dict_len(d) - 1); break; }
        cr_assert_gt(v_int(v), prev_value);   /* values were inserted increasing */
        prev_value = v_int(v);
        n++;
    }
}

Test(dict, str_keys_interned_and_not) {
    Dict *d = dict_new(vm);
    Value name = str_intern_cstr(vm, "alpha");
    cr_assert_eq(dict_set(vm, d, name, v_from_int(1)), 0);
    cr_assert_eq(dict_get_str(d, name), v_from_int(1));
    /* a non-interned equal key finds the same entry */
    Value other = str_new(vm, "alpha", 5);
    Value out;
    cr_assert_eq(dict_get(vm, d, other, &out), 1);
    cr_assert_eq(out, v_from_int(1));
    dict_set(vm, d, other, v_from_int(2));
    cr_assert_eq(dict_len(d), 1);
    cr_assert_eq(dict_get_str(d, name), v_from_int(2));
    /* and the interned fast path finds a key stored non-interned */
    Dict *e = dict_new(vm);
    dict_set(vm, e, str_new(vm, "beta", 4), v_from_int(3));
    cr_assert_eq(dict_get_str(e, str_intern_cstr(vm, "beta")), v_from_int(3));
    cr_assert_eq(dict_get_str(e, str_intern_cstr(vm, "gamma")), VNULL);
    cr_assert_eq(dict_get_cstr(vm, e, "beta"), v_from_int(3));
}

Test(dict, version_copy_clear) {
    Dict *d = dict_new(vm);
    uint64_t v0 = dict_version(d);
    dict_set_cstr(vm, d, "x", v_from_int(1));
    uint64_t v1 = dict_version(d);
    cr_assert_neq(v0, v1);
    dict_set_cstr(vm, d, "x", v_from_int(2));   /* value change must invalidate caches too */
    cr_assert_neq(dict_version(d), v1);
    Value c = dict_copy(vm, d);
    cr_assert_eq(dict_len((Dict *)c), 1);
    dict_clear(d);
    cr_assert_eq(dict_len(d), 0);
    cr_assert_eq(dict_get_cstr(vm, (Dict *)c, "x"), v_from_int(2));
    cr_assert_eq(dict_get_cstr(vm, d, "x"), VNULL);
}

Test(dict, update_merges_in_order) {
    Dict *a = dict_new(vm), *b = dict_new(vm);
    dict_set(vm, a, v_from_int(1), v_from_int(10));
    dict_set(vm, b, v_from_int(2), v_from_int(20));
    dict_set(vm, b, v_from_int(1), v_from_int(11));
    cr_assert_eq(dict_update(vm, a, v_from_obj(b)), 0);
    int64_t pos = 0;
    Value k, v;
    cr_assert(dict_next(a, &pos, &k, &v));
    cr_assert_eq(v_int(k), 1); cr_assert_eq(v_int(v), 11);
    cr_assert(dict_next(a, &pos, &k, &v));
    cr_assert_eq(v_int(k), 2);
    cr_assert_not(dict_next(a, &pos, &k, &v));
}

/* CPython 3.11: print({3, 1, 2, 10, 100}) built by adds prints {1, 2, 3, 100, 10} */
Test(dict, set_order_matches_cpython) {
    Value s = set_new(vm, vm->t_set);
    int64_t in[] = {3, 1, 2, 10, 100}, want[] = {1, 2, 3, 100, 10};
    for (int i = 0; i < 5; i++) cr_assert_eq(set_add(vm, s, v_from_int(in[i])), 0);
    int64_t pos = 0;
    Value k;
    for (int i = 0; i < 5; i++) {
        cr_assert(set_next(s, &pos, &k));
        cr_assert_eq(v_int(k), want[i]);
    }
    cr_assert_not(set_next(s, &pos, &k));
    cr_assert_eq(set_contains(vm, s, v_from_int(100)), 1);
    cr_assert_eq(set_contains(vm, s, v_from_int(4)), 0);
}

Test(dict, list_sort_ints_stable_reverse) {
    Value l = list_new(vm, 0);
    int64_t in[] = {5, 3, 9, 1, 3, 7};
    for (int i = 0; i < 6; i++) list_append(vm, l, v_from_int(in[i]));
    cr_assert_eq(list_sort(vm, l, VNULL, true), vm->none);
    int64_t want[] = {9, 7, 5, 3, 3, 1};
    for (int i = 0; i < 6; i++) cr_assert_eq(v_int(as_list(l)->items[i]), want[i]);
}
