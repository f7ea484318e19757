/* event.c — the C base of asyncio.Event (`_asyncio.Event`): the flag, the FIFO of waiters and
 * wait(), whose awaitable is its own waiter record (waiter.c). set() resolves every pending
 * waiter; a waiter leaves the FIFO when its task resumes, is cancelled or has an exception
 * thrown in, as CPython's `finally` would. The repr comes from the .as class on top. */
#include "stdlib/asyncio/asyncio.h"

typedef struct CEvent {
    Prim p;
    uint8_t value;
} CEvent;

/* One await step of wait(); *done tells the result (True) from the record to block on. */
static Value ew_step(VM *vm, Value self, Value sent, bool *done) {
    Waiter *w = (Waiter *)self;
    CEvent *e = (CEvent *)w->prim;
    *done = false;
    if (!e) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
    if (!w->joined) {
        if (!e->value) return waiter_enqueue(vm, w);
        w->prim = NULL;
        *done = true;
        return vm->true_;
    }
    if (w->state == WS_PENDING) return waiter_block(vm, w);
    waiter_leave(w);
    if (w->state == WS_CANCELLED) { Value x = waiter_cancelled_error(vm, w); return x ? vm_raise_value(vm, x) : VNULL; }
    *done = true;
    return vm->true_;
}

static Value ew_throw_m(VM *vm, Value *a, int n, Value k) {
    Value e = vm_throw_arg(vm, a, n);
    if (!e) return VNULL;
    waiter_leave((Waiter *)a[0]);
    return vm_raise_value(vm, e);
}
static Value ew_close_m(VM *vm, Value *a, int n, Value k) { waiter_leave((Waiter *)a[0]); return vm->none; }

/* ---- Event ---- */

#define SELF ((CEvent *)a[0])

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
    for (int64_t i = 0; i < e->p.waiters.n; i++) {
        Waiter *w = (Waiter *)ring_at(&e->p.waiters, i);
        if (w->state == WS_PENDING && waiter_wake(vm, w) < 0) return VNULL;
    }
    return vm->none;
}

static Value ev_wait_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "wait", n - 1, k, 0, 0) < 0) return VNULL;
    return waiter_new(vm, astate(vm)->t_waiter, &SELF->p, 0);
}

static Value ev_value_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->value); }

void event_types_init(VM *vm, AState *st, Value module) {
    st->t_waiter = waiter_type(vm, "Event.wait", ew_step, ew_throw_m, ew_close_m);
    Type *t = type_new_builtin(vm, "Event", vm->t_object, sizeof(CEvent), TF_BASETYPE);
    t->trace = prim_trace;
    t->finalize = prim_finalize;
    type_add_static(vm, t, "__new__", prim_new_m);
    type_add_method(vm, t, "__init__", ev_init_m);
    type_add_method(vm, t, "is_set", ev_is_set_m);
    type_add_method(vm, t, "set", ev_set_m);
    type_add_method(vm, t, "clear", ev_clear_m);
    type_add_method(vm, t, "wait", ev_wait_m);
    native_set_new_awaitable(vm, t->dict, "wait");
    type_add_method(vm, t, "_nwaiters", prim_nwaiters_m);
    type_add_property(vm, t, "_value", ev_value_get, NULL);
    type_add_property(vm, t, "_loop", prim_loop_get, NULL);
    module_add(vm, module, "Event", v_from_obj(t));
}
