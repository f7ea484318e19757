/* warn.c — the "coroutine ... was never awaited" RuntimeWarning, printed as CPython 3.11 prints
 * it. CPython's refcounting drops a forgotten coroutine at once and names the line that
 * dropped it; a tracing collector finds it later, so Aspen names the line only where it can
 * prove the drop: `f()` or `asyncio.sleep(1)` as a statement, whose new coroutine nothing else
 * can hold (eval.c calls vm_warn_dropped_awaitable). Others are reported when collected, as
 * "sys:1" (at exit without the tracemalloc hint, whose import CPython's shutdown has lost).
 * A type opts in with Type.take_unawaited. */
#include "vm/vm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Type.on_collect of the awaitables that can be forgotten. Allocates nothing. */
void vm_warn_unawaited_on_collect(VM *vm, Obj *o) {
    const char *name = o->type->take_unawaited(vm, o);
    if (!name) return;
    fflush(stdout);
    fprintf(stderr, "sys:1: RuntimeWarning: coroutine '%s' was never awaited\n", name);
    if (!vm->at_exit) fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
}

/* The default warning filter: each (file, line, text) once. */
static bool first_time(VM *vm, const char *file, int line, const char *text) {
    if (!vm->warn_registry && !(vm->warn_registry = v_from_obj(dict_new(vm)))) { vm_clear_exc(vm); return false; }
    Value key = str_printf(vm, "%s:%d:%s", file, line, text);
    Value seen = VNULL;
    if (!key || dict_get(vm, (Dict *)vm->warn_registry, key, &seen) != 0 ||
        dict_set(vm, (Dict *)vm->warn_registry, key, vm->true_) < 0) {
        vm_clear_exc(vm);
        return false;
    }
    return true;
}

/* "file:line: Category: text" and the source line, as warnings.showwarning prints them. */
static bool show(VM *vm, const char *file, int line, const char *category, const char *text, bool once) {
    if (once && !first_time(vm, file, line, text)) return false;
    fflush(stdout);
    fprintf(stderr, "%s:%d: %s: %s\n", file, line, category, text);
    char *src = vm_source_line(file, line);
    if (src) {
        char *a = src, *z = src + strlen(src);
        while (*a == ' ' || *a == '\t') a++;
        while (z > a && (z[-1] == '\n' || z[-1] == '\r' || z[-1] == ' ' || z[-1] == '\t')) z--;
        fprintf(stderr, "  %.*s\n", (int)(z - a), a);
        free(src);
    }
    return true;
}

/* The compiler's warnings: CPython passes no registry, so each is shown every time. */
void vm_warn_at(VM *vm, const char *file, int line, const char *category, const char *text) {
    show(vm, file, line, category, text, false);
}

/* `callable(...)` returned r and the statement drops it: warn here if r is an awaitable that
 * callable created (so nothing else refers to it) and that was never started. */
void vm_warn_dropped_awaitable(VM *vm, Value callable, Value r, Code *co, uint32_t *ip) {
    Type *ct = type_of(vm, callable), *rt = type_of(vm, r);
    if (ct == vm->t_method) { callable = ((BoundMethod *)callable)->func; ct = type_of(vm, callable); }
    bool fresh = rt == vm->t_coroutine ? ct == vm->t_function && (((Func *)callable)->code->flags & CO_COROUTINE)
                                       : ct == vm->t_builtin_function_or_method && (((NativeFunc *)callable)->flags & NF_NEW_AWAITABLE);
    if (!fresh) return;
    const char *name = rt->take_unawaited(vm, (Obj *)r);   /* not reported again when collected */
    if (!name) return;
    char text[300];
    snprintf(text, sizeof text, "coroutine '%s' was never awaited", name);
    if (show(vm, str_cstr(co->filename), vm_line_of(co, ip - 1), "RuntimeWarning", text, true))
        fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
}

void native_set_new_awaitable(VM *vm, Dict *d, const char *name) {
    Value f = dict_get_cstr(vm, d, name);
    if (!f) { vm_clear_exc(vm); return; }
    if (type_of(vm, f) == vm->t_builtin_function_or_method) ((NativeFunc *)f)->flags |= NF_NEW_AWAITABLE;
}
