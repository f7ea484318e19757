/* task.c — asyncio.Task: a Future that drives a coroutine. One step sends None (or throws an
 * exception) into the coroutine; what it yields decides the next step: a blocking Future gets
 * the task itself as its done callback (woken by an intrusive ready-queue push, no handle),
 * None reschedules at once (sleep(0)), anything else is CPython's "bad yield" RuntimeError.
 * No interpreted code runs between two steps. */
#include "stdlib/asyncio/asyncio.h"
#include "vm/interp.h"

static void task_trace(GC *gc, Obj *o) {
    Task *t = (Task *)o;
    future_trace(gc, o);   /* a Task starts with its Future */
    gc_mark(gc, t->coro);
    gc_mark_obj(gc, t->leaf);
    gc_mark(gc, t->waiter);
    /* prev/next are the loop's list: the loop marks every task on it */
}

static void task_on_collect(VM *vm, Obj *o) {
    Task *t = (Task *)o;
    if (!t->fut.loop) return;
    if (t->fut.state == FUT_PENDING) {
        if (t->fut.quiet) return;
        loop_report(vm, (Loop *)t->fut.loop, "Task was destroyed but it is pending!", VNULL, "task", v_from_obj(o));
        return;
    }
    if (t->fut.log_tb && t->fut.has_exc)
        loop_report(vm, (Loop *)t->fut.loop, "Task exception was never retrieved", t->fut.result, "future", v_from_obj(o));
}

bool is_coroutine(VM *vm, Value v) {
    if (!v_is_obj(v)) return false;
    Type *t = type_of(vm, v);
    if (t == vm->t_coroutine || t == vm->t_generator) return true;   /* 3.11 still takes generators */
    if (is_future(vm, v)) return false;   /* a Future is its own await iterator, not a coroutine */
    /* collections.abc.Coroutine: send, throw, close and __await__ */
    return type_lookup(vm, t, vm->s_send) && type_lookup(vm, t, vm->s_throw) &&
           type_lookup(vm, t, vm->s_close) && type_lookup(vm, t, vm->s___await__);
}

Value task_new(VM *vm, Value loop, Value coro, Value name) {
    if (!is_coroutine(vm, coro)) {
        Value r = vm_repr(vm, coro);
        return r ? vm_raise(vm, vm->e_TypeError, "a coroutine was expected, got %s", str_cstr(r)) : VNULL;
    }
    Task *t = gc_alloc(vm, astate(vm)->t_task, sizeof(Task));
    if (!t) return VNULL;
    t->fut.kind = FK_TASK;
    t->fut.loop = loop;
    t->fut.result = vm->none;
    t->coro = coro;
    if (name && name != vm->none) {
        if (!isinst(vm, name, vm->t_str)) { name = vm_str(vm, name); if (!name) return VNULL; }
        if (!fut_extra(vm, &t->fut)) return VNULL;
        t->fut.extra->name = name;
    } else {
        t->fut.q.head.aux = (uint32_t)++vm->task_counter;   /* Task(name=...) takes no number */
    }
    if (type_of(vm, coro) == vm->t_coroutine) ((Gen *)coro)->awaited = 1;
    Loop *l = (Loop *)loop;
    loop_add_task(l, t);
    loop_schedule_task(vm, l, t);
    return v_from_obj(t);
}

Value task_get_name(VM *vm, Task *t) {
    if (t->fut.extra && t->fut.extra->name) return t->fut.extra->name;
    Value name = str_printf(vm, "Task-%llu", (unsigned long long)t->fut.q.head.aux);
    if (!name || !fut_extra(vm, &t->fut)) return VNULL;
    t->fut.extra->name = name;
    return name;
}

/* CPython's coroutines._format_coroutine for the repr's coro=<...>. */
Value coro_repr_info(VM *vm, Value coro, bool done) {
    if (v_is_obj(coro) && ((Obj *)coro)->type == astate(vm)->t_sleep) {
        if (((Sleep *)coro)->fut.state == FUT_PENDING) return str_from_cstr(vm, "sleep() running at asyncio/tasks.py:649");
        return str_from_cstr(vm, "sleep() done, defined at asyncio/tasks.py:637");
    }
    if (type_of(vm, coro) != vm->t_coroutine) return vm_repr(vm, coro);
    Gen *g = (Gen *)coro;
    Code *c = gen_code(g);
    const char *q = str_cstr(gen_qualname(g)), *file = str_cstr(c->filename);
    if (g->state == GEN_CLOSED) return str_printf(vm, "%s() done, defined at %s:%d", q, file, c->firstline);
    int line = g->state == GEN_CREATED ? c->firstline : vm_line_of(c, gen_ip(g));
    return str_printf(vm, "%s() running at %s:%d", q, file, line);
}

Value task_repr(VM *vm, Task *t) {
    Value info = future_repr_info(vm, &t->fut);
    if (!info) return VNULL;
    const char *rest = str_cstr(info);
    const char *sp = strchr(rest, ' ');
    const char *state = t->cancels && t->fut.state == FUT_PENDING ? "cancelling" : NULL;
    Value name = vm_repr(vm, task_get_name(vm, t));
    Value coro = coro_repr_info(vm, t->coro, t->fut.state != FUT_PENDING);
    if (!name || !coro) return VNULL;
    Value wait = vm->empty_str;
    if (t->waiter && t->fut.state == FUT_PENDING) {   /* a finished task's slot may carry a gather note */
        Value w;
        if (is_waiter(vm, t->waiter)) {
            w = waiter_future_repr(vm, (Waiter *)t->waiter);
        } else if (((Obj *)t->waiter)->type == astate(vm)->t_sleep) {
            Value i = future_repr_info(vm, (Future *)t->waiter);
            w = i ? str_printf(vm, "<Future %s>", str_cstr(i)) : VNULL;
        } else {
            w = vm_repr(vm, t->waiter);
        }
        if (!w) return VNULL;
        wait = str_printf(vm, " wait_for=%s", str_cstr(w));
        if (!wait) return VNULL;
    }
    int slen = sp ? (int)(sp - rest) : (int)strlen(rest);
    return str_printf(vm, "<%s %.*s name=%s coro=<%s>%s%s>", type_name(vm, v_from_obj(t)),
                      state ? (int)strlen(state) : slen, state ? state : rest, str_cstr(name),
                      str_cstr(coro), sp ? sp : "", str_cstr(wait));
}

/* waiter.cancel(msg=msg): the C cancel for the exact core types, the type's own `cancel`
 * otherwise (a subclass such as gather's _GatheringFuture overrides it). */
static bool cancel_waiter(VM *vm, Value w, Value msg) {
    AState *st = astate(vm);
    Type *ty = type_of(vm, w);
    if (ty == st->t_task) return task_cancel(vm, (Task *)w, msg);
    if (is_waiter(vm, w)) return waiter_cancel(vm, (Waiter *)w, msg);
    if (fut_plain(st, ty)) return future_cancel(vm, (Future *)w, msg);
    Value kw = tuple_pack(vm, 1, vm->s_msg);
    Value m = kw ? vm_getattr(vm, w, vm->s_cancel) : VNULL;
    Value r = m ? vm_call(vm, m, &msg, 0, kw) : VNULL;   /* no positionals, msg by keyword */
    if (!r) { vm_clear_exc(vm); return false; }
    int b = vm_truthy(vm, r);
    if (b < 0) { vm_clear_exc(vm); return false; }
    return b > 0;
}

bool task_cancel(VM *vm, Task *t, Value msg) {
    t->fut.log_tb = 0;
    if (t->fut.state != FUT_PENDING) return false;
    t->cancels++;
    if (t->waiter && cancel_waiter(vm, t->waiter, msg)) return true;
    t->fut.must_cancel = 1;
    future_set_cancel_msg(vm, &t->fut, msg);
    return true;
}

/* The future t waits on is done: queue the next step (task_wakeup). */
void task_wake(VM *vm, Task *t, Value fut) {
    if (t->fut.state != FUT_PENDING) return;   /* nothing to step; the slot may carry a gather note */
    t->waiter = fut;
    t->fut.woken = 1;
    loop_schedule_task(vm, (Loop *)t->fut.loop, t);
}

static Value task_wakeup_m(VM *vm, Value *a, int n, Value k) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "task_wakeup() missing argument");
    task_wake(vm, (Task *)a[0], a[1]);
    return vm->none;
}

static void finish(VM *vm, Task *t) {
    if (t->fut.state != FUT_PENDING) loop_remove_task((Loop *)t->fut.loop, t);
}

/* Schedule a step that throws `exc` into the coroutine (CPython: call_soon(__step, exc)). */
static void step_later(VM *vm, Task *t, Value exc) {
    if (fut_extra(vm, &t->fut)) t->fut.extra->step_exc = exc;
    else vm_clear_exc(vm);   /* out of memory: the step goes without its error */
    loop_schedule_task(vm, (Loop *)t->fut.loop, t);
}

static void bad_yield(VM *vm, Task *t, const char *fmt, Value r) {
    Value tr = task_repr(vm, t);
    Value rr = tr ? vm_repr(vm, r) : VNULL;
    Value e = VNULL;
    if (rr) {
        Value msg = str_printf(vm, fmt, str_cstr(tr), str_cstr(rr));
        if (msg) e = exc_new(vm, vm->e_RuntimeError, &msg, 1);
    }
    if (!e) { e = vm->exc; vm_clear_exc(vm); }
    step_later(vm, t, e);
}

static bool is_task_loop(VM *vm, Task *t, Value fut) {
    if (fut_like(vm, fut)) return ((Future *)fut)->loop == t->fut.loop;
    Value gl = vm_getattr_opt(vm, fut, vm->s_get_loop);
    Value l = gl ? vm_call0(vm, gl) : vm_getattr_opt(vm, fut, str_intern_cstr(vm, "_loop"));
    if (!l) { vm_clear_exc(vm); return true; }
    return l == t->fut.loop;
}

/* The coroutine yielded r: decide how the task waits. */
static void handle_yield(VM *vm, Task *t, Value r) {
    Value self = v_from_obj(t);
    if (r == vm->none) { loop_schedule_task(vm, (Loop *)t->fut.loop, t); return; }
    if (is_waiter(vm, r) && ((Waiter *)r)->blocking) {
        waiter_attach(vm, (Waiter *)r, t);
        if (t->fut.must_cancel && waiter_cancel(vm, (Waiter *)r, fut_cancel_msg(&t->fut))) t->fut.must_cancel = 0;
        return;
    }
    if (fut_like(vm, r)) {
        Future *f = (Future *)r;
        if (!f->blocking) { bad_yield(vm, t, "yield was used instead of yield from in task %s with %s", r); return; }
        if (f->loop != t->fut.loop) { bad_yield(vm, t, "Task %s got Future %s attached to a different loop", r); return; }
        if (r == self) {
            Value tr = task_repr(vm, t);
            Value msg = tr ? str_printf(vm, "Task cannot await on itself: %s", str_cstr(tr)) : VNULL;
            Value e = msg ? exc_new(vm, vm->e_RuntimeError, &msg, 1) : VNULL;
            if (!e) { e = vm->exc; vm_clear_exc(vm); }
            step_later(vm, t, e);
            return;
        }
        f->blocking = 0;
        t->waiter = r;
        if (f->state != FUT_PENDING) task_wake(vm, t, r);
        else if (future_add_callback(vm, f, self) < 0) { Value e = vm->exc; vm_clear_exc(vm); t->waiter = VNULL; step_later(vm, t, e); return; }
        if (t->fut.must_cancel && cancel_waiter(vm, r, fut_cancel_msg(&t->fut))) t->fut.must_cancel = 0;
        return;
    }
    Value blocking = vm_getattr_opt(vm, r, vm->s__asyncio_future_blocking);
    if (!blocking) vm_clear_exc(vm);
    if (blocking && blocking != vm->none) {
        if (blocking != vm->true_) { bad_yield(vm, t, "yield was used instead of yield from in task %s with %s", r); return; }
        if (!is_task_loop(vm, t, r)) { bad_yield(vm, t, "Task %s got Future %s attached to a different loop", r); return; }
        if (vm_setattr(vm, r, vm->s__asyncio_future_blocking, vm->false_) < 0) vm_clear_exc(vm);
        Value cb = native_new(vm, "task_wakeup", task_wakeup_m, self);
        Value ok = cb ? vm_call_method(vm, r, vm->s_add_done_callback, &cb, 1) : VNULL;
        if (!ok) { Value e = vm->exc; vm_clear_exc(vm); step_later(vm, t, e); return; }
        t->waiter = r;
        if (t->fut.must_cancel && cancel_waiter(vm, r, fut_cancel_msg(&t->fut))) t->fut.must_cancel = 0;
        return;
    }
    if (type_of(vm, r) == vm->t_generator) {
        bad_yield(vm, t, "yield was used instead of yield from for generator in task %s with %s", r);
        return;
    }
    Value rr = vm_repr(vm, r);
    Value msg = rr ? str_printf(vm, "Task got bad yield: %s", str_cstr(rr)) : VNULL;
    Value e = msg ? exc_new(vm, vm->e_RuntimeError, &msg, 1) : VNULL;
    if (!e) { e = vm->exc; vm_clear_exc(vm); }
    step_later(vm, t, e);
}

/* Resume a non-native coroutine object through its send/throw methods. */
static Value generic_resume(VM *vm, Value coro, Value exc, bool *returned) {
    *returned = false;
    Value r = exc ? vm_call_method(vm, coro, vm->s_throw, &exc, 1) : vm_call_method(vm, coro, vm->s_send, &vm->none, 1);
    if (r) return r;
    if (vm_exc_is(vm, vm->e_StopIteration)) {
        Value v = exc_get_attr(vm, vm->exc, vm->s_value);
        vm_clear_exc(vm);
        *returned = true;
        return v ? v : vm->none;
    }
    return VNULL;
}

/* Resume the task's coroutine at the innermost generator of its await chain, where it last
 * yielded; each awaiter above continues once its delegate finishes (gen.c explains why). */
static Value resume_chain(VM *vm, Task *t, Value exc, bool *ret) {
    Gen *root = (Gen *)t->coro;
    Gen *g = t->leaf && t->leaf->state == GEN_SUSPENDED ? t->leaf : root;
    t->leaf = NULL;
    vm->yield_leaf = NULL;
    Value r = exc ? gen_throw_into(vm, g, exc, ret) : gen_send(vm, v_from_obj(g), vm->none, ret);
    for (Gen *p; g != root && !(r && !*ret) && (p = gen_awaiter(g)); g = p)
        r = gen_finish_delegate(vm, p, r, ret);
    if (r && !*ret) t->leaf = vm->yield_leaf;
    return r;
}

/* One step: returns -1 only when a KeyboardInterrupt or SystemExit must leave the loop. */
static int task_step(VM *vm, Task *t, Value exc) {
    Loop *l = (Loop *)t->fut.loop;
    if (t->fut.must_cancel) {
        if (!exc || !isinst(vm, exc, vm->e_CancelledError)) {
            exc = future_make_cancelled_error(vm, &t->fut);
            if (!exc) { exc = vm->exc; vm_clear_exc(vm); }
        }
        t->fut.must_cancel = 0;
    }
    t->waiter = VNULL;
    Value prev = l->current_task;
    l->current_task = v_from_obj(t);
    bool ret;
    Value r;
    Type *ct = type_of(vm, t->coro);
    if (ct == vm->t_coroutine || ct == vm->t_generator) {
        r = resume_chain(vm, t, exc, &ret);
    } else {
        r = generic_resume(vm, t->coro, exc, &ret);
    }
    l->current_task = prev;
    if (!r) {
        Value e = vm->exc;
        vm_clear_exc(vm);
        if (isinst(vm, e, vm->e_CancelledError)) {
            if (fut_extra(vm, &t->fut)) t->fut.extra->cancelled_exc = e;
            else vm_clear_exc(vm);
            future_cancel(vm, &t->fut, VNULL);
        } else if (isinst(vm, e, vm->e_KeyboardInterrupt) || isinst(vm, e, vm->e_SystemExit)) {
            future_set_exception(vm, &t->fut, e);
            finish(vm, t);
            vm_raise_value(vm, e);
            return -1;
        } else {
            future_set_exception(vm, &t->fut, e);
        }
        finish(vm, t);
        return 0;
    }
    if (ret) {
        if (t->fut.must_cancel) {
            t->fut.must_cancel = 0;
            future_cancel(vm, &t->fut, fut_cancel_msg(&t->fut));
        } else {
            future_set_result(vm, &t->fut, r);
        }
        finish(vm, t);
        return 0;
    }
    handle_yield(vm, t, r);
    return 0;
}

/* Run the step the ready queue holds for t (a wake-up, a thrown error or a plain step). */
void task_run(VM *vm, Task *t) {
    t->fut.q.qnext = NULL;
    t->fut.queued = 0;
    if (t->fut.state != FUT_PENDING) return;
    Value exc = VNULL;
    if (t->fut.woken) {
        Value fut = t->waiter;
        t->fut.woken = 0;
        if (is_waiter(vm, fut)) {
            if (((Waiter *)fut)->state == WS_CANCELLED && !(exc = waiter_cancelled_error(vm, (Waiter *)fut))) {
                exc = vm->exc;
                vm_clear_exc(vm);
            }
        } else if (fut_like(vm, fut)) {
            Future *f = (Future *)fut;
            if (f->state != FUT_FINISHED || f->has_exc) {
                if (!future_result(vm, f)) { exc = vm->exc; vm_clear_exc(vm); }
            }
        } else {
            Value r = vm_call_method(vm, fut, vm->s_result, NULL, 0);
            if (!r) { exc = vm->exc; vm_clear_exc(vm); }
        }
    } else if (t->fut.extra && t->fut.extra->step_exc) {
        exc = t->fut.extra->step_exc;
        t->fut.extra->step_exc = VNULL;
    }
    if (task_step(vm, t, exc) < 0) task_fatal(vm);
}

/* ---- methods ---- */

#define SELF ((Task *)a[0])

static Value task_new_m(VM *vm, Value *a, int n, Value k) {
    Type *cls = (Type *)a[0];
    Task *t = gc_alloc(vm, cls, cls->size);
    if (!t) return VNULL;
    t->fut.kind = FK_TASK;
    t->fut.result = vm->none;
    return v_from_obj(t);
}

static Value task_init_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "coro", "loop", "name", "context", NULL };
    Value out[4] = { VNULL, VNULL, VNULL, VNULL };
    if (vm_parse_args(vm, "Task", a + 1, n - 1, k, names, 1, 0, out) < 0) return VNULL;
    Value loop = out[1];
    if (!loop || loop == vm->none) { loop = loop_get_event_loop(vm); if (!loop) return VNULL; }
    if (!is_coroutine(vm, out[0])) {
        Value r = vm_repr(vm, out[0]);
        return r ? vm_raise(vm, vm->e_TypeError, "a coroutine was expected, got %s", str_cstr(r)) : VNULL;
    }
    Task *t = SELF;
    t->fut.loop = loop;
    t->coro = out[0];
    if (out[2] && out[2] != vm->none) {
        Value nm = isinst(vm, out[2], vm->t_str) ? out[2] : vm_str(vm, out[2]);
        if (!nm) return VNULL;
            if (!fut_extra(vm, &t->fut)) return VNULL;
        t->fut.extra->name = nm;
    } else {
        t->fut.q.head.aux = (uint32_t)++vm->task_counter;
    }
    if (type_of(vm, out[0]) == vm->t_coroutine) ((Gen *)out[0])->awaited = 1;
    loop_add_task((Loop *)loop, t);
    loop_schedule_task(vm, (Loop *)loop, t);
    return vm->none;
}

static Value task_get_name_m(VM *vm, Value *a, int n, Value k) { return task_get_name(vm, SELF); }
static Value task_set_name_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "set_name", n - 1, k, 1, 1) < 0) return VNULL;
    Value nm = isinst(vm, a[1], vm->t_str) ? a[1] : vm_str(vm, a[1]);
    if (!nm || !fut_extra(vm, &SELF->fut)) return VNULL;
    SELF->fut.extra->name = nm;
    return vm->none;
}
static Value task_get_coro_m(VM *vm, Value *a, int n, Value k) { return SELF->coro; }
static Value task_get_context_m(VM *vm, Value *a, int n, Value k) { return vm->none; }
static Value task_cancelling_m(VM *vm, Value *a, int n, Value k) { return v_from_int(SELF->cancels); }
static Value task_uncancel_m(VM *vm, Value *a, int n, Value k) {
    if (SELF->cancels > 0) SELF->cancels--;
    return v_from_int(SELF->cancels);
}
static Value task_set_result_m(VM *vm, Value *a, int n, Value k) {
    return vm_raise(vm, vm->e_RuntimeError, "Task does not support set_result operation");
}
static Value task_set_exception_m(VM *vm, Value *a, int n, Value k) {
    return vm_raise(vm, vm->e_RuntimeError, "Task does not support set_exception operation");
}
static Value task_get_stack_m(VM *vm, Value *a, int n, Value k) { return list_new(vm, 0); }
static Value task_fut_waiter_get(VM *vm, Value *a, int n, Value k) {
    return SELF->waiter && SELF->fut.state == FUT_PENDING ? SELF->waiter : vm->none;   /* see task_repr */
}
static Value task_must_cancel_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->fut.must_cancel); }
static Value task_coro_get(VM *vm, Value *a, int n, Value k) { return SELF->coro; }

void task_types_init(VM *vm, AState *st) {
    Type *t = type_new_builtin(vm, "Task", st->t_future, sizeof(Task), TF_BASETYPE);
    t->am_send = future_am_send;   /* awaiting a task is awaiting a future */
    t->trace = task_trace;
    t->on_collect = task_on_collect;
    type_set_attr(vm, t, "__module__", str_from_cstr(vm, "asyncio"));
    type_add_static(vm, t, "__new__", task_new_m);
    type_add_method(vm, t, "__init__", task_init_m);
    type_add_method(vm, t, "get_name", task_get_name_m);
    type_add_method(vm, t, "set_name", task_set_name_m);
    type_add_method(vm, t, "get_coro", task_get_coro_m);
    type_add_method(vm, t, "get_context", task_get_context_m);
    type_add_method(vm, t, "cancelling", task_cancelling_m);
    type_add_method(vm, t, "uncancel", task_uncancel_m);
    type_add_method(vm, t, "set_result", task_set_result_m);
    type_add_method(vm, t, "set_exception", task_set_exception_m);
    type_add_method(vm, t, "get_stack", task_get_stack_m);
    type_add_property(vm, t, "_fut_waiter", task_fut_waiter_get, NULL);
    type_add_property(vm, t, "_must_cancel", task_must_cancel_get, NULL);
    type_add_property(vm, t, "_coro", task_coro_get, NULL);
    st->t_task = t;
}
