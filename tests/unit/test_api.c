/* test_api.c — the public embedding API (vm/aspen.h), exercised only through that header:
 * running code, slots, globals, calls both ways, native modules, limits, errors, handles,
 * isolation between VMs, and GC safety of slot values across collections. */
#include "vm/aspen.h"
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static AspVM *new_vm(void) {
    AspVM *vm = asp_new(NULL);
    cr_assert_not_null(vm);
    return vm;
}

static void run_ok(AspVM *vm, const char *src) {
    AspResult r = asp_run_string(vm, src, "test.as");
    cr_assert_eq(r, ASP_OK, "script failed (%d): %s", r, asp_error_message(vm));
}

static int64_t global_int(AspVM *vm, const char *name) {
    cr_assert_eq(asp_ensure_slots(vm, 1), ASP_OK);
    cr_assert_eq(asp_get_global(vm, NULL, name, 0), ASP_OK, "%s", asp_error_message(vm));
    cr_assert_eq(asp_get_slot_type(vm, 0), ASP_TYPE_INT);
    return asp_get_slot_int(vm, 0);
}

Test(api, run_string_and_read_globals) {
    AspVM *vm = new_vm();
    run_ok(vm, "a = 6 * 7\nb = 'héllo'\nc = 1.5\nd = [1, 'two', None]\ne = True\nf = 2**100\n");
    cr_assert_eq(global_int(vm, "a"), 42);
    asp_ensure_slots(vm, 3);
    cr_assert_eq(asp_get_global(vm, "__main__", "b", 1), ASP_OK);
    size_t len = 0;
    cr_assert_str_eq(asp_get_slot_string(vm, 1, &len), "héllo");
    cr_assert_eq(len, 6);
    asp_get_global(vm, NULL, "c", 1);
    cr_assert_eq(asp_get_slot_type(vm, 1), ASP_TYPE_FLOAT);
    cr_assert_float_eq(asp_get_slot_float(vm, 1), 1.5, 1e-12);
    asp_get_global(vm, NULL, "d", 1);
    cr_assert_eq(asp_get_slot_type(vm, 1), ASP_TYPE_LIST);
    cr_assert_eq(asp_list_count(vm, 1), 3);
    cr_assert_eq(asp_list_get(vm, 1, -2, 2), ASP_OK);
    cr_assert_str_eq(asp_get_slot_string(vm, 2, NULL), "two");
    cr_assert_eq(asp_list_get(vm, 1, 3, 2), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "IndexError");
    asp_get_global(vm, NULL, "e", 1);
    cr_assert_eq(asp_get_slot_type(vm, 1), ASP_TYPE_BOOL);
    cr_assert(asp_get_slot_bool(vm, 1));
    asp_get_global(vm, NULL, "f", 1);
    cr_assert_eq(asp_get_slot_type(vm, 1), ASP_TYPE_INT);
    cr_assert_eq(asp_get_slot_int(vm, 1), INT64_MAX);   /* clamped */
    cr_assert_eq(asp_slot_to_string(vm, 1), ASP_OK);
    cr_assert_str_eq(asp_get_slot_string(vm, 1, NULL), "1267650600228229401496703205376");
    cr_assert_eq(asp_get_global(vm, NULL, "missing", 1), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "NameError");
    cr_assert_str_eq(asp_error_message(vm), "NameError: name 'missing' is not defined\n");
    asp_free(vm);
}

Test(api, globals_persist_and_set_global) {
    AspVM *vm = new_vm();
    asp_ensure_slots(vm, 4);
    asp_set_slot_string(vm, 0, "from C");
    cr_assert_eq(asp_set_global(vm, NULL, "greeting", 0), ASP_OK);
    asp_set_slot_new_list(vm, 1);
    asp_set_slot_int(vm, 2, 7);
    cr_assert_eq(asp_list_append(vm, 1, 2), ASP_OK);
    asp_set_slot_int(vm, 2, 8);
    asp_list_append(vm, 1, 2);
    asp_set_global(vm, NULL, "items", 1);
    asp_set_slot_new_dict(vm, 1);
    asp_set_slot_string(vm, 2, "k");
    asp_set_slot_int(vm, 3, 99);
    cr_assert_eq(asp_dict_set(vm, 1, 2, 3), ASP_OK);
    asp_set_global(vm, NULL, "table", 1);
    run_ok(vm, "n = len(greeting) + sum(items) * 2 + table['k']\n");
    cr_assert_eq(global_int(vm, "n"), 6 + 30 + 99);
    run_ok(vm, "n += 1\n");   /* __main__'s globals persist across runs */
    cr_assert_eq(global_int(vm, "n"), 136);
    asp_ensure_slots(vm, 4);
    asp_get_global(vm, NULL, "table", 1);
    cr_assert_eq(asp_dict_get(vm, 1, 2, 3), ASP_OK);
    cr_assert_eq(asp_get_slot_int(vm, 3), 99);
    asp_set_slot_string(vm, 2, "nope");
    cr_assert_eq(asp_dict_get(vm, 1, 2, 3), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "KeyError");
    cr_assert_eq(asp_set_global(vm, "no_such_module", "x", 1), ASP_ERROR);
    asp_free(vm);
}

Test(api, call_script_function) {
    AspVM *vm = new_vm();
    run_ok(vm, "def area(w, h, unit='m'):\n    return f'{w * h} {unit}2'\n"
               "class Acc:\n    def __init__(self): self.total = 0\n"
               "    def add(self, x):\n        self.total += x\n        return self.total\n"
               "acc = Acc()\n");
    asp_ensure_slots(vm, 3);
    asp_set_slot_int(vm, 1, 3);
    asp_set_slot_float(vm, 2, 2.5);
    cr_assert_eq(asp_call(vm, "area", 2), ASP_OK, "%s", asp_error_message(vm));
    cr_assert_str_eq(asp_get_slot_string(vm, 0, NULL), "7.5 m2");
    /* a bound method through asp_call_slot */
    run_ok(vm, "add = acc.add\n");
    for (int i = 1; i <= 3; i++) {
        asp_get_global(vm, NULL, "add", 0);
        asp_set_slot_int(vm, 1, i * 10);
        cr_assert_eq(asp_call_slot(vm, 1), ASP_OK);
    }
    cr_assert_eq(asp_get_slot_int(vm, 0), 60);
    /* wrong arity: the script's TypeError */
    cr_assert_eq(asp_call(vm, "area", 0), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "TypeError");
    cr_assert(strstr(asp_error_message(vm), "area() missing 2 required positional arguments"));
    cr_assert_eq(asp_get_slot_type(vm, 0), ASP_TYPE_NONE);
    cr_assert_eq(asp_call(vm, "nothing_here", 0), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "NameError");
    /* a function of an imported module */
    run_ok(vm, "import sys\n");
    cr_assert_eq(asp_call(vm, "sys.getrecursionlimit", 0), ASP_OK, "%s", asp_error_message(vm));
    cr_assert_eq(asp_get_slot_int(vm, 0), 1000);
    asp_free(vm);
}

/* ---- native modules ---- */

static void host_add(AspVM *vm, int argc) {
    int64_t sum = 0;
    for (int i = 1; i <= argc; i++) {
        if (asp_get_slot_type(vm, i) != ASP_TYPE_INT) { asp_raise(vm, "TypeError", "add() wants ints"); return; }
        sum += asp_get_slot_int(vm, i);
    }
    asp_set_slot_int(vm, 0, sum);
}

/* Calls back into the script: twice(f, x) == f(f(x)), with the argument in the native's own
 * slots (slot 0 is reused as the callable). */
static void host_twice(AspVM *vm, int argc) {
    if (argc != 2) { asp_raise(vm, "TypeError", "twice() takes 2 arguments"); return; }
    AspHandle *f = asp_new_handle(vm, 1);
    asp_copy_slot(vm, 1, 2);
    for (int k = 0; k < 2; k++) {
        asp_set_slot_handle(vm, 0, f);
        if (asp_call_slot(vm, 1) != ASP_OK) { asp_release_handle(vm, f); return; }   /* propagates */
        asp_copy_slot(vm, 1, 0);
    }
    asp_release_handle(vm, f);
}

static void host_words(AspVM *vm, int argc) {
    const char *s = asp_get_slot_string(vm, 1, NULL);
    if (!s) { asp_raise(vm, "TypeError", "words() wants a str"); return; }
    asp_ensure_slots(vm, 3);
    asp_set_slot_new_list(vm, 0);
    while (*s) {
        size_t n = strcspn(s, " ");
        if (n) { asp_set_slot_string_len(vm, 2, s, n); asp_list_append(vm, 0, 2); }
        s += n;
        s += strspn(s, " ");
    }
}

static void host_nothing(AspVM *vm, int argc) { (void)vm; (void)argc; }

static const AspModuleDef host_defs[] = {
    {"add", host_add}, {"twice", host_twice}, {"words", host_words}, {"nothing", host_nothing},
    {NULL, NULL},
};

Test(api, native_module) {
    AspVM *vm = new_vm();
    cr_assert_eq(asp_define_module(vm, "host", host_defs), ASP_OK);
    run_ok(vm, "import host\nfrom host import words\n"
               "a = host.add(1, 2, 3)\n"
               "b = host.twice(lambda x: x * 3, 5)\n"
               "c = words('  the quick  brown fox ')\n"
               "d = host.nothing()\n"
               "try:\n    host.add(1, 'x')\nexcept TypeError as e:\n    err = str(e)\n"
               "r = repr(host.add)\n");
    cr_assert_eq(global_int(vm, "a"), 6);
    cr_assert_eq(global_int(vm, "b"), 45);
    run_ok(vm, "ok = c == ['the', 'quick', 'brown', 'fox'] and d is None and "
               "err == 'add() wants ints' and r == '<built-in function add>'\n");
    asp_get_global(vm, NULL, "ok", 0);
    cr_assert(asp_get_slot_bool(vm, 0));
    asp_free(vm);
}

Test(api, native_errors_propagate_with_traceback) {
    AspVM *vm = new_vm();
    asp_define_module(vm, "host", host_defs);
    AspResult r = asp_run_string(vm, "import host\ndef boom(x):\n    return x / 0\nhost.twice(boom, 1)\n", "cb.as");
    cr_assert_eq(r, ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "ZeroDivisionError");
    const char *m = asp_error_message(vm);
    cr_assert(strstr(m, "File \"cb.as\", line 4, in <module>"), "%s", m);
    cr_assert(strstr(m, "File \"cb.as\", line 3, in boom"), "%s", m);
    cr_assert(strstr(m, "ZeroDivisionError: division by zero\n"), "%s", m);
    r = asp_run_string(vm, "host.add(1, 2, k=3)\n", NULL);
    cr_assert_eq(r, ASP_ERROR);
    cr_assert(strstr(asp_error_message(vm), "TypeError: add() takes no keyword arguments"));
    /* the VM is still usable, and the host's slots were not disturbed by the natives */
    asp_ensure_slots(vm, 2);
    asp_set_slot_string(vm, 1, "kept");
    run_ok(vm, "x = host.add(*range(10))\n");
    cr_assert_eq(global_int(vm, "x"), 45);
    cr_assert_str_eq(asp_get_slot_string(vm, 1, NULL), "kept");
    asp_free(vm);
}

/* ---- limits and errors ---- */

Test(api, memory_limit_raises_memory_error) {
    AspConfig cfg = {0};
    cfg.memory_limit = 16u << 20;
    AspVM *vm = asp_new(&cfg);
    cr_assert_not_null(vm);
    AspResult r = asp_run_string(vm, "keep = []\nwhile True:\n    keep.append(str(len(keep)) * 100)\n", NULL);
    cr_assert_eq(r, ASP_NOMEM, "got %d: %s", r, asp_error_message(vm));
    cr_assert_str_eq(asp_error_type(vm), "MemoryError");
    cr_assert(strstr(asp_error_message(vm), "MemoryError"));
    asp_free(vm);
    /* scripts can catch it */
    vm = asp_new(&cfg);
    run_ok(vm, "try:\n    junk = []\n    while True: junk.append([0] * 50)\n"
               "except MemoryError:\n    caught = 1\n");
    cr_assert_eq(global_int(vm, "caught"), 1);
    asp_free(vm);
    cfg.memory_limit = 4096;   /* below what start-up needs */
    cr_assert_null(asp_new(&cfg));
}

/* Once the heap reached the limit, dropping the garbage must make room again, also for other
 * size classes: emptied pages return to a pool any class takes from, and a top-level entry
 * clears the stale value-stack words that kept the dropped list reachable. */
Test(api, memory_is_usable_again_after_memory_error) {
    AspConfig cfg = {0};
    cfg.memory_limit = 16u << 20;
    AspVM *vm = asp_new(&cfg);
    cr_assert_eq(asp_run_string(vm, "keep = []\nwhile True:\n    keep.append(str(len(keep)) * 100)\n", NULL), ASP_NOMEM);
    run_ok(vm, "keep = None\n");
    run_ok(vm, "x = [str(i) for i in range(10000)]\n");
    asp_free(vm);
}

Test(api, step_budget_stops_runaway_scripts) {
    AspConfig cfg = {0};
    cfg.step_budget = 100000;
    AspVM *vm = asp_new(&cfg);
    cr_assert_not_null(vm);
    AspResult r = asp_run_string(vm, "n = 0\nwhile True:\n    n += 1\n", NULL);
    cr_assert_eq(r, ASP_BUDGET, "got %d: %s", r, asp_error_message(vm));
    cr_assert_str_eq(asp_error_type(vm), "RuntimeError");
    cr_assert(strstr(asp_error_message(vm), "step budget exhausted"));
    /* the next entry gets a fresh budget */
    run_ok(vm, "m = sum(range(1000))\n");
    cr_assert_eq(global_int(vm, "m"), 499500);
    run_ok(vm, "def spin():\n    while True: pass\n");
    asp_ensure_slots(vm, 1);
    cr_assert_eq(asp_call(vm, "spin", 0), ASP_BUDGET);
    asp_free(vm);
}

/* A loop in C runs no bytecode: sum(iter(int, 1)) never ends in CPython and allocates nothing,
 * so only counting each item it takes as a step stops it. */
Test(api, step_budget_stops_loops_in_builtins, .timeout = 20) {
    AspConfig cfg = {0};
    cfg.step_budget = 100000;
    AspVM *vm = asp_new(&cfg);
    cr_assert_not_null(vm);
    AspResult r = asp_run_string(vm, "total = sum(iter(int, 1))\n", NULL);
    cr_assert_eq(r, ASP_BUDGET, "got %d: %s", r, asp_error_message(vm));
    r = asp_run_string(vm, "b = bytes(map(abs, iter(int, 1)))\n", NULL);
    cr_assert_eq(r, ASP_BUDGET, "got %d: %s", r, asp_error_message(vm));
    run_ok(vm, "m = sum(x for x in range(1000))\n");   /* a budget that is not spent changes nothing */
    cr_assert_eq(global_int(vm, "m"), 499500);
    asp_free(vm);
}

Test(api, step_budget_ends_a_deadlocked_event_loop) {
    /* four getters wait on a queue that never gets items: CPython blocks forever; a budgeted
     * VM gives its host ASP_BUDGET instead of hanging */
    AspConfig cfg = {0};
    cfg.step_budget = 100000;
    AspVM *vm = asp_new(&cfg);
    cr_assert_not_null(vm);
    AspResult r = asp_run_string(vm,
        "import asyncio\n"
        "async def main():\n"
        "    q = asyncio.Queue()\n"
        "    await asyncio.gather(*(q.get() for _ in range(4)))\n"
        "asyncio.run(main())\n", NULL);
    cr_assert_eq(r, ASP_BUDGET, "got %d: %s", r, asp_error_message(vm));
    cr_assert(strstr(asp_error_message(vm), "step budget exhausted"));
    /* a task spinning forever spends the budget; its sibling must not run on unbudgeted */
    r = asp_run_string(vm,
        "import asyncio\n"
        "async def spin():\n"
        "    while True: pass\n"
        "async def main():\n"
        "    await asyncio.gather(spin(), spin())\n"
        "asyncio.run(main())\n", NULL);
    cr_assert_eq(r, ASP_BUDGET, "got %d: %s", r, asp_error_message(vm));
    /* and the next entry can catch exceptions again */
    run_ok(vm, "try:\n    1 / 0\nexcept ZeroDivisionError:\n    caught = 7\n");
    cr_assert_eq(global_int(vm, "caught"), 7);
    asp_free(vm);
}

Test(api, syntax_errors) {
    AspVM *vm = new_vm();
    AspResult r = asp_run_string(vm, "x = 1\nif x\n    pass\n", "bad.as");
    cr_assert_eq(r, ASP_SYNTAX_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "SyntaxError");
    cr_assert_str_eq(asp_error_message(vm),
                     "  File \"bad.as\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n");
    /* nothing ran */
    cr_assert_eq(asp_get_global(vm, NULL, "x", 0), ASP_ERROR);
    r = asp_run_string(vm, "def f():\nreturn 1\n", "ind.as");
    cr_assert_eq(r, ASP_SYNTAX_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "IndentationError");
    run_ok(vm, "y = 2\n");
    cr_assert_str_eq(asp_error_message(vm), "");
    cr_assert_str_eq(asp_error_type(vm), "");
    asp_free(vm);
}

Test(api, runtime_error_report_matches_cli_format) {
    AspVM *vm = new_vm();
    AspResult r = asp_run_string(vm, "def f(d):\n    return d['k']\n\nf({})\n", "rt.as");
    cr_assert_eq(r, ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "KeyError");
    cr_assert_str_eq(asp_error_message(vm),
                     "Traceback (most recent call last):\n"
                     "  File \"rt.as\", line 4, in <module>\n"
                     "  File \"rt.as\", line 2, in f\n"
                     "KeyError: 'k'\n");
    asp_free(vm);
}

Test(api, run_file) {
    char path[] = "/tmp/aspen_api_test_XXXXXX.as";
    int fd = mkstemps(path, 3);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("here = __file__\nv = 3 ** 4\n", f);
    fclose(f);
    AspVM *vm = new_vm();
    cr_assert_eq(asp_run_file(vm, path), ASP_OK, "%s", asp_error_message(vm));
    cr_assert_eq(global_int(vm, "v"), 81);
    asp_get_global(vm, NULL, "here", 0);
    cr_assert_str_eq(asp_get_slot_string(vm, 0, NULL), path);
    remove(path);
    cr_assert_eq(asp_run_file(vm, "/nonexistent/x.as"), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "FileNotFoundError");
    asp_free(vm);
}

Test(api, allowed_modules) {
    static const char *const allowed[] = {"sys", NULL};
    AspConfig cfg = {0};
    cfg.allowed_modules = allowed;
    AspVM *vm = asp_new(&cfg);
    asp_define_module(vm, "host", host_defs);   /* defined modules are always allowed */
    run_ok(vm, "import sys, host\nr = host.add(40, 2) + len(sys.argv)\n");
    cr_assert_eq(global_int(vm, "r"), 43);
    AspResult res = asp_run_string(vm, "x = 1\n\ndef g():\n    import random\n", "imp.as");
    cr_assert_eq(res, ASP_ERROR);
    cr_assert_str_eq(asp_error_type(vm), "ModuleNotFoundError");
    cr_assert(strstr(asp_error_message(vm), "line 4"), "%s", asp_error_message(vm));
    cr_assert(strstr(asp_error_message(vm), "import of 'random' is not allowed"));
    asp_free(vm);
}

Test(api, argv_and_path) {
    static const char *const argv[] = {"prog", "--flag", NULL};
    static const char *const path[] = {"/opt/scripts", NULL};
    AspConfig cfg = {0};
    cfg.argc = 2;
    cfg.argv = argv;
    cfg.module_path = path;
    AspVM *vm = asp_new(&cfg);
    run_ok(vm, "import sys\nok = sys.argv == ['prog', '--flag'] and '/opt/scripts' in sys.path\n");
    asp_get_global(vm, NULL, "ok", 0);
    cr_assert(asp_get_slot_bool(vm, 0));
    asp_free(vm);
    vm = new_vm();
    run_ok(vm, "import sys\nok = sys.argv == ['']\n");
    asp_get_global(vm, NULL, "ok", 0);
    cr_assert(asp_get_slot_bool(vm, 0));
    asp_free(vm);
}

Test(api, two_vms_share_nothing) {
    AspVM *a = new_vm(), *b = new_vm();
    asp_define_module(a, "host", host_defs);
    run_ok(a, "x = 1\nimport host\n");
    run_ok(b, "x = 2\n");
    cr_assert_eq(global_int(a, "x"), 1);
    cr_assert_eq(global_int(b, "x"), 2);
    cr_assert_eq(asp_run_string(b, "import host\n", NULL), ASP_ERROR);
    cr_assert_str_eq(asp_error_type(b), "ModuleNotFoundError");
    cr_assert_str_eq(asp_error_type(a), "");
    run_ok(a, "import sys\nsys.marker = 1\n");
    cr_assert_eq(asp_run_string(b, "import sys\nsys.marker\n", NULL), ASP_ERROR);
    asp_free(a);
    run_ok(b, "y = x * 21\n");   /* b survives a being freed */
    cr_assert_eq(global_int(b, "y"), 42);
    asp_free(b);
}

Test(api, handles_keep_values_alive) {
    AspVM *vm = new_vm();
    asp_ensure_slots(vm, 1);
    run_ok(vm, "obj = {'payload': 'x' * 1000}\n");
    asp_get_global(vm, NULL, "obj", 0);
    AspHandle *h = asp_new_handle(vm, 0);
    cr_assert_not_null(h);
    asp_set_slot_none(vm, 0);
    run_ok(vm, "del obj\ngarbage = [str(i) * 20 for i in range(300000)]\ngarbage = None\n");
    asp_set_slot_handle(vm, 0, h);
    cr_assert_eq(asp_get_slot_type(vm, 0), ASP_TYPE_DICT);
    asp_release_handle(vm, h);
    asp_free(vm);
}

/* Host calls from a frame deeper than (and unrelated to) where the VM was created: the
 * collector's stack scan must start from the current entry, and slot values must survive
 * collections triggered by the script. */
static int deep(AspVM *vm, int depth) {
    volatile char pad[512];
    pad[0] = (char)depth;
    if (depth > 0) return deep(vm, depth - 1) + pad[0] - (char)depth;
    asp_ensure_slots(vm, 2);
    asp_set_slot_string(vm, 1, "survivor");
    run_ok(vm, "import host\nlst = [host.words('a b c') for _ in range(60000)]\nn = len(lst)\nlst = None\n");
    cr_assert_str_eq(asp_get_slot_string(vm, 1, NULL), "survivor");
    return (int)global_int(vm, "n");
}

Test(api, gc_safe_across_stack_depths) {
    AspVM *vm = new_vm();
    asp_define_module(vm, "host", host_defs);
    cr_assert_eq(deep(vm, 200), 60000);
    cr_assert_eq(deep(vm, 3), 60000);
    asp_free(vm);
}

Test(api, event_loop_entry_points_without_loop) {
    AspVM *vm = new_vm();
    /* no script has started an event loop */
    cr_assert_eq(asp_loop_fd(vm), -1);
    cr_assert_eq(asp_loop_run_once(vm, 0), ASP_ERROR);
    cr_assert_neq(asp_error_message(vm)[0], 0);
    asp_free(vm);
}

/* The future functions go through the asyncio module's Python-level API; a stand-in module
 * in sys.modules checks the C side without needing the event loop. */
static void host_fetch(AspVM *vm, int argc) { asp_future_new(vm, 0); }

Test(api, native_futures_through_asyncio_api) {
    AspVM *vm = new_vm();
    static const AspModuleDef defs[] = {{"fetch", host_fetch}, {NULL, NULL}};
    asp_define_module(vm, "host", defs);
    run_ok(vm, "import sys\n"
               "class Fut:\n    def set_result(self, v): self.v = v\n"
               "    def set_exception(self, e): self.e = e\n"
               "class Loop:\n    def create_future(self): return Fut()\n"
               "class M:\n    _get_running_loop = staticmethod(lambda: None)\n"
               "    get_event_loop = staticmethod(lambda: Loop())\n"
               "sys.modules['asyncio'] = M()\n"
               "import host\nf = host.fetch()\n");
    asp_ensure_slots(vm, 2);
    asp_get_global(vm, NULL, "f", 0);
    asp_set_slot_string(vm, 1, "payload");
    cr_assert_eq(asp_future_set_result(vm, 0, 1), ASP_OK, "%s", asp_error_message(vm));
    cr_assert_eq(asp_future_set_exception(vm, 0, "OSError", "boom"), ASP_OK);
    run_ok(vm, "ok = f.v == 'payload' and type(f.e) is OSError and str(f.e) == 'boom'\n");
    asp_get_global(vm, NULL, "ok", 0);
    cr_assert(asp_get_slot_bool(vm, 0));
    asp_free(vm);
}

/* Separate VMs may run on separate threads at the same time. */
#include <pthread.h>

static void *thread_body(void *arg) {
    intptr_t k = (intptr_t)arg;
    AspVM *vm = asp_new(NULL);
    if (!vm) return (void *)-1;
    char src[160];
    snprintf(src, sizeof src, "d = {}\nfor i in range(20000):\n    d[str(i)] = [i] * %d\nr = sum(len(v) for v in d.values())\n", (int)k);
    intptr_t out = -1;
    if (asp_run_string(vm, src, NULL) == ASP_OK && asp_get_global(vm, NULL, "r", 0) == ASP_OK)
        out = (intptr_t)asp_get_slot_int(vm, 0);
    asp_free(vm);
    return (void *)out;
}

Test(api, vms_on_parallel_threads) {
    pthread_t t[4];
    for (intptr_t k = 0; k < 4; k++) cr_assert_eq(pthread_create(&t[k], NULL, thread_body, (void *)(k + 1)), 0);
    for (intptr_t k = 0; k < 4; k++) {
        void *res;
        pthread_join(t[k], &res);
        cr_assert_eq((intptr_t)res, 20000 * (k + 1));
    }
}
