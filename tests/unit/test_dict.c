/* test_dict.c — unit tests for the dict C API (vm/dict.c) and the set table layout (vm/set.c).
 *
 * Expected orders come from CPython 3.11 (noted next to each table); everything else checks
 * the dict's own invariants: insertion order, deletion, growth, identity lookup of interned
 * keys, and the version counter the global-name caches rely on. */
#include <criterion/criterion.h>

#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/dict.h"

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

/* Deleted slots become DUMMY; keys put back go to the end of the order, and a lookup must
 * walk past the dummies their old slots left. */
Test(dict, delete_then_reinsert_goes_last) {
    Dict *d = dict_new(vm);
    for (int i = 0; i < 1000; i++) dict_set(vm, d, v_from_int(i), v_from_int(i));
    for (int i = 0; i < 1000; i += 2) cr_assert_eq(dict_del(vm, d, v_from_int(i)), 1);
    for (int i = 0; i < 1000; i += 2) cr_assert_eq(dict_get(vm, d, v_from_int(i), NULL), 0);
    for (int i = 998; i >= 0; i -= 2) dict_set(vm, d, v_from_int(i), v_from_int(-i));
    cr_assert_eq(dict_len(d), 1000);
    int64_t pos = 0, n = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        int64_t want = n < 500 ? 2 * n + 1 : 998 - 2 * (n - 500);   /* odds, then evens reversed */
        cr_assert_eq(v_int(k), want);
        cr_assert_eq(v_int(v), want & 1 ? want : -want);
        n++;
    }
    cr_assert_eq(n, 1000);
}

/* Insert/delete churn keeps few live keys: each resize drops the tombstones and may shrink,
 * so the entries array stays small and the order stays the insertion order. */
Test(dict, resize_drops_dummies) {
    Dict *d = dict_new(vm);
    for (int i = 0; i < 20000; i++) {
        cr_assert_eq(dict_set(vm, d, v_from_int(i), v_from_int(i)), 0);
        if (i >= 10) cr_assert_eq(dict_del(vm, d, v_from_int(i - 10)), 1);
        cr_assert_leq(dict_entry_count(d), 64);
    }
    cr_assert_eq(dict_len(d), 10);
    int64_t pos = 0, want = 19990;
    Value k;
    while (dict_next(d, &pos, &k, NULL)) cr_assert_eq(v_int(k), want++);
    cr_assert_eq(want, 20000);
    for (int i = 0; i < 19990; i += 97) cr_assert_eq(dict_get(vm, d, v_from_int(i), NULL), 0);
}

/* From 2 MiB up the index and entries arrays are huge-page mappings (vm/tablemem.c): grow
 * across that line, then delete nearly everything and churn until a resize shrinks the
 * arrays back to malloc'd memory; contents and order must survive each move. */
Test(dict, big_tables_grow_and_shrink) {
    Dict *d = dict_new(vm);
    int n = 600000;   /* entries past 2 MiB from 2**18 slots on (then remapped), index from 2**19 */
    for (int i = 0; i < n; i++) cr_assert_eq(dict_set(vm, d, v_from_int(i * 3), v_from_int(i)), 0);
    Value out;
    for (int i = 0; i < n; i += 7) {
        cr_assert_eq(dict_get(vm, d, v_from_int(i * 3), &out), 1);
        cr_assert_eq(v_int(out), i);
    }
    for (int i = 0; i < n - 5; i++) cr_assert_eq(dict_del(vm, d, v_from_int(i * 3)), 1);
    for (int i = 0; i < 1000; i++) {   /* churn: tombstones fill the table, resizes shrink it */
        cr_assert_eq(dict_set(vm, d, v_from_int(-1 - i), v_from_int(i)), 0);
        cr_assert_eq(dict_del(vm, d, v_from_int(-1 - i)), 1);
    }
    for (int i = 0; i < 200000; i++) dict_set(vm, d, v_from_int(-1), v_from_int(0)), dict_del(vm, d, v_from_int(-1));
    cr_assert_leq(dict_entry_count(d), 64);
    cr_assert_eq(dict_len(d), 5);
    int64_t pos = 0, want = n - 5;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        cr_assert_eq(v_int(k), want * 3);
        cr_assert_eq(v_int(v), want);
        want++;
    }
    cr_assert_eq(want, n);
    Value c = dict_copy(vm, d);
    cr_assert_eq(dict_len((Dict *)c), 5);
    dict_clear(d);
    cr_assert_eq(dict_get(vm, d, v_from_int((n - 1) * 3), NULL), 0);
    cr_assert_eq(dict_get(vm, (Dict *)c, v_from_int((n - 1) * 3), NULL), 1);
}

/* Keys that agree on their low bits share a home slot: the perturbed jumps and the index tags
 * must still tell them apart. 0 and 2**61-1 even have the same hash (0), as -1 and -2 do (-2). */
Test(dict, colliding_hashes) {
    Dict *d = dict_new(vm);
    for (int64_t i = 0; i < 2000; i++) dict_set(vm, d, v_from_int(i << 20), v_from_int(i));
    dict_set(vm, d, v_from_int(SMALLINT_MAX), v_from_int(-1));
    dict_set(vm, d, v_from_int(-1), v_from_int(-2));
    dict_set(vm, d, v_from_int(-2), v_from_int(-3));
    cr_assert_eq(dict_len(d), 2003);
    Value out;
    for (int64_t i = 0; i < 2000; i++) {
        cr_assert_eq(dict_get(vm, d, v_from_int(i << 20), &out), 1);
        cr_assert_eq(v_int(out), i);
        cr_assert_eq(dict_get(vm, d, v_from_int((i << 20) + 1), NULL), 0);
    }
    cr_assert_eq(dict_get(vm, d, v_from_int(SMALLINT_MAX), &out), 1);
    cr_assert_eq(v_int(out), -1);
    cr_assert_eq(dict_get(vm, d, v_from_int(-1), &out), 1);
    cr_assert_eq(v_int(out), -2);
    cr_assert_eq(dict_del(vm, d, v_from_int(0)), 1);
    cr_assert_eq(dict_get(vm, d, v_from_int(SMALLINT_MAX), NULL), 1);
    cr_assert_eq(dict_get(vm, d, v_from_int(-2), &out), 1);
    cr_assert_eq(v_int(out), -3);
}

/* A subscript read remembers its entry so the store of `d[k] += 1` needs no probe; any other
 * change to the dict must make the store look the key up again. */
Test(dict, remembered_hit_is_dropped_on_change) {
    Dict *d = dict_new(vm);
    Value k = str_new(vm, "key", 3), same = str_new(vm, "key", 3);
    dict_set(vm, d, k, v_from_int(1));
    cr_assert_eq(dict_getitem(vm, v_from_obj(d), same), v_from_int(1));
    cr_assert_eq(dict_set(vm, d, same, v_from_int(2)), 0);
    cr_assert_eq(dict_len(d), 1);
    cr_assert_eq(dict_getitem(vm, v_from_obj(d), k), v_from_int(2));
    cr_assert_eq(dict_contains(vm, d, same), 1);
    cr_assert_eq(dict_del(vm, d, k), 1);
    cr_assert_eq(dict_set(vm, d, same, v_from_int(3)), 0);   /* a new entry, not the old one */
    cr_assert_eq(dict_len(d), 1);
    int64_t pos = 0;
    Value key, v;
    cr_assert(dict_next(d, &pos, &key, &v));
    cr_assert_eq(key, same);
    cr_assert_eq(v, v_from_int(3));
    cr_assert_eq(dict_contains(vm, d, k), 1);
    dict_clear(d);
    cr_assert_eq(dict_contains(vm, d, k), 0);
    cr_assert_eq(dict_set(vm, d, k, v_from_int(4)), 0);
    cr_assert_eq(dict_len(d), 1);
}

/* Keys equal across types (1 == True == 1.0) share one entry; the comparison goes through
 * the protocol since only small ints and exact strs are compared inline. */
Test(dict, equal_keys_of_different_types) {
    Dict *d = dict_new(vm);
    dict_set(vm, d, v_from_int(1), v_from_int(10));
    Value out;
    cr_assert_eq(dict_get(vm, d, vm->true_, &out), 1);
    cr_assert_eq(out, v_from_int(10));
    dict_set(vm, d, float_new(vm, 1.0), v_from_int(11));
    cr_assert_eq(dict_len(d), 1);
    cr_assert_eq(dict_getitem(vm, v_from_obj(d), v_from_int(1)), v_from_int(11));
    cr_assert_eq(dict_contains(vm, d, vm->false_), 0);
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
