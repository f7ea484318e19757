/* host.c — a small program that embeds Aspen through vm/aspen.h only.
 *
 * It creates a sandboxed VM (memory limit, step budget, a short list of importable modules),
 * gives scripts a native module `host`, runs a script that imports it and hands the host a
 * callback, calls script functions from C with arguments built in slots, and shows what a
 * host sees when a script raises, misbehaves or runs away.
 *
 * Build (from the repository root, after `make`):
 *     cc -I. examples/embed/host.c build/libaspen.a -lm -lpthread -lffi -o host && ./host */
#include "vm/aspen.h"
#include <stdio.h>
#include <string.h>

/* host.log(*parts): print a line, prefixed so the host's output is easy to tell apart. */
static void host_log(AspVM *vm, int argc) {
    printf("[host]");
    for (int i = 1; i <= argc; i++) {
        if (asp_slot_to_string(vm, i) != ASP_OK) return;   /* __str__ raised: propagate */
        printf(" %s", asp_get_slot_string(vm, i, NULL));
    }
    printf("\n");
}

/* host.rate(fn, names) -> {name: fn(name)}: calls back into the script once per name. */
static void host_rate(AspVM *vm, int argc) {
    if (argc != 2 || asp_get_slot_type(vm, 2) != ASP_TYPE_LIST) {
        asp_raise(vm, "TypeError", "rate() expects a function and a list of names");
        return;
    }
    /* slots: 1 fn, 2 names, 3 result dict, 4 the name, 5..6 call frame (callee, argument) */
    if (asp_ensure_slots(vm, 7) != ASP_OK || asp_set_slot_new_dict(vm, 3) != ASP_OK) return;
    AspHandle *fn = asp_new_handle(vm, 1);
    int64_t n = asp_list_count(vm, 2);
    for (int64_t i = 0; i < n; i++) {
        asp_list_get(vm, 2, i, 4);
        /* asp_call_slot uses slots 0..argc: the callable in 0, its argument in 1 */
        asp_set_slot_handle(vm, 0, fn);
        asp_copy_slot(vm, 5, 1);             /* keep our own slot 1 */
        asp_copy_slot(vm, 1, 4);
        AspResult r = asp_call_slot(vm, 1);
        asp_copy_slot(vm, 1, 5);
        if (r != ASP_OK) { asp_release_handle(vm, fn); return; }   /* the script's exception propagates */
        asp_dict_set(vm, 3, 4, 0);
    }
    asp_release_handle(vm, fn);
    asp_copy_slot(vm, 0, 3);
}

/* host.checked_div(a, b): raises ValueError from C. */
static void host_checked_div(AspVM *vm, int argc) {
    if (argc != 2 || asp_get_slot_int(vm, 2) == 0) { asp_raise(vm, "ValueError", "the host refuses to divide by zero"); return; }
    asp_set_slot_int(vm, 0, asp_get_slot_int(vm, 1) / asp_get_slot_int(vm, 2));
}

static const AspModuleDef host_module[] = {
    {"log", host_log},
    {"rate", host_rate},
    {"checked_div", host_checked_div},
    {NULL, NULL},
};

static const char *script =
    "import host\n"
    "\n"
    "def score(name):\n"
    "    return sum(ord(c) for c in name) % 10\n"
    "\n"
    "def summarize(names, bonus):\n"
    "    rated = host.rate(score, names)\n"
    "    best = max(rated, key=lambda n: (rated[n], n))\n"
    "    return f'{len(rated)} rated, best {best} with {rated[best] + bonus}'\n"
    "\n"
    "host.log('script loaded, scores:', host.rate(score, ['ada', 'grace']))\n"
    "try:\n"
    "    host.checked_div(1, 0)\n"
    "except ValueError as e:\n"
    "    host.log('caught:', e)\n";

static void report(AspVM *vm, const char *what, AspResult r) {
    static const char *names[] = {"ASP_OK", "ASP_ERROR", "ASP_SYNTAX_ERROR", "ASP_NOMEM", "ASP_BUDGET"};
    printf("%s -> %s", what, names[r]);
    if (r != ASP_OK) printf(" (%s)\n%s", asp_error_type(vm), asp_error_message(vm));
    else printf("\n");
}

int main(void) {
    static const char *const allowed[] = {"sys", NULL};
    AspConfig cfg = {0};
    cfg.memory_limit = 32u << 20;     /* 32 MiB of heap */
    cfg.step_budget = 2000000;        /* per entry: run_string, call ... */
    cfg.allowed_modules = allowed;    /* plus the modules the host defines */
    AspVM *vm = asp_new(&cfg);
    if (!vm) { fprintf(stderr, "cannot create the VM\n"); return 1; }
    if (asp_define_module(vm, "host", host_module) != ASP_OK) return 1;

    report(vm, "load script", asp_run_string(vm, script, "script.as"));

    /* Call summarize(["linus", "guido", "grace"], 100) from C. */
    asp_ensure_slots(vm, 4);
    asp_set_slot_new_list(vm, 1);
    const char *names[] = {"linus", "guido", "grace"};
    for (int i = 0; i < 3; i++) {
        asp_set_slot_string(vm, 3, names[i]);
        asp_list_append(vm, 1, 3);
    }
    asp_set_slot_int(vm, 2, 100);
    AspResult r = asp_call(vm, "summarize", 2);
    report(vm, "summarize", r);
    if (r == ASP_OK) printf("result: %s\n", asp_get_slot_string(vm, 0, NULL));

    /* A callback that raises: the traceback runs through the native back to the host. */
    asp_set_slot_new_list(vm, 1);
    asp_set_slot_int(vm, 3, 42);
    asp_list_append(vm, 1, 3);
    report(vm, "summarize([42])", asp_call(vm, "summarize", 2));

    /* Misbehaving scripts are stopped, and the VM stays usable. */
    report(vm, "runaway loop", asp_run_string(vm, "while True:\n    pass\n", "spin.as"));
    report(vm, "forbidden import", asp_run_string(vm, "import random\n", "imp.as"));
    report(vm, "syntax error", asp_run_string(vm, "def f(:\n    pass\n", "bad.as"));
    report(vm, "still alive", asp_run_string(vm, "host.log('still alive:', score('aspen'))\n", "ok.as"));
    report(vm, "memory hog", asp_run_string(vm, "hog = []\nwhile True:\n    hog.append('x' * 4096)\n", "hog.as"));

    asp_free(vm);
    return 0;
}
