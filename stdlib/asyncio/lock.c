/* lock.c — the C base of asyncio.Lock (`_asyncio.Lock`), CPython 3.11's semantics: FIFO-fair
 * acquire() whose awaitable is its own waiter record (waiter.c), release() that resolves the
 * first waiter (which takes the lock when its task resumes), and a woken waiter that is
 * cancelled passes the wake-up on, so the lock is never lost. `async with` uses the same
 * record (waiter.c's prim_aenter/prim_aexit). */
#include "stdlib/asyncio/asyncio.h"

typedef struct CLock {
    Prim p;
    uint8_t locked;
} CLock;


/* _wake_up_first(): a done first waiter will run later and take the lock or pass it on. */
static int wake_up_first(VM *vm, CLock *l) {
    if (!l->p.waiters.n) return 0;
    Waiter *f = (Waiter *)ring_at(&l->p.waiters, 0);
    return f->state == WS_PENDING ? waiter_wake(vm, f) : 0;
}

static int lock_release(VM *vm, Prim *p) {
    CLock *l = (CLock *)p;
    if (!l->locked) { vm_raise(vm, vm->e_RuntimeError, "Lock is not acquired."); return -1; }
    l->locked = 0;
    return wake_up_first(vm, l);
}

static bool all_waiters_cancelled(CLock *l) {
    for (int64_t i = 0; i < l->p.waiters.n; i++)
        if (((Waiter *)ring_at(&l->p.waiters, i))->state != WS_CANCELLED) return false;
    return true;
}

static Value acquired(VM *vm, Waiter *w, bool *done) {
    *done = true;
    return w->op == WOP_AENTER ? vm->none : vm->true_;
}

/* One await step of acquire() or __aenter__ (or a finished __aexit__). */
static Value lw_step(VM *vm, Value self, Value sent, bool *done) {
    Waiter *w = (Waiter *)self;
    CLock *l = (CLock *)w->prim;
    *done = false;
    if (!l) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
    if (w->op == WOP_DONE) { w->prim = NULL; *done = true; return vm->none; }
    if (!w->joined) {
        if (l->locked || !all_waiters_cancelled(l)) return waiter_enqueue(vm, w);
        w->prim = NULL;
        l->locked = 1;
        return acquired(vm, w, done);
    }
    if (w->state == WS_PENDING) return waiter_block(vm, w);
    waiter_leave(w);
    if (w->state == WS_CANCELLED) {
        if (!l->locked && wake_up_first(vm, l) < 0) return VNULL;
        { Value x = waiter_cancelled_error(vm, w); return x ? vm_raise_value(vm, x) : VNULL; }
    }
    l->locked = 1;
    return acquired(vm, w, done);
}

/* An exception thrown in at the await: a CancelledError passes a wake-up on. */
static Value lw_throw_m(VM *vm, Value *a, int n, Value k) {
    Value e = vm_throw_arg(vm, a, n);
    if (!e) return VNULL;
    Waiter *w = (Waiter *)a[0];
    CLock *l = (CLock *)w->prim;
    bool waiting = l && w->joined;
    waiter_leave(w);
    if (waiting && !l->locked && isinst(vm, e, vm->e_CancelledError) && wake_up_first(vm, l) < 0) return VNULL;
    return vm_raise_value(vm, e);
}
static Value lw_close_m(VM *vm, Value *a, int n, Value k) { waiter_leave((Waiter *)a[0]); return vm->none; }

/* ---- Lock ---- */

#define SELF ((CLock *)a[0])

static Value lock_init_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "Lock", n - 1, k, 0, 0) < 0) return VNULL;
    return vm->none;
}
static Value lock_locked_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->locked); }
static Value lock_release_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "release", n - 1, k, 0, 0) < 0) return VNULL;
    return lock_release(vm, &SELF->p) < 0 ? VNULL : vm->none;
}
static Value lock_acquire_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "acquire", n - 1, k, 0, 0) < 0) return VNULL;
    return waiter_new(vm, astate(vm)->t_lockwait, &SELF->p, WOP_ACQUIRE);
}
static Value lock_aenter_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "__aenter__", n - 1, k, 0, 0) < 0) return VNULL;
    return prim_aenter(vm, a[0], astate(vm)->t_lock, astate(vm)->t_lockwait);
}
static Value lock_aexit_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "__aexit__", n - 1, k, 3, 3) < 0) return VNULL;
    return prim_aexit(vm, a[0], astate(vm)->t_lock, astate(vm)->t_lockwait, lock_release);
}
static Value lock_locked_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->locked); }

void lock_types_init(VM *vm, AState *st, Value module) {
    st->t_lockwait = waiter_type(vm, "Lock.acquire", lw_step, lw_throw_m, lw_close_m);
    Type *t = type_new_builtin(vm, "Lock", vm->t_object, sizeof(CLock), TF_BASETYPE);
    t->trace = prim_trace;
    t->finalize = prim_finalize;
    type_add_static(vm, t, "__new__", prim_new_m);
    type_add_method(vm, t, "__init__", lock_init_m);
    type_add_method(vm, t, "locked", lock_locked_m);
    type_add_method(vm, t, "acquire", lock_acquire_m);
    native_set_new_awaitable(vm, t->dict, "acquire");
    type_add_method(vm, t, "release", lock_release_m);
    type_add_method(vm, t, "__aenter__", lock_aenter_m);
    type_add_method(vm, t, "__aexit__", lock_aexit_m);
    type_add_method(vm, t, "_nwaiters", prim_nwaiters_m);
    type_add_property(vm, t, "_locked", lock_locked_get, NULL);
    type_add_property(vm, t, "_loop", prim_loop_get, NULL);
    st->t_lock = t;
    module_add(vm, module, "Lock", v_from_obj(t));
}
