/* waiter.c — what the C synchronisation primitives (event.c, lock.c, semaphore.c) share: the
 * loop binding of CPython's _LoopBoundMixin, and the waiter record their waiting methods return.
 *
 * CPython's Event.wait() or Lock.acquire() is a coroutine that creates a Future, appends it to
 * _waiters, awaits it and removes it in a `finally`: a coroutine frame and a Future per waiting
 * task. Here the method returns one 32-byte record (D13) that presents itself as a coroutine
 * named after the method and that the task blocks on directly: the record knows its primitive
 * and its task, and its state is PENDING, DONE (resolved with True) or CANCELLED. A Future's
 * other fields are not needed: the result is always True, the loop is the primitive's, the
 * only "callback" is the task, and a cancel message takes the task's slot once the task has
 * been woken. */
#include "stdlib/asyncio/asyncio.h"

/* _LoopBoundMixin._get_loop(): bind to the running loop on first use. */
Value prim_get_loop(VM *vm, Prim *p) {
    Value l = get_running_loop_or_raise(vm);
    if (!l) return VNULL;
    if (!p->loop) p->loop = l;
    if (p->loop != l) {
        Value r = vm_repr(vm, v_from_obj(p));
        return r ? vm_raise(vm, vm->e_RuntimeError, "%s is bound to a different event loop", str_cstr(r)) : VNULL;
    }
    return l;
}

void prim_trace(GC *gc, Obj *o) {
    Prim *p = (Prim *)o;
    ring_trace(gc, &p->waiters);
    gc_mark(gc, p->loop);
}
void prim_finalize(Obj *o) { free(((Prim *)o)->waiters.buf); }

bool is_waiter(VM *vm, Value v) {
    if (!v_is_obj(v)) return false;
    AState *st = astate(vm);
    Type *t = ((Obj *)v)->type;
    return t == st->t_waiter || t == st->t_lockwait || t == st->t_semwait;
}

static void waiter_trace(GC *gc, Obj *o) {
    Waiter *w = (Waiter *)o;
    gc_mark_obj(gc, w->prim);
    gc_mark(gc, w->task);
}

Value waiter_new(VM *vm, Type *t, Prim *p, uint8_t op) {
    Waiter *w = gc_alloc(vm, t, sizeof(Waiter));
    if (!w) return VNULL;
    w->op = op;
    w->prim = p;
    return v_from_obj(w);
}

/* First step: join the FIFO and block. A failure ends the wait (the coroutine raised). */
Value waiter_enqueue(VM *vm, Waiter *w) {
    Value loop = prim_get_loop(vm, w->prim);
    if (!loop || ring_push(vm, &w->prim->waiters, v_from_obj(w)) < 0) { w->prim = NULL; return VNULL; }
    w->joined = 1;
    w->blocking = 1;
    return v_from_obj(w);
}

/* The wait is over (returned or raised): leave the FIFO, as CPython's `finally` does. */
void waiter_leave(Waiter *w) {
    if (w->prim && w->joined) ring_remove(&w->prim->waiters, v_from_obj(w));
    w->prim = NULL;
}

/* Stepped again while pending: by a second awaiter, which would take the task slot from the
 * first one and leave it blocked for ever, or by hand (send), which in CPython resumes the
 * inner Future's __await__ before it is done. Either way the wait is over. */
Value waiter_block(VM *vm, Waiter *w) {
    if (w->task) return vm_raise(vm, vm->e_RuntimeError, "coroutine is being awaited already");
    waiter_leave(w);
    return vm_raise(vm, vm->e_RuntimeError, "await wasn't used with future");
}

/* The task picks up the record it was yielded (the task's fut_waiter is now w). */
void waiter_attach(VM *vm, Waiter *w, Task *t) {
    w->blocking = 0;
    t->waiter = v_from_obj(w);
    if (w->state == WS_PENDING) w->task = v_from_obj(t);
    else task_wake(vm, t, v_from_obj(w));
}

/* End the wait in `state`; the task blocked on it runs its next step. */
static void settle(VM *vm, Waiter *w, uint8_t state, Value keep) {
    Value t = w->task;
    w->state = state;
    w->task = keep;
    if (t && ((Task *)t)->waiter == v_from_obj(w)) task_wake(vm, (Task *)t, v_from_obj(w));
}

int waiter_wake(VM *vm, Waiter *w) {
    if (w->state == WS_PENDING) settle(vm, w, WS_DONE, VNULL);
    return 0;
}

bool waiter_cancel(VM *vm, Waiter *w, Value msg) {
    if (w->state != WS_PENDING) return false;
    settle(vm, w, WS_CANCELLED, msg == vm->none ? VNULL : msg);
    return true;
}

Value waiter_cancelled_error(VM *vm, Waiter *w) {
    Value msg = w->state == WS_CANCELLED ? w->task : VNULL;
    return msg ? exc_new(vm, vm->e_CancelledError, &msg, 1) : exc_new(vm, vm->e_CancelledError, NULL, 0);
}

/* CPython's task waits on the Future inside the coroutine: show the record as that Future. */
Value waiter_future_repr(VM *vm, Waiter *w) {
    if (w->state == WS_DONE) return str_from_cstr(vm, "<Future finished result=True>");
    if (w->state == WS_CANCELLED) return str_from_cstr(vm, "<Future cancelled>");
    return w->task ? str_printf(vm, "<Future pending cb=[%s.task_wakeup()]>", type_name(vm, w->task))
                   : str_from_cstr(vm, "<Future pending>");
}


/* ---- async with ---- */

static bool overridden(VM *vm, Value self, Type *base, const char *name) {
    Value mine = type_lookup(vm, type_of(vm, self), str_intern_cstr(vm, name));
    Value theirs = dict_get_cstr(vm, base->dict, name);
    if (!theirs) vm_clear_exc(vm);
    return mine != theirs;
}

/* The methods every primitive (Event, Lock, Semaphore) has alike: they see only its Prim. */
Value prim_new_m(VM *vm, Value *a, int n, Value k) {
    Type *cls = (Type *)a[0];
    return v_from_obj(gc_alloc(vm, cls, cls->size));
}
Value prim_nwaiters_m(VM *vm, Value *a, int n, Value k) { return v_from_int(((Prim *)a[0])->waiters.n); }
Value prim_loop_get(VM *vm, Value *a, int n, Value k) {
    Prim *p = (Prim *)a[0];
    return p->loop ? p->loop : vm->none;
}

Value prim_aenter(VM *vm, Value self, Type *base, Type *wtype) {
    if (overridden(vm, self, base, "acquire")) return vm_call_method(vm, self, str_intern_cstr(vm, "acquire"), NULL, 0);
    return waiter_new(vm, wtype, (Prim *)self, WOP_AENTER);
}

/* CPython releases when the __aexit__ coroutine runs; `async with` awaits it at once, so the
 * release happens here and the awaitable only returns None. */
Value prim_aexit(VM *vm, Value self, Type *base, Type *wtype, int (*release_fn)(VM *vm, Prim *p)) {
    if (overridden(vm, self, base, "release")) {
        if (!vm_call_method(vm, self, str_intern_cstr(vm, "release"), NULL, 0)) return VNULL;
    } else if (release_fn(vm, (Prim *)self) < 0) {
        return VNULL;
    }
    return waiter_new(vm, wtype, (Prim *)self, WOP_DONE);
}

/* ---- the coroutine face ---- */

static const char *qualname_of(VM *vm, Value w) {
    Value q = dict_get_cstr(vm, type_of(vm, w)->dict, "_qualname");
    if (!q) { vm_clear_exc(vm); return "?"; }
    return str_cstr(q);
}

static const char *waiter_take_unawaited(VM *vm, Obj *o) {
    Waiter *w = (Waiter *)o;
    if (w->joined || !w->prim) return NULL;   /* started, or finished without blocking */
    w->prim = NULL;
    return qualname_of(vm, v_from_obj(o));
}

static Value self_m(VM *vm, Value *a, int n, Value k) { return a[0]; }
static Value repr_m(VM *vm, Value *a, int n, Value k) {
    return str_printf(vm, "<coroutine object %s at %p>", qualname_of(vm, a[0]), (void *)a[0]);
}
static Value qualname_get(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, qualname_of(vm, a[0])); }
static Value name_get(VM *vm, Value *a, int n, Value k) {
    const char *q = qualname_of(vm, a[0]);
    const char *dot = strrchr(q, '.');
    return str_from_cstr(vm, dot ? dot + 1 : q);
}
static Value next_m(VM *vm, Value *a, int n, Value k) {
    bool done;
    Value r = type_of(vm, a[0])->am_send(vm, a[0], vm->none, &done);
    return r && done ? future_stop_iteration(vm, r) : r;
}
static Value send_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "send", n - 1, k, 1, 1) < 0) return VNULL;
    return next_m(vm, a, 1, VNULL);
}

Type *waiter_type(VM *vm, const char *qualname, AmSendFn step, NativeFn throw_fn, NativeFn close_fn) {
    Type *t = type_new_builtin(vm, "coroutine", vm->t_object, sizeof(Waiter), 0);
    t->trace = waiter_trace;
    t->on_collect = vm_warn_unawaited_on_collect;
    t->take_unawaited = waiter_take_unawaited;
    t->am_send = step;
    type_set_attr(vm, t, "_qualname", str_from_cstr(vm, qualname));
    type_add_method(vm, t, "__await__", self_m);
    type_add_method(vm, t, "__iter__", self_m);
    type_add_method(vm, t, "__next__", next_m);
    type_add_method(vm, t, "send", send_m);
    type_add_method(vm, t, "throw", throw_fn);
    type_add_method(vm, t, "close", close_fn);
    type_add_method(vm, t, "__repr__", repr_m);
    type_add_property(vm, t, "__name__", name_get, NULL);
    type_add_property(vm, t, "__qualname__", qualname_get, NULL);
    return t;
}
