/* test_int.c — unit tests for the C API of the number layer (vm/int.c, vm/float.c): promotion
 * to big ints and normalization back, parsing and printing, hashing (CPython's values),
 * exact int/float comparison, pow/divmod helpers and the error messages they raise.
 * Expected values come from CPython 3.11. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/numobj.h"

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

TestSuite(int, .init = setup, .fini = teardown);

static Value parse(const char *s) {
    Value v = int_parse(vm, s, strlen(s), 10, VNULL);
    cr_assert(v, "parse %s", s);
    return v;
}

static void expect_str(Value v, const char *want) {
    Value s = int_to_str(vm, v, 10);
    cr_assert(s);
    cr_assert_str_eq(str_cstr(s), want);
}

static const char *exc_message(void) {
    cr_assert(vm->exc);
    Value s = vm_str(vm, vm->exc);
    return s ? str_cstr(s) : "";
}

Test(int, small_ints_stay_immediate_and_promote) {
    cr_assert(v_is_int(int_from_i64(vm, SMALLINT_MAX)));
    Value big = int_from_i64(vm, SMALLINT_MAX + 1);
    cr_assert(!v_is_int(big));
    expect_str(big, "2305843009213693952");
    Value back = int_binop(vm, OP_SUB, big, v_from_int(1));
    cr_assert(v_is_int(back), "results that fit are normalized to immediates");
    cr_assert_eq(v_int(back), SMALLINT_MAX);
}

Test(int, big_arithmetic) {
    Value p = int_binop(vm, OP_POW, v_from_int(2), v_from_int(100));
    expect_str(p, "1267650600228229401496703205376");
    Value q = int_binop(vm, OP_FLOORDIV, int_neg(vm, p), v_from_int(7));
    expect_str(q, "-181092942889747057356671886483");
    Value r = int_binop(vm, OP_MOD, int_neg(vm, p), v_from_int(7));
    expect_str(r, "5");
    Value t = int_divmod(vm, p, v_from_int(1000));
    cr_assert_eq(as_tuple(t)->items[1], v_from_int(376));
    expect_str(int_pow3(vm, v_from_int(3), v_from_int(200), parse("1000000007")), "136318165");
}

Test(int, hash_matches_cpython) {
    cr_assert_eq(int_hash(v_from_int(-1)), -2);
    cr_assert_eq(int_hash(parse("2305843009213693951")), 0);
    cr_assert_eq(int_hash(parse("2305843009213693952")), 1);
    cr_assert_eq(int_hash(parse("10000000000000000000000000000000000000000")), 1388497483929617590);
    cr_assert_eq(float_hash(1.5), 1152921504606846977);
    cr_assert_eq(float_hash(-1.0), -2);
    cr_assert_eq(float_hash(1e300), int_hash(int_from_double(vm, 1e300)));
    cr_assert_eq(float_hash(INFINITY), 314159);
}

Test(int, compare_exact_with_floats) {
    Value big = int_binop(vm, OP_ADD, int_binop(vm, OP_POW, v_from_int(2), v_from_int(53)), v_from_int(1));
    Value f = float_new(vm, 9007199254740992.0);
    Value r = vm_richcmp(vm, big, f, CMP_GT);
    cr_assert_eq(r, vm->true_, "2**53 + 1 > 2.0**53");
    cr_assert_eq(vm_richcmp(vm, big, f, CMP_EQ), vm->false_);
}

Test(int, errors_have_cpython_messages) {
    cr_assert_eq(int_binop(vm, OP_FLOORDIV, v_from_int(1), v_from_int(0)), VNULL);
    cr_assert_str_eq(exc_message(), "integer division or modulo by zero");
    vm_clear_exc(vm);
    cr_assert_eq(int_binop(vm, OP_LSHIFT, v_from_int(1), v_from_int(-1)), VNULL);
    cr_assert_str_eq(exc_message(), "negative shift count");
    vm_clear_exc(vm);
    cr_assert_eq(int_from_double(vm, NAN), VNULL);
    cr_assert_str_eq(exc_message(), "cannot convert float NaN to integer");
    vm_clear_exc(vm);
    cr_assert_eq(int_parse(vm, "12a", 3, 10, VNULL), VNULL);
    cr_assert_str_eq(exc_message(), "invalid literal for int() with base 10: '12a'");
    vm_clear_exc(vm);
    cr_assert_eq(float_binop(vm, OP_MOD, float_new(vm, 1.0), v_from_int(0)), VNULL);
    cr_assert_str_eq(exc_message(), "float modulo");
    vm_clear_exc(vm);
}

Test(int, str_digit_limit) {
    Value big = int_binop(vm, OP_POW, v_from_int(10), v_from_int(4300));
    cr_assert_eq(int_to_str(vm, big, 10), VNULL);
    vm_clear_exc(vm);
    Value ok = int_binop(vm, OP_SUB, big, v_from_int(1));
    Value s = int_to_str(vm, ok, 10);
    cr_assert(s);
    cr_assert_eq(as_str(s)->len, 4300);
}

Test(int, bools_are_ints) {
    cr_assert(int_check(vm, vm->true_));
    cr_assert_eq(int_binop(vm, OP_ADD, vm->true_, vm->true_), v_from_int(2));
    cr_assert_eq(int_binop(vm, OP_BITAND, vm->true_, vm->false_), vm->false_);
    cr_assert_eq(int_hash(vm->true_), 1);
}

Test(int, float_division_and_modulo_signs) {
    Value r = float_binop(vm, OP_MOD, v_from_int(-7), float_new(vm, 2.5));
    cr_assert_float_eq(float_val(r), 0.5, 0.0);
    Value d = float_divmod(vm, float_new(vm, 7.0), float_new(vm, -2.0));
    cr_assert_float_eq(float_val(as_tuple(d)->items[0]), -4.0, 0.0);
    cr_assert_float_eq(float_val(as_tuple(d)->items[1]), -1.0, 0.0);
}
