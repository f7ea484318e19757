/* module.c — the `_asyncio` native module: its per-VM state, the module-level functions
 * (run, get_event_loop, current_task, all_tasks, ensure_future, ...) and the "coroutine ...
 * was never awaited" warning given when an unstarted coroutine is collected or at exit. */
#include "stdlib/asyncio/asyncio.h"
#include "vm/interp.h"

Value vm_get_awaitable(VM *vm, Value v, int where);          /* gen.c */
Value vm_send_nongen(VM *vm, Value it, Value v, bool *done);  /* gen.c */

static void state_trace(GC *gc, Obj *o) {
    AState *st = (AState *)o;
    gc_mark_obj(gc, st->t_future); gc_mark_obj(gc, st->t_task); gc_mark_obj(gc, st->t_sleep);
    gc_mark_obj(gc, st->t_sleep0); gc_mark_obj(gc, st->t_handle); gc_mark_obj(gc, st->t_timerhandle);
    gc_mark_obj(gc, st->t_loop); gc_mark_obj(gc, st->t_waiter); gc_mark_obj(gc, st->t_lockwait);
    gc_mark_obj(gc, st->t_semwait); gc_mark_obj(gc, st->t_lock); gc_mark_obj(gc, st->t_semaphore);
    gc_mark_obj(gc, st->t_gather); gc_mark_obj(gc, st->t_gnote); gc_mark_obj(gc, st->t_futextra);
    gc_mark(gc, st->event_loop);
    gc_mark(gc, st->stopiter);
    gc_mark(gc, st->rucb);
}

/* ---- the never-awaited warning ---- */

static const char *coro_take_unawaited(VM *vm, Obj *o) {
    Gen *g = (Gen *)o;
    if (g->kind != GK_COROUTINE || g->state != GEN_CREATED || g->awaited) return NULL;
    g->awaited = 1;
    return str_cstr(gen_qualname(g));
}

/* Installs the hook; the VM should call this at start-up (coroutines created before it is
 * set are not watched). Importing _asyncio calls it too. */
void asyncio_warnings_init(VM *vm) {
    if (!vm->t_coroutine) return;
    vm->t_coroutine->on_collect = vm_warn_unawaited_on_collect;
    vm->t_coroutine->take_unawaited = coro_take_unawaited;
}

/* ---- helpers ---- */

static Value loop_arg(VM *vm, Value v) {
    if (v && v != vm->none) return v;
    return get_running_loop_or_raise(vm);
}

/* ---- _wrap_awaitable: a coroutine over any object's __await__ iterator ---- */

typedef struct { Obj head; Value it; uint8_t started; } AwaitWrap;

static void aw_trace(GC *gc, Obj *o) { gc_mark(gc, ((AwaitWrap *)o)->it); }

static Value aw_send_m(VM *vm, Value *a, int n, Value k) {
    AwaitWrap *w = (AwaitWrap *)a[0];
    bool done;
    Value r = vm_send_nongen(vm, w->it, n > 1 ? a[1] : vm->none, &done);
    if (!r || !done) return r;
    return future_stop_iteration(vm, r);
}
static Value aw_throw_m(VM *vm, Value *a, int n, Value k) {
    AwaitWrap *w = (AwaitWrap *)a[0];
    Value th = vm_getattr_opt(vm, w->it, vm->s_throw);
    if (th) return vm_call(vm, th, a + 1, n - 1, VNULL);
    vm_clear_exc(vm);
    return n > 1 ? vm_raise_value(vm, a[1]) : VNULL;
}
static Value aw_close_m(VM *vm, Value *a, int n, Value k) { return vm->none; }
static Value aw_self_m(VM *vm, Value *a, int n, Value k) { return a[0]; }
static Value aw_next_m(VM *vm, Value *a, int n, Value k) { return aw_send_m(vm, a, 1, VNULL); }

static Type *aw_type(VM *vm) {
    static const char key[] = "_wrap_awaitable";
    Value t = dict_get_cstr(vm, ((Type *)astate(vm)->t_loop)->dict, key);
    vm_clear_exc(vm);
    if (t) return (Type *)t;
    Type *nt = type_new_builtin(vm, "coroutine", vm->t_object, sizeof(AwaitWrap), 0);
    nt->trace = aw_trace;
    type_add_method(vm, nt, "send", aw_send_m);
    type_add_method(vm, nt, "throw", aw_throw_m);
    type_add_method(vm, nt, "close", aw_close_m);
    type_add_method(vm, nt, "__await__", aw_self_m);
    type_add_method(vm, nt, "__iter__", aw_self_m);
    type_add_method(vm, nt, "__next__", aw_next_m);
    dict_set_cstr(vm, astate(vm)->t_loop->dict, key, v_from_obj(nt));
    return nt;
}

/* ensure_future(obj, loop): a future as is, a coroutine wrapped in a Task. */
Value ensure_future_on(VM *vm, Value obj, Value loop, bool *new_task) {
    *new_task = false;
    if (is_future(vm, obj)) {
        if (loop && loop != vm->none && ((Future *)obj)->loop != loop)
            return vm_raise(vm, vm->e_ValueError, "The future belongs to a different loop than the one specified as the loop argument");
        return obj;
    }
    if (v_is_obj(obj) && !is_future(vm, obj)) {
        Value b = vm_getattr_opt(vm, obj, vm->s__asyncio_future_blocking);
        if (!b) vm_clear_exc(vm);
        else if (b != vm->none) return obj;
    }
    if (!loop || loop == vm->none) { loop = loop_get_event_loop(vm); if (!loop) return VNULL; }
    if (is_coroutine(vm, obj)) {
        *new_task = true;
        if (loop_check_closed(vm, (Loop *)loop) < 0) {
            if (type_of(vm, obj) == vm->t_coroutine) gen_close(vm, obj);
            return VNULL;
        }
        return task_new(vm, loop, obj, VNULL);
    }
    if (v_is_obj(obj) && type_lookup(vm, type_of(vm, obj), vm->s___await__)) {
        Value it = vm_get_awaitable(vm, obj, 0);
        if (!it) return VNULL;
        Type *wt = aw_type(vm);
        AwaitWrap *w = wt ? gc_alloc(vm, wt, sizeof(AwaitWrap)) : NULL;
        if (!w) return VNULL;
        w->it = it;
        *new_task = true;
        return task_new(vm, loop, v_from_obj(w), VNULL);
    }
    return vm_raise(vm, vm->e_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

/* ---- module functions ---- */

static Value m_get_event_loop(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "get_event_loop", n, k, 0, 0) < 0) return VNULL;
    return loop_get_event_loop(vm);
}
static Value m_new_event_loop(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "new_event_loop", n, k, 0, 0) < 0) return VNULL;
    return loop_new(vm);
}
static Value m_set_event_loop(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "set_event_loop", n, k, 1, 1) < 0) return VNULL;
    if (a[0] != vm->none && type_of(vm, a[0]) != astate(vm)->t_loop) {
        return vm_raise(vm, vm->e_TypeError, "loop must be an instance of AbstractEventLoop or None, not '%s'", type_name(vm, a[0]));
    }
    astate(vm)->event_loop = a[0];
    return vm->none;
}
static Value m_get_running_loop(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "get_running_loop", n, k, 0, 0) < 0) return VNULL;
    return get_running_loop_or_raise(vm);
}
static Value m__get_running_loop(VM *vm, Value *a, int n, Value k) {
    return vm->loop ? v_from_obj(vm->loop) : vm->none;
}
static Value m_current_task(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "loop", NULL };
    Value loop = VNULL;
    if (vm_parse_args(vm, "current_task", a, n, k, names, 0, 0, &loop) < 0) return VNULL;
    loop = loop_arg(vm, loop);
    if (!loop) return VNULL;
    Value t = ((Loop *)loop)->current_task;
    return t ? t : vm->none;
}
static Value m_all_tasks(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "loop", NULL };
    Value loop = VNULL;
    if (vm_parse_args(vm, "all_tasks", a, n, k, names, 0, 0, &loop) < 0) return VNULL;
    loop = loop_arg(vm, loop);
    if (!loop) return VNULL;
    Value s = set_new(vm, vm->t_set);
    if (!s) return VNULL;
    for (Task *t = ((Loop *)loop)->tasks; t; t = t->next)
        if (t->fut.state == FUT_PENDING && set_add(vm, s, v_from_obj(t)) < 0) return VNULL;
    return s;
}
static Value m_iscoroutine(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "iscoroutine", n, k, 1, 1) < 0) return VNULL;
    return vm_bool(vm, is_coroutine(vm, a[0]));
}
static Value m_iscoroutinefunction(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "iscoroutinefunction", n, k, 1, 1) < 0) return VNULL;
    Value f = a[0];
    for (int i = 0; i < 8; i++) {
        Type *t = type_of(vm, f);
        if (t == vm->t_method) { f = ((BoundMethod *)f)->func; continue; }
        if (t == vm->t_staticmethod || t == vm->t_classmethod) { f = ((StaticMethod *)f)->func; continue; }
        break;
    }
    if (type_of(vm, f) == vm->t_function) return vm_bool(vm, ((Func *)f)->code->flags & CO_COROUTINE);
    /* the C methods that stand for CPython's `async def`s (sleep, Event.wait, Queue.get, ...) */
    if (type_of(vm, f) == vm->t_builtin_function_or_method) return vm_bool(vm, ((NativeFunc *)f)->flags & NF_NEW_AWAITABLE);
    Value marker = vm_getattr_opt(vm, f, str_intern_cstr(vm, "_is_coroutine"));
    vm_clear_exc(vm);
    return vm_bool(vm, marker && marker != vm->none && marker != vm->false_);
}
static Value m_isfuture(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "isfuture", n, k, 1, 1) < 0) return VNULL;
    if (is_future(vm, a[0])) return vm->true_;
    if (!v_is_obj(a[0]) || isinst(vm, a[0], vm->t_type)) return vm->false_;
    if (!type_lookup(vm, type_of(vm, a[0]), vm->s__asyncio_future_blocking)) return vm->false_;
    Value b = vm_getattr_opt(vm, a[0], vm->s__asyncio_future_blocking);
    vm_clear_exc(vm);
    return vm_bool(vm, b && b != vm->none);
}
static Value m_ensure_future(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "coro_or_future", "loop", NULL };
    Value out[2] = { VNULL, VNULL };
    if (vm_parse_args(vm, "ensure_future", a, n, k, names, 1, 0, out) < 0) return VNULL;
    bool nt;
    return ensure_future_on(vm, out[0], out[1], &nt);
}
static Value m_create_task(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "coro", "name", "context", NULL };
    Value out[3] = { VNULL, VNULL, VNULL };
    if (vm_parse_args(vm, "create_task", a, n, k, names, 1, 0, out) < 0) return VNULL;
    Value loop = get_running_loop_or_raise(vm);
    if (!loop) {
        if (type_of(vm, out[0]) == vm->t_coroutine) gen_close(vm, out[0]);
        return VNULL;
    }
    /* CPython 3.11's asyncio.create_task names the task after creating it: it takes a number */
    if (out[1] && out[1] != vm->none && !((Loop *)loop)->task_factory) vm->task_counter++;
    return loop_make_task(vm, (Loop *)loop, out[0], out[1]);
}

/* Cancel what asyncio.run's main task left running and let the cancellations finish. */
static int cancel_all(VM *vm, Loop *l) {
    int64_t n = 0;
    for (Task *t = l->tasks; t; t = t->next) if (t->fut.state == FUT_PENDING) n++;
    if (!n) return 0;
    Value list = list_new(vm, n);
    if (!list) return -1;
    for (Task *t = l->tasks; t; t = t->next)
        if (t->fut.state == FUT_PENDING && list_append(vm, list, v_from_obj(t)) < 0) return -1;
    for (int64_t i = 0; i < as_list(list)->n; i++) task_cancel(vm, (Task *)as_list(list)->items[i], vm->none);
    /* gather(*to_cancel, return_exceptions=True): run until every one is done */
    if (loop_run_until_done(vm, l, list) < 0) return -1;
    for (int64_t i = 0; i < as_list(list)->n; i++) {
        Task *t = (Task *)as_list(list)->items[i];
        if (t->fut.state == FUT_CANCELLED || !fut_exception(&t->fut)) continue;
        t->fut.log_tb = 0;
        Dict *d = dict_new(vm);
        if (!d) return -1;
        dict_set_cstr(vm, d, "message", str_from_cstr(vm, "unhandled exception during asyncio.run() shutdown"));
        dict_set_cstr(vm, d, "exception", fut_exception(&t->fut));
        dict_set_cstr(vm, d, "task", v_from_obj(t));
        loop_call_exception_handler(vm, l, v_from_obj(d));
    }
    return 0;
}

static Value m_run(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "main", "debug", NULL };
    Value out[2] = { VNULL, VNULL };
    if (vm_parse_args(vm, "run", a, n, k, names, 1, 0, out) < 0) return VNULL;
    if (vm->loop) return vm_raise(vm, vm->e_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    if (!is_coroutine(vm, out[0])) {
        Value r = vm_repr(vm, out[0]);
        return r ? vm_raise(vm, vm->e_ValueError, "a coroutine was expected, got %s", str_cstr(r)) : VNULL;
    }
    Value lv = loop_new(vm);
    if (!lv) return VNULL;
    Loop *l = (Loop *)lv;
    if (out[1] && out[1] != vm->none) l->debug = (uint8_t)(vm_truthy(vm, out[1]) > 0);
    AState *st = astate(vm);
    st->event_loop = lv;
    Value task = task_new(vm, lv, out[0], VNULL);
    if (!task) return VNULL;
    l->main_task = task;
    Value r = loop_run_until_complete(vm, l, task);
    Value err = r ? VNULL : vm->exc;
    vm_clear_exc(vm);
    if (err) ((Future *)task)->log_tb = 0;   /* the error propagates: it is retrieved */
    bool interrupted = l->interrupted > 0;
    l->main_task = VNULL;
    if (!vm->budget_spent && cancel_all(vm, l) < 0) { if (!err) err = vm->exc; vm_clear_exc(vm); }
    st->event_loop = vm->none;
    loop_close(vm, l);
    if (err) {
        if (interrupted && isinst(vm, err, vm->e_CancelledError)) {
            vm_raise(vm, vm->e_KeyboardInterrupt, "%s", "");
            ExcObj *e = (ExcObj *)vm->exc;
            if (e) { e->args = vm->empty_tuple; e->context = err; }
            return VNULL;
        }
        return vm_raise_value(vm, err);
    }
    return r;
}

Value asyncio_native_init(VM *vm) {
    asyncio_warnings_init(vm);
    if (!vm->asyncio_state) {
        Type *stt = type_new_builtin(vm, "_asyncio_state", vm->t_object, sizeof(AState), 0);
        stt->trace = state_trace;
        AState *st = gc_alloc(vm, stt, sizeof(AState));
        if (!st) return VNULL;
        st->event_loop = vm->none;
        vm->asyncio_state = v_from_obj(st);
        future_types_init(vm, st);
        task_types_init(vm, st);
        sleep_types_init(vm, st);
        loop_types_init(vm, st);
        st->stopiter = exc_new(vm, vm->e_StopIteration, NULL, 0);
    }
    AState *st = astate(vm);
    Value m = module_new(vm, "_asyncio");
    if (!m) return VNULL;
    module_add(vm, m, "Future", v_from_obj(st->t_future));
    module_add(vm, m, "Task", v_from_obj(st->t_task));
    module_add(vm, m, "Handle", v_from_obj(st->t_handle));
    module_add(vm, m, "TimerHandle", v_from_obj(st->t_timerhandle));
    module_add(vm, m, "AbstractEventLoop", v_from_obj(st->t_loop));
    module_add(vm, m, "BaseEventLoop", v_from_obj(st->t_loop));
    module_add(vm, m, "SelectorEventLoop", v_from_obj(st->t_loop));
    module_add(vm, m, "CancelledError", v_from_obj(vm->e_CancelledError));
    module_add(vm, m, "InvalidStateError", v_from_obj(vm->e_InvalidStateError));
    module_add(vm, m, "TimeoutError", v_from_obj(vm->e_TimeoutError));
    module_add_fn(vm, m, "get_event_loop", m_get_event_loop);
    module_add_fn(vm, m, "new_event_loop", m_new_event_loop);
    module_add_fn(vm, m, "set_event_loop", m_set_event_loop);
    module_add_fn(vm, m, "get_running_loop", m_get_running_loop);
    module_add_fn(vm, m, "_get_running_loop", m__get_running_loop);
    module_add_fn(vm, m, "current_task", m_current_task);
    module_add_fn(vm, m, "all_tasks", m_all_tasks);
    module_add_fn(vm, m, "iscoroutine", m_iscoroutine);
    module_add_fn(vm, m, "iscoroutinefunction", m_iscoroutinefunction);
    module_add_fn(vm, m, "isfuture", m_isfuture);
    module_add_fn(vm, m, "ensure_future", m_ensure_future);
    module_add_fn(vm, m, "create_task", m_create_task);
    module_add_fn(vm, m, "sleep", asyncio_sleep);
    native_set_new_awaitable(vm, ((Module *)m)->dict, "sleep");
    module_add_fn(vm, m, "run", m_run);
    queue_types_init(vm, m);
    event_types_init(vm, st, m);
    lock_types_init(vm, st, m);
    semaphore_types_init(vm, st, m);
    gather_types_init(vm, st, m);
    return m;
}
