/* sleep.c — asyncio.sleep(delay, result=None) without a coroutine frame.
 *
 * sleep(0) returns one shared awaitable: its first __next__ yields None (the task reschedules
 * itself: a bare yield), the second returns; the "already yielded" bit lives in the current
 * Task, so a switch allocates nothing. sleep(d > 0) returns a small Future-like object that
 * arms its timer when first awaited (an un-awaited sleep never fires, as in CPython) and that
 * the timer heap completes directly: no TimerHandle, no callback. Both present themselves as
 * coroutines (type name 'coroutine', send/throw/close/__await__). */
#include "stdlib/asyncio/asyncio.h"
#include "vm/clock.h"

static void sleep_trace(GC *gc, Obj *o) {
    future_trace(gc, o);   /* a Sleep starts with its Future */
    gc_mark(gc, ((Sleep *)o)->value);
}

static const char *sleep_take_unawaited(VM *vm, Obj *o) {
    Sleep *s = (Sleep *)o;
    if (s->fut.aux) return NULL;
    s->fut.aux = 1;
    return "sleep";
}

void sleep_fire(VM *vm, Sleep *s) {
    if (s->fut.state == FUT_PENDING && future_set_result(vm, &s->fut, s->value) < 0) vm_clear_exc(vm);
}

static Value sleep0_new(VM *vm);

Value asyncio_sleep(VM *vm, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = { "delay", "result", NULL };
    Value out[2] = { VNULL, VNULL };
    if (nargs == 1 && !kwnames) out[0] = args[0];   /* the common call: no parsing */
    else if (vm_parse_args(vm, "sleep", args, nargs, kwnames, names, 1, 0, out) < 0) return VNULL;
    if (out[0] == v_from_int(0) && !out[1]) return sleep0_new(vm);
    double d;
    if (v_is_int(out[0])) d = (double)v_int(out[0]);
    else if (vm_to_double(vm, out[0], &d) < 0) {
        vm_clear_exc(vm);
        return vm_raise(vm, vm->e_TypeError, "'<=' not supported between instances of '%s' and 'int'", type_name(vm, out[0]));
    }
    Value result = out[1] ? out[1] : vm->none;
    AState *st = astate(vm);
    if (d <= 0 && result == vm->none) return sleep0_new(vm);
    Sleep *s = gc_alloc(vm, st->t_sleep, sizeof(Sleep));
    if (!s) return VNULL;
    s->fut.kind = FK_SLEEP;
    s->fut.result = vm->none;
    s->value = result;
    s->delay_ns = d <= 0 ? 0 : d > 9.2e9 ? INT64_MAX / 4 : (int64_t)(d * 1e9 + 0.5);
    return v_from_obj(s);
}

/* ---- sleep(d) ---- */

/* One await step: *done tells the result (the sleep's value) from the object to yield. */
static Value sleep_step(VM *vm, Value self, bool *done) {
    Sleep *s = (Sleep *)self;
    *done = false;
    if (!s->fut.aux) {
        Loop *l = running_loop(vm);
        if (!l) return vm_raise(vm, vm->e_RuntimeError, "no running event loop");
        s->fut.aux = 1;
        if (s->delay_ns == 0) return vm->none;       /* sleep(0, result): one bare yield */
        s->fut.loop = v_from_obj(l);
        if (loop_add_timer(vm, l, clock_now_ns(vm) + s->delay_ns, (Obj *)s) < 0) return VNULL;
        s->fut.blocking = 1;
        return self;
    }
    if (s->delay_ns == 0 || s->fut.state == FUT_FINISHED) {
        s->fut.state = FUT_FINISHED;
        *done = true;
        return s->value;
    }
    if (s->fut.state == FUT_CANCELLED) return future_result(vm, &s->fut);
    s->fut.blocking = 1;
    return self;
}

static Value sleep_am_send(VM *vm, Value self, Value sent, bool *done) { return sleep_step(vm, self, done); }

static Value sleep_next(VM *vm, Value self) {
    bool done;
    Value r = sleep_step(vm, self, &done);
    return r && done ? future_stop_iteration(vm, r) : r;
}

static Value sleep_next_m(VM *vm, Value *a, int n, Value k) { return sleep_next(vm, a[0]); }
static Value sleep_send_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "send", n - 1, k, 1, 1) < 0) return VNULL;
    return sleep_next(vm, a[0]);
}
static Value self_m(VM *vm, Value *a, int n, Value k) { return a[0]; }

static Value throw_exc(VM *vm, Value *a, int n) {
    Value e = vm_throw_arg(vm, a, n);
    return e ? vm_raise_value(vm, e) : VNULL;
}

static Value sleep_throw_m(VM *vm, Value *a, int n, Value k) {
    Sleep *s = (Sleep *)a[0];
    s->fut.aux = 1;
    if (s->fut.state == FUT_PENDING) s->fut.state = FUT_CANCELLED;   /* the timer entry goes stale */
    return throw_exc(vm, a, n);
}
static Value sleep_close_m(VM *vm, Value *a, int n, Value k) {
    Sleep *s = (Sleep *)a[0];
    s->fut.aux = 1;
    if (s->fut.state == FUT_PENDING) s->fut.state = FUT_CANCELLED;
    return vm->none;
}
static Value coro_repr_m(VM *vm, Value *a, int n, Value k) {
    return str_printf(vm, "<coroutine object sleep at %p>", (void *)a[0]);
}
static Value name_get(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, "sleep"); }

/* ---- sleep(0) ---- */

/* Each sleep(0) is its own 32-byte object whose state (the header's aux: 0 fresh, 1 yielded
 * once, 2 finished) is its own: two of them driven by hand in one task must not share it. */
enum { S0_FRESH, S0_YIELDED, S0_DONE };

static Value sleep0_am_send(VM *vm, Value self, Value sent, bool *done) {
    Obj *o = (Obj *)self;
    *done = false;
    if (o->aux == S0_DONE) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
    if (o->aux == S0_FRESH && sent != vm->none)   /* it stays unstarted, as CPython's coroutine */
        return vm_raise(vm, vm->e_TypeError, "can't send non-None value to a just-started coroutine");
    *done = o->aux == S0_YIELDED;
    o->aux = *done ? S0_DONE : S0_YIELDED;
    return vm->none;
}
static Value sleep0_next_m(VM *vm, Value *a, int n, Value k) {
    bool done;
    Value r = sleep0_am_send(vm, a[0], vm->none, &done);
    if (!r) return VNULL;
    return done ? future_stop_iteration(vm, vm->none) : vm->none;
}
static Value sleep0_send_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "send", n - 1, k, 1, 1) < 0) return VNULL;
    bool done;
    Value r = sleep0_am_send(vm, a[0], a[1], &done);
    if (!r) return VNULL;
    return done ? future_stop_iteration(vm, vm->none) : vm->none;
}
static Value sleep0_throw_m(VM *vm, Value *a, int n, Value k) {
    ((Obj *)a[0])->aux = S0_DONE;
    return throw_exc(vm, a, n);
}
static Value sleep0_close_m(VM *vm, Value *a, int n, Value k) { ((Obj *)a[0])->aux = S0_DONE; return vm->none; }

static const char *sleep0_take_unawaited(VM *vm, Obj *o) {
    if (o->aux != S0_FRESH) return NULL;
    o->aux = S0_DONE;
    return "sleep";
}

static Value sleep0_new(VM *vm) {
    Obj *o = gc_alloc(vm, astate(vm)->t_sleep0, sizeof(Obj) + 8);
    return o ? v_from_obj(o) : VNULL;
}

static Type *coro_like_type(VM *vm, size_t size, NativeFn next, NativeFn send, NativeFn thr, NativeFn close) {
    Type *t = type_new_builtin(vm, "coroutine", vm->t_object, size, 0);
    type_add_method(vm, t, "__await__", self_m);
    type_add_method(vm, t, "__iter__", self_m);
    type_add_method(vm, t, "__next__", next);
    type_add_method(vm, t, "send", send);
    type_add_method(vm, t, "throw", thr);
    type_add_method(vm, t, "close", close);
    type_add_method(vm, t, "__repr__", coro_repr_m);
    type_add_property(vm, t, "__name__", name_get, NULL);
    type_add_property(vm, t, "__qualname__", name_get, NULL);
    return t;
}

void sleep_types_init(VM *vm, AState *st) {
    st->t_sleep = coro_like_type(vm, sizeof(Sleep), sleep_next_m, sleep_send_m, sleep_throw_m, sleep_close_m);
    st->t_sleep->trace = sleep_trace;
    st->t_sleep->on_collect = vm_warn_unawaited_on_collect;
    st->t_sleep->take_unawaited = sleep_take_unawaited;
    st->t_sleep->am_send = sleep_am_send;   /* SEND skips __next__ and the StopIteration */
    st->t_sleep0 = coro_like_type(vm, sizeof(Obj) + 8, sleep0_next_m, sleep0_send_m, sleep0_throw_m, sleep0_close_m);
    st->t_sleep0->am_send = sleep0_am_send;
    st->t_sleep0->on_collect = vm_warn_unawaited_on_collect;
    st->t_sleep0->take_unawaited = sleep0_take_unawaited;
}
