/* semaphore.c — the C base of asyncio.Semaphore (`_asyncio.Semaphore`), CPython 3.11's
 * semantics: release() reserves a permit for the first waiter still waiting (decrementing the
 * counter for it) and resolves it; a waiter that is cancelled after that gives the permit
 * back and passes it on, so no permit is lost. acquire() and `async with` return one waiter
 * record (waiter.c). BoundedSemaphore is the .as subclass that checks release(). */
#include "stdlib/asyncio/asyncio.h"

typedef struct CSem {
    Prim p;
    int64_t value;
} CSem;

/* _wake_up_next(): reserve a permit for the first waiter that is not done. */
static int wake_up_next(VM *vm, CSem *s) {
    for (int64_t i = 0; i < s->p.waiters.n; i++) {
        Waiter *f = (Waiter *)ring_at(&s->p.waiters, i);
        if (f->state == WS_PENDING) {
            s->value--;
            return waiter_wake(vm, f);
        }
    }
    return 0;
}

static int sem_release(VM *vm, Prim *p) {
    CSem *s = (CSem *)p;
    s->value++;
    return wake_up_next(vm, s);
}

static bool sem_locked(CSem *s) {
    if (s->value == 0) return true;
    for (int64_t i = 0; i < s->p.waiters.n; i++)
        if (((Waiter *)ring_at(&s->p.waiters, i))->state != WS_CANCELLED) return true;
    return false;
}

/* The wait ended with a CancelledError: a permit reserved for it goes to the next waiter. */
static int give_back(VM *vm, CSem *s, Waiter *w) {
    if (w->state == WS_CANCELLED) return 0;
    s->value++;
    return wake_up_next(vm, s);
}

static Value acquired(VM *vm, Waiter *w, bool *done) {
    *done = true;
    return w->op == WOP_AENTER ? vm->none : vm->true_;
}

/* One await step of acquire() or __aenter__ (or a finished __aexit__). */
static Value sw_step(VM *vm, Value self, Value sent, bool *done) {
    Waiter *w = (Waiter *)self;
    CSem *s = (CSem *)w->prim;
    *done = false;
    if (!s) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
    if (w->op == WOP_DONE) { w->prim = NULL; *done = true; return vm->none; }
    if (!w->joined) {
        if (sem_locked(s)) return waiter_enqueue(vm, w);
        w->prim = NULL;
        s->value--;
        return acquired(vm, w, done);
    }
    if (w->state == WS_PENDING) return waiter_block(vm, w);
    waiter_leave(w);
    if (w->state == WS_CANCELLED) { Value x = waiter_cancelled_error(vm, w); return x ? vm_raise_value(vm, x) : VNULL; }
    if (s->value > 0 && wake_up_next(vm, s) < 0) return VNULL;
    return acquired(vm, w, done);
}

static Value sw_throw_m(VM *vm, Value *a, int n, Value k) {
    Value e = vm_throw_arg(vm, a, n);
    if (!e) return VNULL;
    Waiter *w = (Waiter *)a[0];
    CSem *s = (CSem *)w->prim;
    bool waiting = s && w->joined;
    waiter_leave(w);
    if (waiting && isinst(vm, e, vm->e_CancelledError) && give_back(vm, s, w) < 0) return VNULL;
    return vm_raise_value(vm, e);
}
static Value sw_close_m(VM *vm, Value *a, int n, Value k) { waiter_leave((Waiter *)a[0]); return vm->none; }

/* ---- Semaphore ---- */

#define SELF ((CSem *)a[0])

static Value sem_new_m(VM *vm, Value *a, int n, Value k) {
    Type *cls = (Type *)a[0];
    CSem *s = gc_alloc(vm, cls, cls->size);
    if (s) s->value = 1;
    return v_from_obj(s);
}
static Value sem_init_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "value", NULL };
    Value v = VNULL;
    if (vm_parse_args(vm, "Semaphore", a + 1, n - 1, k, names, 0, 0, &v) < 0) return VNULL;
    int64_t value = 1;
    /* the counter is an int here; CPython's first use of the value is `value < 0` */
    if (v && vm_index(vm, v, &value) < 0) {
        vm_clear_exc(vm);
        return vm_raise(vm, vm->e_TypeError, "'<' not supported between instances of '%s' and 'int'", type_name(vm, v));
    }
    if (value < 0) return vm_raise(vm, vm->e_ValueError, "Semaphore initial value must be >= 0");
    SELF->value = value;
    return vm->none;
}
static Value sem_locked_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, sem_locked(SELF)); }
static Value sem_release_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "release", n - 1, k, 0, 0) < 0) return VNULL;
    return sem_release(vm, &SELF->p) < 0 ? VNULL : vm->none;
}
static Value sem_acquire_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "acquire", n - 1, k, 0, 0) < 0) return VNULL;
    return waiter_new(vm, astate(vm)->t_semwait, &SELF->p, WOP_ACQUIRE);
}
static Value sem_aenter_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "__aenter__", n - 1, k, 0, 0) < 0) return VNULL;
    return prim_aenter(vm, a[0], astate(vm)->t_semaphore, astate(vm)->t_semwait);
}
static Value sem_aexit_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "__aexit__", n - 1, k, 3, 3) < 0) return VNULL;
    return prim_aexit(vm, a[0], astate(vm)->t_semaphore, astate(vm)->t_semwait, sem_release);
}
static Value sem_value_get(VM *vm, Value *a, int n, Value k) { return v_from_int(SELF->value); }

void semaphore_types_init(VM *vm, AState *st, Value module) {
    st->t_semwait = waiter_type(vm, "Semaphore.acquire", sw_step, sw_throw_m, sw_close_m);
    Type *t = type_new_builtin(vm, "Semaphore", vm->t_object, sizeof(CSem), TF_BASETYPE);
    t->trace = prim_trace;
    t->finalize = prim_finalize;
    type_add_static(vm, t, "__new__", sem_new_m);
    type_add_method(vm, t, "__init__", sem_init_m);
    type_add_method(vm, t, "locked", sem_locked_m);
    type_add_method(vm, t, "acquire", sem_acquire_m);
    native_set_new_awaitable(vm, t->dict, "acquire");
    type_add_method(vm, t, "release", sem_release_m);
    type_add_method(vm, t, "__aenter__", sem_aenter_m);
    type_add_method(vm, t, "__aexit__", sem_aexit_m);
    type_add_method(vm, t, "_nwaiters", prim_nwaiters_m);
    type_add_property(vm, t, "_value", sem_value_get, NULL);
    type_add_property(vm, t, "_loop", prim_loop_get, NULL);
    st->t_semaphore = t;
    module_add(vm, module, "Semaphore", v_from_obj(t));
}
