/* future.c — asyncio.Future: state, result/exception, done callbacks, and its await protocol.
 *
 * A Future is its own await iterator (__await__ returns self, __next__ yields self while
 * pending and returns the result when done), which saves CPython's FutureIter allocation on
 * every await. Done callbacks are scheduled through the loop's ready queue; a Task waiting on
 * the future is stored as the callback itself and woken by an intrusive queue push. */
#include "stdlib/asyncio/asyncio.h"
#include "vm/interp.h"

static const char *const state_names[] = { "pending", "cancelled", "finished" };

bool is_future(VM *vm, Value v) {
    AState *st = astate(vm);
    return st && v_is_obj(v) && isinst(vm, v, st->t_future);
}

static Future *as_fut(Value v) { return (Future *)v; }

void future_trace(GC *gc, Obj *o) {
    Future *f = (Future *)o;
    gc_mark_obj(gc, f->q.qnext);
    gc_mark(gc, f->loop);
    gc_mark(gc, f->result);
    gc_mark(gc, f->callbacks);
    gc_mark_obj(gc, f->extra);
}

static void extra_trace(GC *gc, Obj *o) {
    FutExtra *x = (FutExtra *)o;
    gc_mark(gc, x->cancel_msg);
    gc_mark(gc, x->cancelled_exc);
    gc_mark(gc, x->name);
    gc_mark(gc, x->step_exc);
}

FutExtra *fut_extra(VM *vm, Future *f) {
    if (!f->extra) f->extra = gc_alloc(vm, astate(vm)->t_futextra, sizeof(FutExtra));
    return f->extra;
}

/* Remember cancel(msg)'s message; None needs no record. */
void future_set_cancel_msg(VM *vm, Future *f, Value msg) {
    if (!msg || msg == vm->none) { if (f->extra) f->extra->cancel_msg = VNULL; return; }
    if (fut_extra(vm, f)) f->extra->cancel_msg = msg;
    else vm_clear_exc(vm);   /* out of memory: the CancelledError goes without its message */
}

/* "Future exception was never retrieved", at collection as CPython's __del__ reports it. */
void future_on_collect(VM *vm, Obj *o) {
    Future *f = (Future *)o;
    if (!f->log_tb || !f->has_exc || !f->loop) return;
    loop_report(vm, (Loop *)f->loop, f->kind == FK_TASK ? "Task exception was never retrieved"
                                                      : "Future exception was never retrieved",
                f->result, "future", v_from_obj(o));
}

Value future_new(VM *vm, Value loop) {
    Future *f = gc_alloc(vm, astate(vm)->t_future, sizeof(Future));
    if (!f) return VNULL;
    f->loop = loop;
    f->result = vm->none;
    return v_from_obj(f);
}

/* Move the callbacks to the ready queue, in registration order. */
static void schedule_callbacks(VM *vm, Future *f) {
    Value cbs = f->callbacks;
    bool multi = f->multi;
    f->callbacks = VNULL;
    f->multi = 0;
    if (!cbs || !f->loop) return;
    Loop *l = (Loop *)f->loop;
    Value self = v_from_obj(f);
    int64_t n = multi ? as_list(cbs)->n : 1;
    for (int64_t i = 0; i < n; i++) {
        Value cb = multi ? as_list(cbs)->items[i] : cbs;
        if (is_future(vm, cb) && ((Future *)cb)->kind == FK_TASK && ((Task *)cb)->waiter == self) {   /* Task subclasses too */
            task_wake(vm, (Task *)cb, self);
            continue;
        }
        if (v_is_obj(cb) && ((Obj *)cb)->type == astate(vm)->t_gather) { gather_schedule(vm, l, cb, self); continue; }
        Value args = tuple_pack(vm, 1, self);
        if (!args || !loop_call_soon(vm, l, cb, args)) vm_clear_exc(vm);
    }
}

int future_set_result(VM *vm, Future *f, Value v) {
    if (f->state != FUT_PENDING) { vm_raise(vm, vm->e_InvalidStateError, "invalid state"); return -1; }
    f->result = v;
    f->state = FUT_FINISHED;
    schedule_callbacks(vm, f);
    return 0;
}

int future_set_exception(VM *vm, Future *f, Value exc) {
    if (f->state != FUT_PENDING) { vm_raise(vm, vm->e_InvalidStateError, "invalid state"); return -1; }
    if (isinst(vm, exc, vm->t_type)) {
        exc = vm_call0(vm, exc);
        if (!exc) return -1;
    }
    if (!isinst(vm, exc, vm->e_BaseException)) {
        vm_raise(vm, vm->e_TypeError, "invalid exception object");
        return -1;
    }
    if (isinst(vm, exc, vm->e_StopIteration)) {
        vm_raise(vm, vm->e_TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
        return -1;
    }
    f->result = exc;
    f->has_exc = 1;
    f->state = FUT_FINISHED;
    f->log_tb = 1;
    schedule_callbacks(vm, f);
    return 0;
}

bool future_cancel(VM *vm, Future *f, Value msg) {
    f->log_tb = 0;
    if (f->state != FUT_PENDING) return false;
    f->state = FUT_CANCELLED;
    future_set_cancel_msg(vm, f, msg);
    schedule_callbacks(vm, f);
    return true;
}

/* CPython's _make_cancelled_error: the coroutine's own CancelledError once, then new ones. */
Value future_make_cancelled_error(VM *vm, Future *f) {
    if (f->extra && f->extra->cancelled_exc) {
        Value e = f->extra->cancelled_exc;
        f->extra->cancelled_exc = VNULL;
        return e;
    }
    Value msg = fut_cancel_msg(f);
    if (!msg || msg == vm->none) return exc_new(vm, vm->e_CancelledError, NULL, 0);
    return exc_new(vm, vm->e_CancelledError, &msg, 1);
}

Value future_result(VM *vm, Future *f) {
    if (f->state == FUT_CANCELLED) {
        Value e = future_make_cancelled_error(vm, f);
        return e ? vm_raise_value(vm, e) : VNULL;
    }
    if (f->state != FUT_FINISHED) return vm_raise(vm, vm->e_InvalidStateError, "Result is not set.");
    f->log_tb = 0;
    if (f->has_exc) return vm_raise_value(vm, f->result);
    return f->result;
}

int future_add_callback(VM *vm, Future *f, Value cb) {
    if (!f->callbacks) { f->callbacks = cb; return 0; }
    if (!f->multi) {
        Value l = list_new(vm, 4);
        if (!l || list_append(vm, l, f->callbacks) < 0) return -1;
        f->callbacks = l;
        f->multi = 1;
    }
    return list_append(vm, f->callbacks, cb);
}

/* A StopIteration carrying `result`; returns of None reuse one instance (sleep(0), Event). */
Value future_stop_iteration(VM *vm, Value result) {
    AState *st = astate(vm);
    if (result == vm->none && st->stopiter) {
        ExcObj *e = (ExcObj *)st->stopiter;
        e->traceback = e->context = e->cause = VNULL;
        return vm_raise_value(vm, st->stopiter);
    }
    Value e = exc_new(vm, vm->e_StopIteration, &result, 1);
    return e ? vm_raise_value(vm, e) : VNULL;
}

/* ---- repr ---- */

/* reprlib.repr() for a result: long strings and ints are abbreviated as CPython does. */
static Value short_repr(VM *vm, Value v) {
    Value r = vm_repr(vm, v);
    if (!r) return VNULL;
    Str *s = as_str(r);
    int64_t maxlen = isinst(vm, v, vm->t_str) ? 30 : isinst(vm, v, vm->t_int) ? 40 : -1;
    if (maxlen < 0 || s->cplen <= maxlen || s->len != s->cplen) return r;
    int64_t i = (maxlen - 3) / 2, j = maxlen - 3 - i;
    return str_printf(vm, "%.*s...%s", (int)i, s->data, s->data + s->len - j);
}

static Value callbacks_info(VM *vm, Future *f) {
    int64_t n = f->multi ? as_list(f->callbacks)->n : 1;
    Value *items = f->multi ? as_list(f->callbacks)->items : &f->callbacks;
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "cb=[");
    for (int64_t i = 0; i < n; i++) {
        if (n > 2 && i == 1) { sb_printf(&sb, "<%lld more>, ", (long long)(n - 2)); i = n - 2; continue; }
        Value cb = items[i];
        Value r;
        if (is_future(vm, cb) && ((Future *)cb)->kind == FK_TASK) r = str_printf(vm, "%s.task_wakeup()", type_name(vm, cb));
        else if (v_is_obj(cb) && ((Obj *)cb)->type == astate(vm)->t_gather)
            r = str_from_cstr(vm, "gather.<locals>._done_callback() at asyncio/tasks.py:754");
        else r = callback_repr(vm, cb, vm->empty_tuple);
        if (!r) { sb_free(&sb); return VNULL; }
        sb_printf(&sb, "%s%s", str_cstr(r), i + 1 < n ? ", " : "");
    }
    sb_adds(&sb, "]");
    Value out = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return out;
}

/* The words between "<Future " and ">": state, result or exception, callbacks. */
Value future_repr_info(VM *vm, Future *f) {
    const char *st = state_names[f->state];
    Value extra = vm->empty_str;
    if (f->state == FUT_FINISHED) {
        Value r = f->has_exc ? vm_repr(vm, f->result) : short_repr(vm, f->result);
        if (!r) return VNULL;
        extra = str_printf(vm, " %s=%s", f->has_exc ? "exception" : "result", str_cstr(r));
    }
    Value cbs = vm->empty_str;
    if (f->callbacks) {
        Value c = callbacks_info(vm, f);
        if (!c) return VNULL;
        cbs = str_printf(vm, " %s", str_cstr(c));
    }
    if (!extra || !cbs) return VNULL;
    return str_printf(vm, "%s%s%s", st, str_cstr(extra), str_cstr(cbs));
}

/* ---- methods ---- */

#define SELF as_fut(a[0])

static Value fut_new_m(VM *vm, Value *a, int n, Value k) {
    Type *cls = (Type *)a[0];
    Future *f = gc_alloc(vm, cls, cls->size);
    if (!f) return VNULL;
    f->result = vm->none;
    return v_from_obj(f);
}

static Value fut_init_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "loop", NULL };
    Value loop = VNULL;
    if (vm_parse_args(vm, "Future", a + 1, n - 1, k, names, 0, 0, &loop) < 0) return VNULL;
    if (!loop || loop == vm->none) {
        loop = loop_get_event_loop(vm);
        if (!loop) return VNULL;
    }
    SELF->loop = loop;
    return vm->none;
}

static Value fut_result_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "result", n - 1, k, 0, 0) < 0) return VNULL;
    return future_result(vm, SELF);
}

static Value fut_exception_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "exception", n - 1, k, 0, 0) < 0) return VNULL;
    Future *f = SELF;
    if (f->state == FUT_CANCELLED) {
        Value e = future_make_cancelled_error(vm, f);
        return e ? vm_raise_value(vm, e) : VNULL;
    }
    if (f->state != FUT_FINISHED) return vm_raise(vm, vm->e_InvalidStateError, "Exception is not set.");
    f->log_tb = 0;
    return f->has_exc ? f->result : vm->none;
}

static Value fut_set_result_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "set_result", n - 1, k, 1, 1) < 0) return VNULL;
    return future_set_result(vm, SELF, a[1]) < 0 ? VNULL : vm->none;
}

static Value fut_set_exception_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "set_exception", n - 1, k, 1, 1) < 0) return VNULL;
    return future_set_exception(vm, SELF, a[1]) < 0 ? VNULL : vm->none;
}

static Value fut_done_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->state != FUT_PENDING); }
static Value fut_cancelled_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->state == FUT_CANCELLED); }

static Value fut_cancel_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "msg", NULL };
    Value msg = VNULL;
    if (vm_parse_args(vm, "cancel", a + 1, n - 1, k, names, 0, 0, &msg) < 0) return VNULL;
    if (SELF->kind == FK_TASK) return vm_bool(vm, task_cancel(vm, (Task *)a[0], msg ? msg : vm->none));
    return vm_bool(vm, future_cancel(vm, SELF, msg ? msg : vm->none));
}

static Value fut_add_done_callback_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "fn", "context", NULL };
    Value out[2] = { VNULL, VNULL };
    if (vm_parse_args(vm, "add_done_callback", a + 1, n - 1, k, names, 1, 1, out) < 0) return VNULL;
    Future *f = SELF;
    if (f->state != FUT_PENDING) {
        Value args = tuple_pack(vm, 1, a[0]);
        if (!args || !loop_call_soon(vm, (Loop *)f->loop, out[0], args)) return VNULL;
        return vm->none;
    }
    return future_add_callback(vm, f, out[0]) < 0 ? VNULL : vm->none;
}

static Value fut_remove_done_callback_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "remove_done_callback", n - 1, k, 1, 1) < 0) return VNULL;
    Future *f = SELF;
    if (!f->callbacks) return v_from_int(0);
    if (!f->multi) {
        int eq = vm_eq(vm, f->callbacks, a[1]);
        if (eq < 0) return VNULL;
        if (eq) f->callbacks = VNULL;
        return v_from_int(eq);
    }
    List *l = as_list(f->callbacks);
    int64_t keep = 0, removed = 0;
    for (int64_t i = 0; i < l->n; i++) {
        int eq = vm_eq(vm, l->items[i], a[1]);
        if (eq < 0) return VNULL;
        if (eq) removed++;
        else l->items[keep++] = l->items[i];
    }
    l->n = keep;
    if (keep == 0) { f->callbacks = VNULL; f->multi = 0; }
    return v_from_int(removed);
}

static Value fut_get_loop_m(VM *vm, Value *a, int n, Value k) { return SELF->loop ? SELF->loop : vm->none; }

static Value fut_blocking_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->blocking); }
static Value fut_blocking_set(VM *vm, Value *a, int n, Value k) {
    int t = vm_truthy(vm, a[1]);
    if (t < 0) return VNULL;
    if (t && SELF->state == FUT_PENDING) SELF->blocking = 1;
    else if (!t) SELF->blocking = 0;
    else return vm_raise(vm, vm->e_ValueError, "_asyncio_future_blocking can only be set to False");
    return vm->none;
}
static Value fut_state_get(VM *vm, Value *a, int n, Value k) {
    static const char *const up[] = { "PENDING", "CANCELLED", "FINISHED" };
    return str_from_cstr(vm, up[SELF->state]);
}
static Value fut_cancel_message_get(VM *vm, Value *a, int n, Value k) {
    Value m = fut_cancel_msg(SELF);
    return m ? m : vm->none;
}
static Value fut_cancel_message_set(VM *vm, Value *a, int n, Value k) {
    future_set_cancel_msg(vm, SELF, a[1]);
    return vm->none;
}
static Value fut_loop_get(VM *vm, Value *a, int n, Value k) { return SELF->loop ? SELF->loop : vm->none; }
static Value fut_log_tb_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->log_tb); }
static Value fut_log_tb_set(VM *vm, Value *a, int n, Value k) {
    int t = vm_truthy(vm, a[1]);
    if (t < 0) return VNULL;
    if (t) return vm_raise(vm, vm->e_ValueError, "_log_traceback can only be set to False");
    SELF->log_tb = 0;
    return vm->none;
}

static Value fut_repr_m(VM *vm, Value *a, int n, Value k) {
    if (SELF->kind == FK_TASK) return task_repr(vm, (Task *)a[0]);
    Value info = future_repr_info(vm, SELF);
    if (!info) return VNULL;
    return str_printf(vm, "<%s %s>", type_name(vm, a[0]), str_cstr(info));
}

/* The await protocol: yield self while pending (telling the task to block on us), then
 * return the result. */
Value future_next(VM *vm, Value self) {
    Future *f = as_fut(self);
    if (f->state == FUT_PENDING) {
        f->blocking = 1;
        return self;
    }
    Value r = future_result(vm, f);
    if (!r) return VNULL;
    return future_stop_iteration(vm, r);
}

/* The await step without __next__/StopIteration (Type.am_send): the SEND instruction calls it. */
Value future_am_send(VM *vm, Value self, Value sent, bool *done) {
    Future *f = as_fut(self);
    if (f->state == FUT_PENDING) {
        f->blocking = 1;
        *done = false;
        return self;
    }
    *done = true;
    return future_result(vm, f);
}

static Value fut_await_m(VM *vm, Value *a, int n, Value k) { return a[0]; }
static Value fut_next_m(VM *vm, Value *a, int n, Value k) { return future_next(vm, a[0]); }
static Value fut_send_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "send", n - 1, k, 1, 1) < 0) return VNULL;
    return future_next(vm, a[0]);
}
static Value fut_throw_m(VM *vm, Value *a, int n, Value k) {
    Value e = vm_throw_arg(vm, a, n);
    return e ? vm_raise_value(vm, e) : VNULL;
}
static Value fut_close_m(VM *vm, Value *a, int n, Value k) { return vm->none; }
static Value fut_class_getitem(VM *vm, Value *a, int n, Value k) { return a[0]; }

void future_types_init(VM *vm, AState *st) {
    Type *t = type_new_builtin(vm, "Future", vm->t_object, sizeof(Future), TF_BASETYPE);
    t->trace = future_trace;
    t->on_collect = future_on_collect;
    t->am_send = future_am_send;
    type_set_attr(vm, t, "__module__", str_from_cstr(vm, "asyncio"));
    type_add_static(vm, t, "__new__", fut_new_m);
    type_add_method(vm, t, "__init__", fut_init_m);
    type_add_method(vm, t, "result", fut_result_m);
    type_add_method(vm, t, "exception", fut_exception_m);
    type_add_method(vm, t, "set_result", fut_set_result_m);
    type_add_method(vm, t, "set_exception", fut_set_exception_m);
    type_add_method(vm, t, "done", fut_done_m);
    type_add_method(vm, t, "cancelled", fut_cancelled_m);
    type_add_method(vm, t, "cancel", fut_cancel_m);
    type_add_method(vm, t, "add_done_callback", fut_add_done_callback_m);
    type_add_method(vm, t, "remove_done_callback", fut_remove_done_callback_m);
    type_add_method(vm, t, "get_loop", fut_get_loop_m);
    type_add_method(vm, t, "__repr__", fut_repr_m);
    type_add_method(vm, t, "__await__", fut_await_m);
    type_add_method(vm, t, "__iter__", fut_await_m);
    type_add_method(vm, t, "__next__", fut_next_m);
    type_add_method(vm, t, "send", fut_send_m);
    type_add_method(vm, t, "throw", fut_throw_m);
    type_add_method(vm, t, "close", fut_close_m);
    type_add_classmethod(vm, t, "__class_getitem__", fut_class_getitem);
    type_add_property(vm, t, "_asyncio_future_blocking", fut_blocking_get, fut_blocking_set);
    type_add_property(vm, t, "_state", fut_state_get, NULL);
    type_add_property(vm, t, "_loop", fut_loop_get, NULL);
    type_add_property(vm, t, "_cancel_message", fut_cancel_message_get, fut_cancel_message_set);
    type_add_property(vm, t, "_log_traceback", fut_log_tb_get, fut_log_tb_set);
    st->t_future = t;
    Type *xt = type_new_builtin(vm, "_future_extra", vm->t_object, sizeof(FutExtra), 0);
    xt->trace = extra_trace;
    st->t_futextra = xt;
}
