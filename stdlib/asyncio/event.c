/* event.c — the C base of asyncio.Event (`_asyncio.Event`): the flag, the FIFO of waiters and
 * wait(), whose awaitable is its own waiter record.
 *
 * CPython's wait() is a coroutine that creates a Future, appends it to _waiters, awaits it and
 * removes it in a `finally`: a coroutine frame and a Future per waiting task. Here wait()
 * returns one small object with a Future's layout (so the task blocks on it directly, as on
 * sleep()'s) that presents itself as a coroutine. set() resolves every pending waiter; a waiter
 * leaves the FIFO when its task resumes, is cancelled or has an exception thrown in, as the
 * `finally` would. The repr and the loop-binding message come from the .as class on top. */
#include "stdlib/asyncio/asyncio.h"

typedef struct CEvent {
    Obj head;
    VRing waiters;            /* EvWait objects, oldest first */
    Value loop;               /* the loop it is bound to, VNULL until a task first waits */
    uint8_t value;
} CEvent;

/* Just a Future: fut.loop is VNULL until the first step. The Event it waits on lives in the
 * queue link, which a waiter never uses (only tasks, handles and sleeps are queued): one
 * field more would move every waiting task's record from the 80- to the 96-byte class.
 * The event is NULL once the wait has finished. */
typedef Future EvWait;
static CEvent *ew_event(EvWait *w) { return (CEvent *)w->q.qnext; }
static void ew_set_event(EvWait *w, CEvent *e) { w->q.qnext = (QNode *)e; }

static void ev_trace(GC *gc, Obj *o) {
    CEvent *e = (CEvent *)o;
    ring_trace(gc, &e->waiters);
    gc_mark(gc, e->loop);
}
static void ev_finalize(Obj *o) { free(((CEvent *)o)->waiters.buf); }

static void ew_on_collect(VM *vm, Obj *o) {
    EvWait *w = (EvWait *)o;
    if (w->loop || !ew_event(w)) return;
    fflush(stdout);
    fprintf(stderr, "sys:1: RuntimeWarning: coroutine 'Event.wait' was never awaited\n"
                    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

/* _LoopBoundMixin._get_loop(): bind to the running loop on first use. */
static Value ev_get_loop(VM *vm, CEvent *e) {
    Value l = get_running_loop_or_raise(vm);
    if (!l) return VNULL;
    if (!e->loop) e->loop = l;
    if (e->loop != l) {
        Value r = vm_repr(vm, v_from_obj(e));
        return r ? vm_raise(vm, vm->e_RuntimeError, "%s is bound to a different event loop", str_cstr(r)) : VNULL;
    }
    return l;
}

/* The wait is over (returned or raised): leave the FIFO, as CPython's `finally` does. */
static void ew_leave(EvWait *w) {
    CEvent *e = ew_event(w);
    if (e) ring_remove(&e->waiters, v_from_obj(w));
    ew_set_event(w, NULL);
}

/* One await step; *done tells the result (True) from the object to block on (itself). */
static Value ew_step(VM *vm, Value self, bool *done) {
    EvWait *w = (EvWait *)self;
    *done = false;
    CEvent *e = ew_event(w);
    if (!e) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
    if (!w->loop) {
        if (e->value) { ew_set_event(w, NULL); *done = true; return vm->true_; }
        Value loop = ev_get_loop(vm, e);
        if (!loop) return VNULL;
        if (ring_push(vm, &e->waiters, self) < 0) return VNULL;
        w->loop = loop;
    }
    if (w->state == FUT_PENDING) { w->blocking = 1; return self; }
    ew_leave(w);
    if (w->state == FUT_CANCELLED) return future_result(vm, w);
    *done = true;
    return vm->true_;
}

static Value ew_am_send(VM *vm, Value self, Value sent, bool *done) { return ew_step(vm, self, done); }

static Value ew_next_m(VM *vm, Value *a, int n, Value k) {
    bool done;
    Value r = ew_step(vm, a[0], &done);
    return r && done ? future_stop_iteration(vm, r) : r;
}
static Value ew_send_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "send", n - 1, k, 1, 1) < 0) return VNULL;
    return ew_next_m(vm, a, 1, VNULL);
}
static Value ew_throw_m(VM *vm, Value *a, int n, Value k) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "throw expected at least 1 argument, got 0");
    ew_leave((EvWait *)a[0]);
    Value e = a[1];
    if (isinst(vm, e, vm->t_type)) {
        e = vm_call(vm, e, n > 2 && a[2] != vm->none ? &a[2] : NULL, n > 2 && a[2] != vm->none ? 1 : 0, VNULL);
        if (!e) return VNULL;
    }
    if (!isinst(vm, e, vm->e_BaseException))
        return vm_raise(vm, vm->e_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", type_name(vm, e));
    return vm_raise_value(vm, e);
}
static Value ew_close_m(VM *vm, Value *a, int n, Value k) { ew_leave((EvWait *)a[0]); return vm->none; }
static Value ew_self_m(VM *vm, Value *a, int n, Value k) { return a[0]; }
static Value ew_repr_m(VM *vm, Value *a, int n, Value k) {
    return str_printf(vm, "<coroutine object Event.wait at %p>", (void *)a[0]);
}
static Value ew_name_get(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, "wait"); }
static Value ew_qualname_get(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, "Event.wait"); }

/* ---- Event ---- */

#define SELF ((CEvent *)a[0])

static Value ev_new_m(VM *vm, Value *a, int n, Value k) {
    Type *cls = (Type *)a[0];
    return v_from_obj(gc_alloc(vm, cls, cls->size));
}
static Value ev_init_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "Event", n - 1, k, 0, 0) < 0) return VNULL;
    return vm->none;
}
static Value ev_is_set_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->value); }
static Value ev_clear_m(VM *vm, Value *a, int n, Value k) { SELF->value = 0; return vm->none; }

static Value ev_set_m(VM *vm, Value *a, int n, Value k) {
    CEvent *e = SELF;
    if (e->value) return vm->none;
    e->value = 1;
    for (int64_t i = 0; i < e->waiters.n; i++) {
        Future *f = (Future *)ring_at(&e->waiters, i);
        if (f->state == FUT_PENDING && future_set_result(vm, f, vm->true_) < 0) return VNULL;
    }
    return vm->none;
}

static Value ev_wait_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "wait", n - 1, k, 0, 0) < 0) return VNULL;
    EvWait *w = gc_alloc(vm, astate(vm)->t_waiter, sizeof(EvWait));
    if (!w) return VNULL;
    w->kind = FK_WAITER;
    w->result = vm->none;
    ew_set_event(w, SELF);
    return v_from_obj(w);
}

static Value ev_nwaiters_m(VM *vm, Value *a, int n, Value k) { return v_from_int(SELF->waiters.n); }
static Value ev_value_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->value); }
static Value ev_loop_get(VM *vm, Value *a, int n, Value k) { return SELF->loop ? SELF->loop : vm->none; }

void event_types_init(VM *vm, AState *st, Value module) {
    Type *w = type_new_builtin(vm, "coroutine", vm->t_object, sizeof(EvWait), 0);
    w->trace = future_trace;   /* marks the queue link, so the event too */
    w->on_collect = ew_on_collect;
    w->am_send = ew_am_send;
    type_add_method(vm, w, "__await__", ew_self_m);
    type_add_method(vm, w, "__iter__", ew_self_m);
    type_add_method(vm, w, "__next__", ew_next_m);
    type_add_method(vm, w, "send", ew_send_m);
    type_add_method(vm, w, "throw", ew_throw_m);
    type_add_method(vm, w, "close", ew_close_m);
    type_add_method(vm, w, "__repr__", ew_repr_m);
    type_add_property(vm, w, "__name__", ew_name_get, NULL);
    type_add_property(vm, w, "__qualname__", ew_qualname_get, NULL);
    st->t_waiter = w;

    Type *t = type_new_builtin(vm, "Event", vm->t_object, sizeof(CEvent), TF_BASETYPE);
    t->trace = ev_trace;
    t->finalize = ev_finalize;
    type_add_static(vm, t, "__new__", ev_new_m);
    type_add_method(vm, t, "__init__", ev_init_m);
    type_add_method(vm, t, "is_set", ev_is_set_m);
    type_add_method(vm, t, "set", ev_set_m);
    type_add_method(vm, t, "clear", ev_clear_m);
    type_add_method(vm, t, "wait", ev_wait_m);
    type_add_method(vm, t, "_nwaiters", ev_nwaiters_m);
    type_add_property(vm, t, "_value", ev_value_get, NULL);
    type_add_property(vm, t, "_loop", ev_loop_get, NULL);
    module_add(vm, module, "Event", v_from_obj(t));
}
