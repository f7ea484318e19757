/* queues.c — the C base of asyncio.Queue (`_asyncio.Queue`): a ring buffer of items, FIFO
 * rings of getter/putter futures, task_done/join, and put()/get()/join() awaitables that run
 * without a coroutine frame. CPython 3.11 semantics: a woken waiter that is cancelled passes
 * its wake-up on, so no item or free slot is lost. A subclass that defines _put/_get (and
 * _init, keeping its items in self._queue), like LifoQueue/PriorityQueue, is driven through
 * those hooks instead of the ring. QueueEmpty/QueueFull are the .as layer's classes, handed
 * over once by _asyncio._queue_exceptions(). */
#include "stdlib/asyncio/asyncio.h"

typedef struct CQueue {
    Obj head;
    VRing items, getters, putters, joiners;
    Value maxsize_v;
    int64_t maxsize, unfinished;
    Value loop;               /* the loop it is bound to, VNULL until first needed */
    Type *optype;
    Value stopiter;           /* reused StopIteration(item) for get()'s return (see q_return) */
    uint8_t hooks;            /* the type defines _put/_get: items live in self._queue */
} CQueue;

enum { OP_GET, OP_PUT, OP_JOIN };
typedef struct QOp { Obj head; Value queue, item, fut; uint8_t kind, state; } QOp;
enum { QS_FRESH, QS_STARTED, QS_DONE };   /* QOp.state: as a coroutine's (never-awaited, reuse) */

static void q_trace(GC *gc, Obj *o) {
    CQueue *q = (CQueue *)o;
    ring_trace(gc, &q->items); ring_trace(gc, &q->getters); ring_trace(gc, &q->putters);
    ring_trace(gc, &q->joiners);
    gc_mark(gc, q->maxsize_v); gc_mark(gc, q->loop); gc_mark_obj(gc, q->optype);
    gc_mark(gc, q->stopiter);
}
static void q_finalize(Obj *o) {
    CQueue *q = (CQueue *)o;
    free(q->items.buf); free(q->getters.buf); free(q->putters.buf); free(q->joiners.buf);
}
static void op_trace(GC *gc, Obj *o) {
    QOp *p = (QOp *)o;
    gc_mark(gc, p->queue); gc_mark(gc, p->item); gc_mark(gc, p->fut);
}

#define SELF ((CQueue *)a[0])

static Value exc_class(VM *vm, CQueue *q, const char *key) {
    Value t = dict_get_cstr(vm, q->optype->dict, key);
    if (!t) { vm_clear_exc(vm); return v_from_obj(vm->e_RuntimeError); }
    return t;
}

static int64_t q_size(VM *vm, CQueue *q) {
    if (!q->hooks) return q->items.n;
    Value l = vm_getattr_cstr(vm, v_from_obj(q), "_queue");
    return l ? vm_len(vm, l) : -1;
}
static int q_full(VM *vm, CQueue *q) {
    if (q->maxsize <= 0) return 0;
    int64_t n = q_size(vm, q);
    return n < 0 ? -1 : n >= q->maxsize;
}

/* Wake the first waiter that is still waiting (cancelled ones are skipped). */
static int wakeup_next(VM *vm, VRing *w) {
    while (w->n) {
        Future *f = (Future *)ring_pop(w);
        if (f->state == FUT_PENDING) return future_set_result(vm, f, vm->none);
    }
    return 0;
}

static Value q_init_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "maxsize", NULL };
    Value ms = VNULL;
    if (vm_parse_args(vm, "Queue", a + 1, n - 1, k, names, 0, 0, &ms) < 0) return VNULL;
    CQueue *q = SELF;
    q->maxsize_v = ms ? ms : v_from_int(0);
    if (v_is_int(q->maxsize_v)) q->maxsize = v_int(q->maxsize_v);
    else if (vm_index(vm, q->maxsize_v, &q->maxsize) < 0) return VNULL;
    q->hooks = type_lookup(vm, type_of(vm, a[0]), str_intern_cstr(vm, "_put")) != VNULL;
    if (q->hooks) {
        Value r = vm_call_method(vm, a[0], str_intern_cstr(vm, "_init"), &q->maxsize_v, 1);
        if (!r) return VNULL;
    }
    return vm->none;
}

static Value q_get_loop(VM *vm, CQueue *q) {
    Value l = get_running_loop_or_raise(vm);
    if (!l) return VNULL;
    if (!q->loop) q->loop = l;
    if (q->loop != l) {
        Value r = vm_repr(vm, v_from_obj(q));
        return r ? vm_raise(vm, vm->e_RuntimeError, "%s is bound to a different event loop", str_cstr(r)) : VNULL;
    }
    return l;
}

static Value q_put_nowait(VM *vm, CQueue *q, Value item) {
    int full = q_full(vm, q);
    if (full < 0) return VNULL;
    if (full) return vm_raise_value(vm, exc_new(vm, (Type *)exc_class(vm, q, "_QueueFull"), NULL, 0));
    if (!q->hooks) { if (ring_push(vm, &q->items, item) < 0) return VNULL; }
    else if (!vm_call_method(vm, v_from_obj(q), str_intern_cstr(vm, "_put"), &item, 1)) return VNULL;
    q->unfinished++;
    if (wakeup_next(vm, &q->getters) < 0) return VNULL;
    return vm->none;
}

static Value q_get_nowait(VM *vm, CQueue *q) {
    int64_t n = q_size(vm, q);
    if (n < 0) return VNULL;
    if (n == 0) return vm_raise_value(vm, exc_new(vm, (Type *)exc_class(vm, q, "_QueueEmpty"), NULL, 0));
    Value item = q->hooks ? vm_call_method(vm, v_from_obj(q), str_intern_cstr(vm, "_get"), NULL, 0)
                          : ring_pop(&q->items);
    if (!item) return VNULL;
    if (wakeup_next(vm, &q->putters) < 0) return VNULL;
    return item;
}

static Value q_put_nowait_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "put_nowait", n - 1, k, 1, 1) < 0) return VNULL;
    return q_put_nowait(vm, SELF, a[1]);
}
static Value q_get_nowait_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "get_nowait", n - 1, k, 0, 0) < 0) return VNULL;
    return q_get_nowait(vm, SELF);
}
static Value q_qsize_m(VM *vm, Value *a, int n, Value k) {
    int64_t s = q_size(vm, SELF);
    return s < 0 ? VNULL : v_from_int(s);
}
static Value q_empty_m(VM *vm, Value *a, int n, Value k) {
    int64_t s = q_size(vm, SELF);
    return s < 0 ? VNULL : vm_bool(vm, s == 0);
}
static Value q_full_m(VM *vm, Value *a, int n, Value k) {
    int f = q_full(vm, SELF);
    return f < 0 ? VNULL : vm_bool(vm, f);
}
static Value q_maxsize_get(VM *vm, Value *a, int n, Value k) { return SELF->maxsize_v ? SELF->maxsize_v : v_from_int(0); }

static Value q_task_done_m(VM *vm, Value *a, int n, Value k) {
    CQueue *q = SELF;
    if (q->unfinished <= 0) return vm_raise(vm, vm->e_ValueError, "task_done() called too many times");
    if (--q->unfinished == 0) {
        while (q->joiners.n) {
            Future *f = (Future *)ring_pop(&q->joiners);
            if (f->state == FUT_PENDING && future_set_result(vm, f, vm->true_) < 0) return VNULL;
        }
    }
    return vm->none;
}

static Value q_items_m(VM *vm, Value *a, int n, Value k) {
    CQueue *q = SELF;
    if (q->hooks) {
        Value l = vm_getattr_cstr(vm, a[0], "_queue");
        return l ? vm_call(vm, v_from_obj(vm->t_list), &l, 1, VNULL) : VNULL;
    }
    Value l = list_new(vm, q->items.n);
    if (!l) return VNULL;
    for (int64_t i = 0; i < q->items.n; i++) if (list_append(vm, l, ring_at(&q->items, i)) < 0) return VNULL;
    return l;
}
static Value q_nwaiters_m(VM *vm, Value *a, int n, Value k) {
    return v_from_int(n > 1 && a[1] == v_from_int(1) ? SELF->putters.n : SELF->getters.n);
}
static Value q_unfinished_get(VM *vm, Value *a, int n, Value k) { return v_from_int(SELF->unfinished); }

/* ---- put()/get()/join(): coroutine-like objects with a small state machine ---- */

static Value new_op(VM *vm, CQueue *q, int kind, Value item) {
    QOp *p = gc_alloc(vm, q->optype, sizeof(QOp));
    if (!p) return VNULL;
    p->queue = v_from_obj(q); p->item = item; p->kind = (uint8_t)kind;
    return v_from_obj(p);
}
/* put() and get() run once per item: the exact-arity call skips the generic argument check */
static Value q_put_m(VM *vm, Value *a, int n, Value k) {
    if ((n != 2 || k) && vm_check_args(vm, "put", n - 1, k, 1, 1) < 0) return VNULL;
    return new_op(vm, SELF, OP_PUT, a[1]);
}
static Value q_get_m(VM *vm, Value *a, int n, Value k) {
    if ((n != 1 || k) && vm_check_args(vm, "get", n - 1, k, 0, 0) < 0) return VNULL;
    return new_op(vm, SELF, OP_GET, vm->none);
}
static Value q_join_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "join", n - 1, k, 0, 0) < 0) return VNULL;
    return new_op(vm, SELF, OP_JOIN, vm->none);
}

static VRing *op_ring(CQueue *q, QOp *p) {
    return p->kind == OP_GET ? &q->getters : p->kind == OP_PUT ? &q->putters : &q->joiners;
}

/* The wait was interrupted by `exc` (CPython's `except: ... raise`). */
static Value op_abort(VM *vm, QOp *p, Value exc) {
    CQueue *q = (CQueue *)p->queue;
    Future *f = (Future *)p->fut;
    p->fut = VNULL;
    future_cancel(vm, f, vm->none);
    ring_remove(op_ring(q, p), v_from_obj(f));
    if (p->kind != OP_JOIN && f->state != FUT_CANCELLED) {
        int64_t s = q_size(vm, q);
        if (s < 0) return VNULL;
        bool pass = p->kind == OP_GET ? s > 0 : !(q->maxsize > 0 && s >= q->maxsize);
        if (pass && wakeup_next(vm, op_ring(q, p)) < 0) return VNULL;
    }
    return vm_raise_value(vm, exc);
}

/* Finish a __next__/send() call: a step that completed becomes StopIteration(value). get()'s
 * item goes through one private exception (and its 1-tuple of args) per queue, refilled
 * instead of allocating an exception, a tuple and a dict per item. SEND never gets here: it
 * takes the value from op_am_send. */
static Value q_return(VM *vm, CQueue *q, Value item) {
    if (item == vm->none) return future_stop_iteration(vm, item);
    if (!q->stopiter) {
        q->stopiter = exc_new(vm, vm->e_StopIteration, &item, 1);
        if (!q->stopiter) return VNULL;
    }
    ExcObj *e = (ExcObj *)q->stopiter;
    if (!e->dict || !v_is_obj(e->args) || type_of(vm, e->args) != vm->t_tuple || as_tuple(e->args)->n != 1)
        return future_stop_iteration(vm, item);
    e->traceback = e->context = e->cause = VNULL;
    as_tuple(e->args)->items[0] = item;
    dict_set(vm, e->dict, vm->s_value, item);
    return vm_raise_value(vm, q->stopiter);
}

/* One step of put()/get()/join(): *done says whether the result is the operation's value
 * (true) or the future to block on (false). */
static Value op_run(VM *vm, QOp *p, bool *done) {
    CQueue *q = (CQueue *)p->queue;
    *done = true;
    if (p->fut) {
        Future *f = (Future *)p->fut;
        if (f->state == FUT_PENDING) { f->blocking = 1; *done = false; return p->fut; }
        if (f->state == FUT_CANCELLED) {
            Value r = future_result(vm, f);
            if (r) return r;   /* not reached */
            Value e = vm->exc;
            vm_clear_exc(vm);
            return op_abort(vm, p, e);
        }
        p->fut = VNULL;
        if (p->kind == OP_JOIN) return vm->none;
    }
    bool wait;
    if (p->kind == OP_JOIN) wait = q->unfinished > 0;
    else if (p->kind == OP_GET) { int64_t s = q_size(vm, q); if (s < 0) return VNULL; wait = s == 0; }
    else { int f = q_full(vm, q); if (f < 0) return VNULL; wait = f; }
    if (!wait) {
        if (p->kind == OP_JOIN) return vm->none;
        if (p->kind == OP_PUT) return q_put_nowait(vm, q, p->item);
        return q_get_nowait(vm, q);
    }
    Value loop = q_get_loop(vm, q);
    Value fut = loop ? future_new(vm, loop) : VNULL;
    if (!fut || ring_push(vm, op_ring(q, p), fut) < 0) return VNULL;
    p->fut = fut;
    ((Future *)fut)->blocking = 1;
    *done = false;
    return fut;
}

static Value op_step(VM *vm, QOp *p, bool *done) {
    *done = false;
    if (p->state == QS_DONE) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
    p->state = QS_STARTED;
    Value r = op_run(vm, p, done);
    if (!r || *done) p->state = QS_DONE;
    return r;
}

static Value op_am_send(VM *vm, Value self, Value sent, bool *done) { return op_step(vm, (QOp *)self, done); }

static const char *op_take_unawaited(VM *vm, Obj *o) {
    QOp *p = (QOp *)o;
    if (p->state != QS_FRESH) return NULL;
    p->state = QS_DONE;
    return p->kind == OP_PUT ? "Queue.put" : p->kind == OP_GET ? "Queue.get" : "Queue.join";
}

static Value op_next(VM *vm, QOp *p) {
    bool done;
    Value r = op_step(vm, p, &done);
    if (!r || !done) return r;
    return q_return(vm, (CQueue *)p->queue, r);
}

static Value op_self_m(VM *vm, Value *a, int n, Value k) { return a[0]; }
static Value op_next_m(VM *vm, Value *a, int n, Value k) { return op_next(vm, (QOp *)a[0]); }
static Value op_send_m(VM *vm, Value *a, int n, Value k) { return op_next(vm, (QOp *)a[0]); }
static Value op_throw_m(VM *vm, Value *a, int n, Value k) {
    QOp *p = (QOp *)a[0];
    Value exc = n > 1 ? a[1] : vm->none;
    if (isinst(vm, exc, vm->t_type)) { exc = vm_call0(vm, exc); if (!exc) return VNULL; }
    p->state = QS_DONE;
    if (p->fut) return op_abort(vm, p, exc);
    return vm_raise_value(vm, exc);
}
static Value op_close_m(VM *vm, Value *a, int n, Value k) {
    QOp *p = (QOp *)a[0];
    p->state = QS_DONE;
    if (p->fut) {
        CQueue *q = (CQueue *)p->queue;
        future_cancel(vm, (Future *)p->fut, vm->none);
        ring_remove(op_ring(q, p), p->fut);
        p->fut = VNULL;
    }
    return vm->none;
}

static Value m_queue_exceptions(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "_queue_exceptions", n, k, 3, 3) < 0) return VNULL;
    Type *ot = (Type *)vm_getattr_cstr(vm, a[0], "_optype");
    if (!ot) return VNULL;
    dict_set_cstr(vm, ot->dict, "_QueueEmpty", a[1]);
    dict_set_cstr(vm, ot->dict, "_QueueFull", a[2]);
    return vm->none;
}

static Value q_new(VM *vm, Value *a, int n, Value k) {
    Type *cls = (Type *)a[0];
    CQueue *q = gc_alloc(vm, cls, cls->size);
    if (!q) return VNULL;
    Value ot = type_lookup(vm, cls, str_intern_cstr(vm, "_optype"));
    q->optype = (Type *)ot;
    q->maxsize_v = v_from_int(0);
    return v_from_obj(q);
}

void queue_types_init(VM *vm, Value module) {
    Type *t = type_new_builtin(vm, "Queue", vm->t_object, sizeof(CQueue), TF_BASETYPE);
    t->trace = q_trace;
    t->finalize = q_finalize;
    type_add_static(vm, t, "__new__", q_new);
    type_add_method(vm, t, "__init__", q_init_m);
    type_add_method(vm, t, "put_nowait", q_put_nowait_m);
    type_add_method(vm, t, "get_nowait", q_get_nowait_m);
    type_add_method(vm, t, "put", q_put_m);
    type_add_method(vm, t, "get", q_get_m);
    type_add_method(vm, t, "join", q_join_m);
    native_set_new_awaitable(vm, t->dict, "put");
    native_set_new_awaitable(vm, t->dict, "get");
    native_set_new_awaitable(vm, t->dict, "join");
    type_add_method(vm, t, "task_done", q_task_done_m);
    type_add_method(vm, t, "qsize", q_qsize_m);
    type_add_method(vm, t, "empty", q_empty_m);
    type_add_method(vm, t, "full", q_full_m);
    type_add_method(vm, t, "_items", q_items_m);
    type_add_method(vm, t, "_nwaiters", q_nwaiters_m);
    type_add_property(vm, t, "maxsize", q_maxsize_get, NULL);
    type_add_property(vm, t, "_unfinished_tasks", q_unfinished_get, NULL);

    Type *ot = type_new_builtin(vm, "coroutine", vm->t_object, sizeof(QOp), 0);
    ot->trace = op_trace;
    ot->am_send = op_am_send;   /* SEND skips __next__ and the StopIteration */
    /* forgotten put()/get() statements are reported at their line; no on_collect hook for the
     * rest: a collection would then visit every one of the million ops of a busy queue */
    ot->take_unawaited = op_take_unawaited;
    type_add_method(vm, ot, "__await__", op_self_m);
    type_add_method(vm, ot, "__iter__", op_self_m);
    type_add_method(vm, ot, "__next__", op_next_m);
    type_add_method(vm, ot, "send", op_send_m);
    type_add_method(vm, ot, "throw", op_throw_m);
    type_add_method(vm, ot, "close", op_close_m);
    dict_set_cstr(vm, t->dict, "_optype", v_from_obj(ot));
    module_add(vm, module, "Queue", v_from_obj(t));
    module_add_fn(vm, module, "_queue_exceptions", m_queue_exceptions);
}
