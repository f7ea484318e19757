/* test_compiler.c — properties of the Code objects lang/compile*.c builds (through vm_compile,
 * the VM's compiler entry): constant folding, the local/cell/free layout the symtable decides,
 * the exception table of try/except/finally and with, the stack depth computation, the
 * compile-time SyntaxErrors, and the --dis listing.
 *
 * Expected names, messages, positions and stack-size differences come from CPython 3.11
 * (co_varnames/co_cellvars/co_freevars, co_stacksize, compile() errors), never from Aspen.
 * The bytecode itself is Aspen's own, so table checks are structural (what is covered by
 * which handler), and the --dis text is a snapshot checked by hand. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compiler.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

VM *vm_new(const VMConfig *cfg);   /* vm/vm.c */
void vm_free(VM *vm);

static VM *vm;

static void setup(void) { vm = vm_new(NULL); cr_assert_not_null(vm); }
static void teardown(void) { vm_free(vm); }

/* The conservative scan covers the C stack below stack_base: make it the test body's frame,
 * so Code objects held in its locals stay alive across collections. */
#define SCAN_FROM_HERE() (vm->stack_base = __builtin_frame_address(0))

TestSuite(compiler, .init = setup, .fini = teardown);

static Code *compile_ok(const char *src) {
    Value c = vm_compile(vm, src, strlen(src), "<test>", COMPILE_EXEC);
    if (!c) {
        Value r = vm_repr(vm, vm->exc);
        cr_assert_fail("compile failed: %s\nsource:\n%s", r ? str_cstr(r) : "?", src);
    }
    return (Code *)c;
}

/* The code object named `qualname` anywhere under `c` (depth first), or NULL. */
static Code *find_code(Code *c, const char *qualname) {
    if (strcmp(str_cstr(c->qualname), qualname) == 0) return c;
    for (int i = 0; i < c->nconsts; i++)
        if (type_of(vm, c->consts[i]) == vm->t_code) {
            Code *r = find_code((Code *)c->consts[i], qualname);
            if (r) return r;
        }
    return NULL;
}

static Code *code_of(const char *src, const char *qualname) {
    Code *c = find_code(compile_ok(src), qualname);
    cr_assert_not_null(c, "no code object %s", qualname);
    return c;
}

static int count_op(Code *c, int op) {
    int n = 0;
    for (int i = 0; i < c->ncode; i++) n += INSTR_OP(c->code[i]) == op;
    return n;
}

/* Index of the n-th (0-based) instruction `op` whose name operand is `name`. */
static int find_named(Code *c, int op, const char *name, int nth) {
    for (int i = 0; i < c->ncode; i++)
        if (INSTR_OP(c->code[i]) == op && strcmp(str_cstr(c->names[INSTR_ARG(c->code[i])]), name) == 0 && nth-- == 0)
            return i;
    return -1;
}

static int find_op_from(Code *c, int op, int from) {
    for (int i = from; i < c->ncode; i++) if (INSTR_OP(c->code[i]) == op) return i;
    return -1;
}

/* The exception-table row that handles an exception raised at instruction i, or NULL. */
static const ExcEntry *handler_of(Code *c, int i) {
    for (int k = 0; k < c->nexc; k++)
        if ((int)c->exc[k].start <= i && i < (int)c->exc[k].end) return &c->exc[k];
    return NULL;
}

/* ---- constant folding ---- */

/* CPython 3.11: compile("x = -1; w = -(2.5)").co_consts == (-1, -2.5, None): no
 * UNARY_NEGATIVE survives. */
Test(compiler, negative_literals_are_folded) {
    SCAN_FROM_HERE();
    Code *c = compile_ok("x = -1\nw = -(2.5)\nbig = -9223372036854775808\n");
    cr_expect_eq(count_op(c, OP_UNARY_NEGATIVE), 0);
    int seen_int = 0, seen_float = 0, seen_big = 0;
    for (int i = 0; i < c->nconsts; i++) {
        Value v = c->consts[i];
        if (v == v_from_int(-1)) seen_int = 1;
        if (type_of(vm, v) == vm->t_float && float_val(v) == -2.5) seen_float = 1;
        if (type_of(vm, v) == vm->t_int) {
            Value r = vm_repr(vm, v);
            if (r && strcmp(str_cstr(r), "-9223372036854775808") == 0) seen_big = 1;
        }
    }
    cr_expect(seen_int, "-1 is not a constant");
    cr_expect(seen_float, "-2.5 is not a constant");
    cr_expect(seen_big, "-2**63 is not a constant");
    /* a name is not a constant: the operator stays */
    cr_expect_eq(count_op(compile_ok("y = -x\n"), OP_UNARY_NEGATIVE), 1);
}

/* CPython 3.11 turns a set display of three or more constants into a frozenset constant
 * (BUILD_SET 0; LOAD_CONST frozenset({4, 5, 6}); SET_UPDATE 1): no per-item SET_ADD. */
Test(compiler, constant_set_display_becomes_frozenset) {
    SCAN_FROM_HERE();
    Code *c = compile_ok("z = {4, 5, 6}\n");
    Value fs = VNULL;
    for (int i = 0; i < c->nconsts; i++)
        if (type_of(vm, c->consts[i]) == vm->t_frozenset) fs = c->consts[i];
    cr_assert(fs, "no frozenset constant");
    cr_expect_eq(set_len(fs), 3);
    for (int k = 4; k <= 6; k++) cr_expect_eq(set_contains(vm, fs, v_from_int(k)), 1);
    cr_expect_eq(count_op(c, OP_SET_ADD), 0);
    cr_expect_eq(count_op(c, OP_SET_UPDATE), 1);
    /* with a non-constant item nothing is folded */
    Code *d = compile_ok("z = {4, 5, q}\n");
    for (int i = 0; i < d->nconsts; i++) cr_expect_neq(type_of(vm, d->consts[i]), vm->t_frozenset);
}

/* ---- scopes: which slot kind each name gets ---- */

static const char *const scope_src =
    "def outer(a, b, *args, k, **kw):\n"
    "    c = 1\n"
    "    d = 2\n"
    "    def inner(e):\n"
    "        nonlocal c\n"
    "        c = e + b\n"
    "        return d\n"
    "    def shadow():\n"
    "        b = 3\n"
    "        return b\n"
    "    return inner\n"
    "def uses_global():\n"
    "    global g\n"
    "    g = 1\n"
    "    return len(h)\n"
    "class K:\n"
    "    x = 1\n"
    "    def m(self):\n"
    "        return __class__, x\n"
    "def comp(n):\n"
    "    return [i * n for i in range(n)]\n"
    "def cellarg(p, q):\n"
    "    return lambda: p\n";

typedef struct { const char *qualname, *varnames, *cellvars, *freevars; int argc, kwonly; } ScopeCase;

/* From CPython 3.11: co_varnames exactly; co_cellvars and co_freevars sorted (Aspen's slot
 * order among cells is its own). */
static const ScopeCase scope_cases[] = {
    { "outer", "a b k args kw inner shadow", "b c d", "", 2, 1 },
    { "outer.<locals>.inner", "e", "", "b c d", 1, 0 },
    { "outer.<locals>.shadow", "b", "", "", 0, 0 },
    { "uses_global", "", "", "", 0, 0 },
    { "K", "", "__class__", "", 0, 0 },
    { "K.m", "self", "", "__class__", 1, 0 },
    { "comp", "n", "n", "", 1, 0 },
    { "comp.<locals>.<listcomp>", ".0 i", "", "n", 1, 0 },
    { "cellarg", "p q", "p", "", 2, 0 },
    { "cellarg.<locals>.<lambda>", "", "", "p", 0, 0 },
};

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Space-separated names of varnames[from, from + n), sorted if asked. */
static char *names_of(Code *c, int from, int n, int sorted) {
    const char *v[64];
    for (int i = 0; i < n; i++) v[i] = str_cstr(as_tuple(c->varnames)->items[from + i]);
    if (sorted) qsort(v, (size_t)n, sizeof v[0], cmp_cstr);
    static char buf[4][256];
    static int which;
    char *out = buf[which++ % 4];
    out[0] = 0;
    for (int i = 0; i < n; i++) { if (i) strcat(out, " "); strcat(out, v[i]); }
    return out;
}

Test(compiler, local_cell_free_classification) {
    SCAN_FROM_HERE();
    Code *mod = compile_ok(scope_src);
    for (size_t i = 0; i < sizeof scope_cases / sizeof scope_cases[0]; i++) {
        const ScopeCase *sc = &scope_cases[i];
        Code *c = find_code(mod, sc->qualname);
        cr_assert_not_null(c, "no code %s", sc->qualname);
        int plain = c->nlocals - c->ncells - c->nfree;
        cr_expect_str_eq(names_of(c, 0, plain, 0), sc->varnames, "varnames of %s", sc->qualname);
        cr_expect_str_eq(names_of(c, plain, c->ncells, 1), sc->cellvars, "cellvars of %s", sc->qualname);
        cr_expect_str_eq(names_of(c, plain + c->ncells, c->nfree, 1), sc->freevars, "freevars of %s", sc->qualname);
        cr_expect_eq(c->argcount, sc->argc, "argcount of %s", sc->qualname);
        cr_expect_eq(c->kwonlyargcount, sc->kwonly, "kwonlyargcount of %s", sc->qualname);
    }
    /* a parameter that is also a cell: the cell is seeded from its argument slot */
    Code *outer = find_code(mod, "outer"), *comp = find_code(mod, "comp");
    cr_expect_eq(outer->cell2arg[0], 1, "cell b <- arg 1");   /* cells sorted: b c d */
    cr_expect_eq(comp->cell2arg[0], 0);
    cr_expect_eq(outer->flags & (CO_VARARGS | CO_VARKEYWORDS), CO_VARARGS | CO_VARKEYWORDS);
}

/* Name operations follow the classification: explicit and implicit globals, the class body
 * skipped by methods (K.m's x is the global x), nonlocal stores through the cell. */
Test(compiler, name_operations_follow_scopes) {
    SCAN_FROM_HERE();
    Code *mod = compile_ok(scope_src);
    Code *ug = find_code(mod, "uses_global"), *m = find_code(mod, "K.m");
    Code *inner = find_code(mod, "outer.<locals>.inner"), *shadow = find_code(mod, "outer.<locals>.shadow");
    cr_expect_geq(find_named(ug, OP_STORE_GLOBAL, "g", 0), 0);
    cr_expect_geq(find_named(ug, OP_LOAD_GLOBAL, "h", 0), 0);
    cr_expect_geq(find_named(ug, OP_LOAD_GLOBAL, "len", 0), 0);
    cr_expect_geq(find_named(m, OP_LOAD_GLOBAL, "x", 0), 0);
    cr_expect_eq(count_op(m, OP_LOAD_DEREF), 1);        /* __class__ */
    cr_expect_eq(count_op(inner, OP_STORE_DEREF), 1);   /* c = ... */
    cr_expect_eq(count_op(inner, OP_LOAD_DEREF), 2);    /* b, d */
    cr_expect_eq(count_op(inner, OP_STORE_FAST), 0);
    cr_expect_eq(count_op(shadow, OP_LOAD_DEREF), 0);   /* its own b */
    cr_expect_eq(count_op(shadow, OP_STORE_FAST), 1);
    /* a free variable read in a class body */
    Code *body = code_of("def f():\n    v = 1\n    class C:\n        w = v\n    return C\n", "f.<locals>.C");
    cr_expect_eq(count_op(body, OP_LOAD_CLASSDEREF), 1);
    cr_expect_eq(body->nfree, 1);
}

/* A class body that binds x while a method (or a comprehension) of it reads the enclosing
 * function's x. CPython 3.11: f cellvars ('x',), C freevars ('x',), C.m freevars ('x',),
 * and f() returns 1. Aspen once refused to compile it:
 *     def f():
 *         x = 1
 *         class C:
 *             x = 2
 *             def m(self): return x
 *         return C().m()
 *     -> SyntaxError: internal error: no cell for 'x'
 * (the same with `y = [x for _ in range(1)]` in the class body). The symtable now marks
 * such a name DEF_FREE_CLASS: bound in the namespace, passed through as a free variable. */
Test(compiler, class_local_name_also_free_for_methods) {
    SCAN_FROM_HERE();
    const char *src = "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self): return x\n"
                      "        y = [x for _ in range(1)]\n    return C().m(), C.y, C.x\n";
    Code *mod = compile_ok(src);
    Code *c = find_code(mod, "f.<locals>.C"), *m = find_code(mod, "f.<locals>.C.m");
    cr_assert(c && m);
    cr_expect_eq(c->nfree, 1);
    cr_expect_eq(m->nfree, 1);
    Dict *globals = dict_new(vm);
    dict_set(vm, globals, vm->s___builtins__, vm->builtins_mod);
    char run[512];
    snprintf(run, sizeof run, "%sr = repr(f())\n", src);
    cr_assert(vm_exec_source(vm, run, strlen(run), "<test>", globals));
    cr_expect_str_eq(str_cstr(dict_get_cstr(vm, globals, "r")), "(1, [1], 2)");   /* CPython 3.11 */
}

/* ---- the exception table ---- */

static void check_table_well_formed(Code *c) {
    for (int k = 0; k < c->nexc; k++) {
        const ExcEntry *e = &c->exc[k];
        cr_expect_lt(e->start, e->end, "row %d empty", k);
        cr_expect_leq(e->end, (uint32_t)c->ncode, "row %d past the code", k);
        cr_expect_lt(e->target, (uint32_t)c->ncode, "row %d target", k);
        cr_expect_leq((int32_t)e->depth, c->stacksize, "row %d depth", k);
        /* a handler starts by saving the exception being handled */
        cr_expect_eq(INSTR_OP(c->code[e->target]) == OP_PUSH_EXC_INFO || INSTR_OP(c->code[e->target]) == OP_SWAP ||
                     INSTR_OP(c->code[e->target]) == OP_RERAISE || INSTR_OP(c->code[e->target]) == OP_COPY ||
                     INSTR_OP(c->code[e->target]) == OP_POP_TOP || INSTR_OP(c->code[e->target]) == OP_LOAD_CONST ||
                     INSTR_OP(c->code[e->target]) == OP_END_ASYNC_FOR, 1,
                     "row %d targets %s", k, op_names[INSTR_OP(c->code[e->target])]);
    }
}

static const char *const try_src =
    "def f():\n"
    "    try:\n"
    "        a()\n"
    "    except E as e:\n"
    "        b()\n"
    "    finally:\n"
    "        c()\n"
    "    d()\n";

/* CPython 3.11's table for this function: a() -> handler [0]; b() -> the `as e` cleanup [1]
 * -> the handler's cleanup [1] -> the finally handler [0]; the finally body twice (normal and
 * exceptional path); d() uncovered. */
Test(compiler, exception_table_try_except_finally) {
    SCAN_FROM_HERE();
    Code *c = code_of(try_src, "f");
    check_table_well_formed(c);
    int call_a = find_named(c, OP_LOAD_GLOBAL, "a", 0) + 1;
    int call_b = find_named(c, OP_LOAD_GLOBAL, "b", 0) + 1;
    int call_d = find_named(c, OP_LOAD_GLOBAL, "d", 0) + 1;
    cr_assert_eq(INSTR_OP(c->code[call_a]), OP_CALL);
    const ExcEntry *ha = handler_of(c, call_a), *hb = handler_of(c, call_b);
    cr_assert_not_null(ha, "a() is not protected");
    cr_expect_eq(INSTR_OP(c->code[ha->target]), OP_PUSH_EXC_INFO);
    cr_expect_eq(ha->depth, 0);
    /* the handler tests E before anything else */
    cr_expect_geq(find_named(c, OP_LOAD_GLOBAL, "E", 0), (int)ha->target);
    cr_assert_not_null(hb, "b() (in the handler) is not protected");
    cr_expect_eq(hb->depth, 1);   /* the saved exception stays below */
    cr_expect_neq(hb->target, ha->target);
    /* the cleanup that b()'s exception runs is itself covered by the finally handler */
    const ExcEntry *hname = handler_of(c, (int)hb->target);
    cr_assert_not_null(hname, "the `as e` cleanup is not protected");
    cr_expect_eq(hname->depth, 1);
    const ExcEntry *hclean = handler_of(c, (int)hname->target);
    cr_assert_not_null(hclean, "the handler's cleanup is not protected by finally");
    int fin = (int)hclean->target;
    cr_expect_eq(INSTR_OP(c->code[fin]), OP_PUSH_EXC_INFO);
    cr_expect_eq(hclean->depth, 0);
    /* finally: a normal copy and an exceptional copy that ends by re-raising */
    cr_expect_eq(find_named(c, OP_LOAD_GLOBAL, "c", 2), -1);
    int c_normal = find_named(c, OP_LOAD_GLOBAL, "c", 0), c_exc = find_named(c, OP_LOAD_GLOBAL, "c", 1);
    cr_assert_geq(c_exc, 0, "finally body emitted once");
    cr_expect_lt(c_normal, fin);
    cr_expect_gt(c_exc, fin);
    cr_expect_eq(INSTR_OP(c->code[find_op_from(c, OP_RERAISE, c_exc)]), OP_RERAISE);
    /* the exceptional finally body is not protected by the finally handler itself */
    const ExcEntry *hc = handler_of(c, c_exc + 1);
    cr_expect(hc == NULL || (int)hc->target != fin);
    cr_expect_null(handler_of(c, call_d), "d() after the statement is protected");
    cr_expect_null(handler_of(c, c_normal + 1), "the normal finally body is protected");
}

/* CPython 3.11 deletes the `as` name also when the handler body raises: its table sends b()'s
 * exception to a cleanup that stores None into e and deletes it (Aspen's did not, once):
 *     def f():
 *         try:
 *             try: 1/0
 *             except ZeroDivisionError as e: raise ValueError
 *         except ValueError: pass
 *         print(e)   # CPython: UnboundLocalError; Aspen printed "division by zero" */
Test(compiler, except_as_name_is_deleted_when_handler_raises) {
    SCAN_FROM_HERE();
    Code *c = code_of(try_src, "f");
    int call_b = find_named(c, OP_LOAD_GLOBAL, "b", 0) + 1;
    const ExcEntry *hb = handler_of(c, call_b);
    cr_assert_not_null(hb);
    int del = find_op_from(c, OP_DELETE_FAST, (int)hb->target);
    int re = find_op_from(c, OP_RERAISE, (int)hb->target);
    cr_expect(del >= 0 && del < re, "b()'s cleanup re-raises without deleting e");
}

Test(compiler, exception_table_with) {
    SCAN_FROM_HERE();
    Code *c = code_of("def g():\n    with m() as x:\n        body()\n    after()\n", "g");
    check_table_well_formed(c);
    int call_body = find_named(c, OP_LOAD_GLOBAL, "body", 0) + 1;
    int call_after = find_named(c, OP_LOAD_GLOBAL, "after", 0) + 1;
    int before = find_op_from(c, OP_BEFORE_WITH, 0);
    cr_assert_geq(before, 0);
    const ExcEntry *h = handler_of(c, call_body);
    cr_assert_not_null(h, "the with body is not protected");
    cr_expect_eq(h->depth, 1);   /* CPython 3.11: [1], the bound __exit__ stays on the stack */
    cr_expect_eq(INSTR_OP(c->code[h->target]), OP_PUSH_EXC_INFO);
    cr_expect_eq(INSTR_OP(c->code[h->target + 1]), OP_WITH_EXCEPT_START);
    cr_expect_null(handler_of(c, before), "BEFORE_WITH itself is inside its own block");
    /* the normal exit calls __exit__(None, None, None) outside the handler */
    int exit_call = -1;
    for (int i = call_body + 1; i < (int)h->target; i++)
        if (INSTR_OP(c->code[i]) == OP_CALL && INSTR_ARG(c->code[i]) == 3) exit_call = i;
    cr_assert_geq(exit_call, 0, "no __exit__(None, None, None) call");
    const ExcEntry *he = handler_of(c, exit_call);
    cr_expect(he == NULL || he->target != h->target);
    cr_expect_null(handler_of(c, call_after));
    /* nested blocks: the inner body's row targets the inner handler, which the outer covers */
    Code *n = code_of("def h():\n    with a():\n        with b():\n            body()\n", "h");
    check_table_well_formed(n);
    int nb = find_named(n, OP_LOAD_GLOBAL, "body", 0) + 1;
    const ExcEntry *inner = handler_of(n, nb);
    cr_assert_not_null(inner);
    cr_expect_eq(inner->depth, 2);   /* CPython 3.11: [2] */
    const ExcEntry *outer = handler_of(n, (int)inner->target);
    cr_assert_not_null(outer, "the inner handler is not protected by the outer with");
    cr_expect_eq(outer->depth, 1);
}

/* ---- stack depth ---- */

static int stacksize_of(const char *src) {
    Code *c = code_of(src, "f");
    return c->stacksize;
}

static char *repeat(const char *head, const char *part, int n, char *buf) {
    strcpy(buf, head);
    for (int i = 0; i < n; i++) strcat(buf, part);
    return buf;
}

/* Differences of co_stacksize between pairs of functions in CPython 3.11 (the absolute value
 * depends on each VM's calling convention; the growth must not). */
Test(compiler, stack_depth_grows_like_cpython) {
    SCAN_FROM_HERE();
    char buf[4096];
    int call0 = stacksize_of("def f():\n    return g()\n");
    int call20 = stacksize_of("def f():\n    return g(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)\n");
    cr_expect_eq(call20 - call0, 20);                       /* CPython: 22 - 2 */
    int add2 = stacksize_of("def f(a, b):\n    return a + b\n");
    cr_expect_eq(stacksize_of("def f(a, b, c, d, e):\n    return a + (b + (c + (d + e)))\n") - add2, 3);   /* 5 - 2 */
    cr_expect_eq(stacksize_of("def f(a, b, c, d, e):\n    return a + b + c + d + e\n") - add2, 0);         /* 2 - 2 */
    cr_expect_eq(stacksize_of("def f(a):\n    return (a, (a, (a, (a, a))))\n") - add2, 3);               /* 5 - 2 */
    /* statements and loops in sequence do not accumulate depth */
    int stmt1 = stacksize_of("def f():\n    x = g(1, 2)\n");
    cr_expect_eq(stacksize_of(repeat("def f():\n", "    x = g(1, 2)\n", 50, buf)) - stmt1, 0);   /* 4 - 4 */
    int loop1 = stacksize_of("def f(x):\n    for a in x:\n        pass\n");
    cr_expect_eq(stacksize_of(repeat("def f(x):\n", "    for a in x:\n        pass\n", 10, buf)) - loop1, 0);   /* 2 - 2 */
    cr_expect_eq(stacksize_of("def f(x, y, z):\n    for a in x:\n        for b in y:\n            for c in z:\n                pass\n") - loop1, 2);   /* 4 - 2 */
}

/* Whatever the shape, the computed size covers the deepest point the code really reaches:
 * running deeply nested expressions, calls, handlers and with blocks must not overrun. */
Test(compiler, stack_depth_is_enough_to_run) {
    SCAN_FROM_HERE();
    const char *src =
        "def g(*a, **k): return len(a) + len(k)\n"
        "class M:\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *a): return a[0] is KeyError\n"
        "def f(a):\n"
        "    r = a + (a + (a + (a + (a + (a + (a + (a + a)))))))\n"
        "    r += g(a, g(a, g(a, g(a, a, a), a), a), [a, (a, {a: a})])\n"
        "    for i in range(2):\n"
        "        for j in range(2):\n"
        "            try:\n"
        "                with M(), M():\n"
        "                    raise (KeyError if j else ValueError)(g(a, a, a))\n"
        "            except ValueError as e:\n"
        "                r += g(*[a, a], **{'k': a})\n"
        "            finally:\n"
        "                r += 1\n"
        "    return r\n"
        "result = f(1)\n";
    Dict *globals = dict_new(vm);
    dict_set(vm, globals, vm->s___builtins__, vm->builtins_mod);
    Value r = vm_exec_source(vm, src, strlen(src), "<test>", globals);
    cr_assert(r, "script raised");
    cr_expect_eq(dict_get_cstr(vm, globals, "result"), v_from_int(22));   /* CPython 3.11 */
}

/* An independent check of the computed size: walk every path through the bytecode, with
 * each instruction's stack effect taken from its meaning in vm/opcodes.h (not from the
 * compiler's own bookkeeping), and exceptions entering each handler with depth + 1. The
 * deepest point must fit in stacksize, paths must agree on the depth where they meet, the
 * depth never goes negative, and no handler unwinds to above the depth it interrupts. */

static bool op_jumps(int op) {
    return op == OP_JUMP || op == OP_FOR_ITER || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
           op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP || op == OP_SEND;
}

static bool op_ends_flow(int op) {
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE || op == OP_RAISE_VARARGS;
}

/* Depth change on the fall-through path; *jump gets the change on the jump path. */
static int op_effect(int op, int arg, int *jump) {
    *jump = 0;
    switch (op) {
    case OP_CALL: return -arg;                         /* callable + arg args -> result */
    case OP_CALL_METHOD: return -arg - 1;              /* method, self/NULL + args -> result */
    case OP_CALL_KW: return -arg - 1;                  /* callable + args + names -> result */
    case OP_CALL_EX: return (arg & 1) ? -2 : -1;      /* callable, args tuple (, kwargs) -> result */
    case OP_BUILD_SLICE: case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET:
    case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);   /* before + list + after, minus the input */
    case OP_FOR_ITER: *jump = -1; return 1;           /* exhausted: the iterator is popped */
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: *jump = 0; return -1;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: *jump = -1; return -1;
    case OP_SEND: *jump = -1; return 0;               /* done: [delegate, v] -> [result] */
    case OP_MAKE_FUNCTION: return -1 - !!(arg & 1) - !!(arg & 2) - !!(arg & 4) - !!(arg & 8);
    case OP_RAISE_VARARGS: return -arg;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    default: return op_effects[op];
    }
}

/* where[0]: the first disagreement between paths; where[1]: the first other problem. */
typedef struct { int maxdepth, conflicts, negative, bad_unwind; char where[2][160]; } FlowResult;

static void note_problem(FlowResult *r, Code *c, int i, const char *what) {
    char *w = r->where[strcmp(what, "paths disagree") != 0];
    if (!w[0])
        snprintf(w, sizeof r->where[0], "%s at %d (%s) in %s", what, i, op_names[INSTR_OP(c->code[i])],
                 str_cstr(c->qualname));
}

/* Instructions that cannot raise: a handler covering them is never entered from them, so
 * its depth does not have to fit there. (A backward JUMP can raise: KeyboardInterrupt and
 * the step budget are checked on back-edges.) */
static bool op_cannot_raise(Code *c, int op, int arg, int at) {
    int prev = at > 0 ? INSTR_OP(c->code[at - 1]) : -1;
    bool same_arg = at > 0 && INSTR_ARG(c->code[at - 1]) == (uint32_t)arg;
    switch (op) {
    /* `e = None; del e`, which ends an except-as block, deletes what it just stored */
    case OP_DELETE_FAST: return prev == OP_STORE_FAST && same_arg;
    case OP_DELETE_GLOBAL: return prev == OP_STORE_GLOBAL && same_arg;
    case OP_DELETE_NAME: return prev == OP_STORE_NAME && same_arg;
    case OP_NOP: case OP_POP_TOP: case OP_COPY: case OP_SWAP: case OP_LOAD_CONST: case OP_STORE_FAST:
    case OP_LOAD_CLOSURE: case OP_POP_EXCEPT: case OP_PUSH_EXC_INFO: return true;
    case OP_JUMP: return arg > at;
    default: return false;
    }
}

static FlowResult flow_depths(Code *c) {
    FlowResult r = { 0 };
    int *depth = malloc(sizeof(int) * (size_t)(c->ncode + 1));
    int *work = malloc(sizeof(int) * (size_t)(c->ncode + 1) * 4);
    int nwork = 0;
    for (int i = 0; i <= c->ncode; i++) depth[i] = -1;
#define REACH(at, d) do { int at_ = (at), d_ = (d); \
        if (d_ < 0) { r.negative++; note_problem(&r, c, i, "negative depth"); d_ = 0; } \
        if (at_ < c->ncode) { \
            if (depth[at_] < 0) { depth[at_] = d_; work[nwork++] = at_; } \
            else if (depth[at_] != d_) { r.conflicts++; note_problem(&r, c, at_, "paths disagree"); } \
        } } while (0)
    int i = 0;
    REACH(0, 0);
    while (nwork) {
        i = work[--nwork];
        int d = depth[i], op = INSTR_OP(c->code[i]), arg = INSTR_ARG(c->code[i]), jd;
        if (d > r.maxdepth) r.maxdepth = d;
        const ExcEntry *h = handler_of(c, i);
        if (h && !op_cannot_raise(c, op, arg, i)) {
            if ((int)h->depth > d) { r.bad_unwind++; note_problem(&r, c, i, "handler deeper than the stack"); }
            REACH((int)h->target, (int)h->depth + 1);
        }
        int fall = d + op_effect(op, arg, &jd);
        if (fall > r.maxdepth) r.maxdepth = fall;
        if (op_jumps(op)) REACH(arg, op == OP_JUMP ? d : d + jd);
        if (!op_ends_flow(op)) REACH(i + 1, fall);
    }
#undef REACH
    free(depth);
    free(work);
    return r;
}

enum { FLOW_SIZE = 1, FLOW_AGREE = 2, FLOW_ALL = 3 };

/* Checks `c` and the code objects nested in it; returns how many failed. */
static int check_flow(Code *c, const char *file, int what) {
    FlowResult r = flow_depths(c);
    int bad = 0;
    if (what & FLOW_SIZE) {
        cr_expect_leq(r.maxdepth, c->stacksize, "%s: %s needs %d stack slots, has %d", file,
                      str_cstr(c->qualname), r.maxdepth, c->stacksize);
        cr_expect_eq(r.negative + r.bad_unwind, 0, "%s: %s", file, r.where[1]);
        bad += r.maxdepth > c->stacksize || r.negative + r.bad_unwind > 0;
    }
    if (what & FLOW_AGREE) {
        cr_expect_eq(r.conflicts, 0, "%s: %s", file, r.where[0]);
        bad += r.conflicts > 0;
    }
    for (int k = 0; k < c->nconsts; k++)
        if (type_of(vm, c->consts[k]) == vm->t_code) bad += check_flow((Code *)c->consts[k], file, what);
    return bad;
}

Test(compiler, stack_depth_covers_every_path) {
    SCAN_FROM_HERE();
    cr_expect_eq(check_flow(compile_ok(scope_src), "scope_src", FLOW_ALL), 0);
    cr_expect_eq(check_flow(compile_ok(try_src), "try_src", FLOW_ALL), 0);
    const char *mixed =
        "async def a(xs, cm):\n"
        "    async with cm as c, cm:\n"
        "        async for x in xs:\n"
        "            try:\n"
        "                r = [await y async for y in x if (z := y)]\n"
        "            except* ValueError as eg:\n"
        "                raise\n"
        "            finally:\n"
        "                return f'{c!r:>{z}}' or {**x, 'k': [*r]}\n"
        "def g(*a, **k):\n"
        "    x = yield from a\n"
        "    a, *b, c = yield x\n"
        "    assert b, (a, c)\n"
        "    while True:\n"
        "        with open(a) as f, open(c):\n"
        "            if a and (b or c): break\n"
        "            else: continue\n"
        "    return lambda q=1, *r, s=2, **t: g(*a, q, **k, s=s)\n";
    cr_expect_eq(check_flow(compile_ok(mixed), "mixed", FLOW_ALL), 0);
}

#include <dirent.h>
#include <sys/stat.h>

/* Every script of the golden suite, the examples, the stdlib and the benchmarks: thousands
 * of real functions. Generators get exactly the stack the compiler computes (D13). */
static void check_tree(const char *dir, int what, int *files, int *bad) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char path[1024];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) < 0) continue;
        if (S_ISDIR(st.st_mode)) { check_tree(path, what, files, bad); continue; }
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".as") != 0) continue;
        char *src; size_t len;
        if (!vm_load_file(vm, path, &src, &len)) { vm_clear_exc(vm); continue; }
        Value code = vm_compile(vm, src, len, path, COMPILE_EXEC);
        free(src);
        if (!code) { vm_clear_exc(vm); continue; }   /* the SyntaxError tests */
        (*files)++;
        *bad += check_flow((Code *)code, path, what);
    }
    closedir(d);
}

static void check_corpus(int what) {
    char root[1024];
    snprintf(root, sizeof root, "%s", __FILE__);   /* .../tests/unit/test_compiler.c */
    char *cut = strstr(root, "/tests/unit/");
    cr_assert_not_null(cut, "cannot find the source tree from %s", __FILE__);
    *cut = 0;
    char dir[1100];
    int files = 0, bad = 0;
    snprintf(dir, sizeof dir, "%s/tests/golden", root);
    check_tree(dir, what, &files, &bad);
    snprintf(dir, sizeof dir, "%s/examples", root);
    check_tree(dir, what, &files, &bad);
    snprintf(dir, sizeof dir, "%s/stdlib", root);   /* asyncio's coroutines in Aspen */
    check_tree(dir, what, &files, &bad);
    snprintf(dir, sizeof dir, "%s/tests/bench", root);
    check_tree(dir, what, &files, &bad);
    cr_expect_gt(files, 100, "only %d scripts found under %s", files, root);
    cr_expect_eq(bad, 0, "%d code objects fail", bad);
}

Test(compiler, stack_depth_covers_every_path_of_the_golden_suite) {
    SCAN_FROM_HERE();
    check_corpus(FLOW_SIZE);
}

/* Where paths meet they must agree on the depth. They do not after a typed `except` clause
 * that does not match: the clause's COPY of the exception stays on the stack when the next
 * clause is tried, so a later clause that matches leaves one value behind, and its
 * POP_EXCEPT restores the exception itself as "being handled". Reproducer:
 *     def f():
 *         for i in range(2):
 *             try:
 *                 raise TimeoutError
 *             except KeyError:
 *                 pass
 *             except TimeoutError:
 *                 pass
 *         print("ok")
 *     f()
 * CPython prints ok; Aspen raised "TypeError: 'NoneType' object is not an iterator" at the
 * for (FOR_ITER finds the stale value), and sys.exc_info() after such a try is not empty.
 * (Fixed: the clause test no longer copies the exception.) */
Test(compiler, paths_agree_on_depth_in_the_golden_suite) {
    SCAN_FROM_HERE();
    check_corpus(FLOW_AGREE);
}

Test(compiler, second_except_clause_keeps_the_stack_balanced) {
    SCAN_FROM_HERE();
    const char *src =
        "import sys\n"
        "def f():\n"
        "    seen = []\n"
        "    for i in range(2):\n"
        "        try:\n"
        "            raise TimeoutError\n"
        "        except KeyError:\n"
        "            pass\n"
        "        except TimeoutError:\n"
        "            pass\n"
        "        seen.append(sys.exc_info()[0])\n"
        "    return seen\n"
        "r = repr(f())\n";
    cr_expect_eq(check_flow(compile_ok(src), "two except clauses", FLOW_ALL), 0);
    Dict *globals = dict_new(vm);
    dict_set(vm, globals, vm->s___builtins__, vm->builtins_mod);
    cr_assert(vm_exec_source(vm, src, strlen(src), "<test>", globals), "the loop crashed");
    cr_expect_str_eq(str_cstr(dict_get_cstr(vm, globals, "r")), "[None, None]");   /* CPython 3.11 */
}

/* CALL_EX (a call with *args) pops the callable and the argument tuple (and the kwargs dict)
 * and pushes the result: -1 (-2), but lang/compile.c's effect() counts -2 (-3), so every
 * f(*a) lowers the computed depth by one more than it should and stacksize comes out too
 * small. Values above the frame's extent are then overwritten by the next call:
 *     def f(*a): return a[0] * 100
 *     def g(a, b, c):
 *         return [f(*a), f(*b), f(*c), f(*a), f(*b), f(*c), f(*a), f(*b), f(*c),
 *                 f(*a), f(*b), f(*c), f(*a), f(*b), f(*c)]
 *     print(g([1], [2], [3]))
 * CPython: [100, 200, 300, 100, ...]; Aspen gave [100, 200, 300, 100, 200, 300, 100, 3, (3,),
 * 300, ...]. In a generator the same overrun writes past the end of its heap object.
 * (Fixed in effect().) */
Test(compiler, call_ex_stack_effect) {
    SCAN_FROM_HERE();
    const char *src =
        "def f(*a): return a[0] * 100\n"
        "def g(a, b, c):\n"
        "    return [f(*a), f(*b), f(*c), f(*a), f(*b), f(*c), f(*a), f(*b), f(*c),\n"
        "            f(*a), f(*b), f(*c), f(*a), f(*b), f(*c)]\n"
        "r = repr(g([1], [2], [3]))\n";
    cr_expect_eq(check_flow(compile_ok(src), "CALL_EX", FLOW_ALL), 0);
    Dict *globals = dict_new(vm);
    dict_set(vm, globals, vm->s___builtins__, vm->builtins_mod);
    cr_assert(vm_exec_source(vm, src, strlen(src), "<test>", globals));
    cr_expect_str_eq(str_cstr(dict_get_cstr(vm, globals, "r")),
                     "[100, 200, 300, 100, 200, 300, 100, 200, 300, 100, 200, 300, 100, 200, 300]");   /* CPython 3.11 */
}

/* ---- compile-time SyntaxErrors ---- */

typedef struct { const char *src, *kind, *msg; int line, col; } ErrorCase;

/* CPython 3.11: compile(src, "<test>", "exec") -> type, msg, lineno, offset. */
static const ErrorCase error_cases[] = {
    { "await x\n", "SyntaxError", "'await' outside function", 1, 1 },
    { "def f():\n    await x\n", "SyntaxError", "'await' outside async function", 2, 5 },
    { "async def f():\n    def g():\n        await x\n", "SyntaxError", "'await' outside async function", 3, 9 },
    { "async def f():\n    lambda: await x\n", "SyntaxError", "'await' outside async function", 2, 13 },
    { "x = [await y for y in z]\n", "SyntaxError", "asynchronous comprehension outside of an asynchronous function", 1, 5 },
    { "[x async for x in y]\n", "SyntaxError", "asynchronous comprehension outside of an asynchronous function", 1, 1 },
    { "def f():\n    return [x async for x in y]\n", "SyntaxError", "asynchronous comprehension outside of an asynchronous function", 2, 12 },
    { "async def f():\n    yield from x\n", "SyntaxError", "'yield from' inside async function", 2, 5 },
    { "async with a: pass\n", "SyntaxError", "'async with' outside async function", 1, 1 },
    { "async for x in y: pass\n", "SyntaxError", "'async for' outside async function", 1, 1 },
    { "def f():\n    async with a: pass\n", "SyntaxError", "'async with' outside async function", 2, 5 },
    { "def f():\n    async for x in y: pass\n", "SyntaxError", "'async for' outside async function", 2, 5 },
    { "return 1\n", "SyntaxError", "'return' outside function", 1, 1 },
    { "x = 1\nreturn\n", "SyntaxError", "'return' outside function", 2, 1 },
    { "class A:\n    return 1\n", "SyntaxError", "'return' outside function", 2, 5 },
    { "yield 1\n", "SyntaxError", "'yield' outside function", 1, 1 },
    { "x = yield\n", "SyntaxError", "'yield' outside function", 1, 5 },
    { "class A:\n    yield\n", "SyntaxError", "'yield' outside function", 2, 5 },
    { "yield from x\n", "SyntaxError", "'yield' outside function", 1, 1 },
    { "[(yield) for x in y]\n", "SyntaxError", "'yield' inside list comprehension", 1, 3 },
    { "def f():\n    return [(yield x) for x in y]\n", "SyntaxError", "'yield' inside list comprehension", 2, 14 },
    { "break\n", "SyntaxError", "'break' outside loop", 1, 1 },
    { "continue\n", "SyntaxError", "'continue' not properly in loop", 1, 1 },
    { "def f():\n    break\n", "SyntaxError", "'break' outside loop", 2, 5 },
    { "for x in y:\n    def g():\n        continue\n", "SyntaxError", "'continue' not properly in loop", 3, 9 },
    { "nonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1 },
    { "def f():\n    nonlocal x\n", "SyntaxError", "no binding for nonlocal 'x' found", 2, 5 },
    { "def f():\n    x = 1\n    global x\n", "SyntaxError", "name 'x' is assigned to before global declaration", 3, 5 },
    { "def f(a):\n    global a\n", "SyntaxError", "name 'a' is parameter and global", 2, 5 },
    { "def f():\n    print(x)\n    global x\n", "SyntaxError", "name 'x' is used prior to global declaration", 3, 5 },
};

Test(compiler, syntax_errors_match_cpython) {
    SCAN_FROM_HERE();
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const ErrorCase *c = &error_cases[i];
        Value code = vm_compile(vm, c->src, strlen(c->src), "<test>", COMPILE_EXEC);
        cr_expect(code == VNULL, "no error for:\n%s", c->src);
        if (code) continue;
        Value exc = vm->exc;
        vm_clear_exc(vm);
        cr_expect_str_eq(type_name(vm, exc), c->kind, "source:\n%s", c->src);
        Value msg = vm_getattr(vm, exc, vm->s_msg);
        Value line = vm_getattr(vm, exc, vm->s_lineno);
        Value col = vm_getattr(vm, exc, vm->s_offset);
        cr_assert(msg && line && col, "SyntaxError without msg/lineno/offset");
        cr_expect_str_eq(str_cstr(msg), c->msg, "source:\n%s", c->src);
        cr_expect_eq(line, v_from_int(c->line), "line for:\n%s", c->src);
        cr_expect_eq(col, v_from_int(c->col), "offset for:\n%s", c->src);
    }
}

/* CPython 3.11 accepts these: await in the first iterable of a comprehension inside async
 * def, and every kind of await/yield where it is allowed. */
Test(compiler, accepted_async_and_yield_forms) {
    SCAN_FROM_HERE();
    Code *c = code_of("async def f(y):\n    return [x for x in await y]\n", "f");
    cr_expect(c->flags & CO_COROUTINE);
    Code *g = code_of("def f():\n    x = yield 1\n    yield from x\n", "f");
    cr_expect(g->flags & CO_GENERATOR);
    Code *ag = code_of("async def f(y):\n    async for v in y:\n        yield v\n", "f");
    cr_expect(ag->flags & CO_ASYNC_GENERATOR);
    cr_expect_not(ag->flags & CO_COROUTINE);
}

/* ---- the --dis listing ---- */

static char *disassemble(Code *c) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    code_disassemble(vm, c, f);
    fclose(f);
    return text;
}

/* A snapshot of Aspen's own listing (no CPython equivalent), checked by hand: each jump
 * lands where the comment says, and every stack effect balances. */
Test(compiler, dis_listing_is_stable) {
    SCAN_FROM_HERE();
    Code *c = code_of("def add_all(xs, start=0):\n"
                      "    total = start\n"
                      "    for x in xs:\n"
                      "        if x > 0:\n"
                      "            total += x\n"
                      "    return total\n", "add_all");
    char *text = disassemble(c);
    cr_expect_str_eq(text,
        "Disassembly of <code add_all, file \"<test>\", line 1>:\n"
        "   2      0 LOAD_FAST                  1 ('start')\n"
        "          1 STORE_FAST                 2 ('total')\n"
        "\n"
        "   3      2 LOAD_FAST                  0 ('xs')\n"
        "          3 GET_ITER                   0\n"
        "          4 FOR_ITER                  15\n"          /* exhausted: to `return total` */
        "          5 STORE_FAST                 3 ('x')\n"
        "\n"
        "   4      6 LOAD_FAST                  3 ('x')\n"
        "          7 LOAD_CONST                 1 (0)\n"
        "          8 COMPARE_OP                 4\n"          /* CMP_GT */
        "          9 POP_JUMP_IF_FALSE         14\n"          /* to the back-edge */
        "\n"
        "   5     10 LOAD_FAST                  2 ('total')\n"
        "         11 LOAD_FAST                  3 ('x')\n"
        "         12 BINARY_OP                 16\n"          /* OP_ADD | NB_INPLACE */
        "         13 STORE_FAST                 2 ('total')\n"
        "         14 JUMP                       4\n"
        "\n"
        "   6     15 LOAD_FAST                  2 ('total')\n"
        "         16 RETURN_VALUE               0\n"
        "         17 LOAD_CONST                 0 (None)\n"   /* the implicit return, unreachable */
        "         18 RETURN_VALUE               0\n",
        "got:\n%s", text);
    free(text);
}
