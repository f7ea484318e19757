/* gather.c — asyncio.gather() and the future it returns (_GatheringFuture), CPython 3.11's
 * semantics without an interpreted callback per child.
 *
 * The outer future is itself the children's done callback: when a core Future or Task child
 * finishes, future.c sees the outer among its callbacks and queues a small note (outer, child)
 * on the ready queue, where CPython would call_soon(_done_callback, child), so the callback
 * runs in the same order relative to everything else. Other future-likes get a native
 * callable through their own add_done_callback. */
#include "stdlib/asyncio/asyncio.h"

typedef struct Gather {
    Future fut;
    Value children;           /* list, one entry per argument (duplicates repeat) */
    int64_t nfuts, nfinished;
    uint8_t return_exceptions, cancel_requested;
} Gather;

/* A queued _done_callback(child) for one outer future. */
typedef struct GNote { QNode q; Value outer, child; } GNote;

static void gather_trace(GC *gc, Obj *o) {
    future_trace(gc, o);   /* a Gather starts with its Future */
    gc_mark(gc, ((Gather *)o)->children);
}
static void note_trace(GC *gc, Obj *o) {
    GNote *n = (GNote *)o;
    gc_mark_obj(gc, n->q.qnext);
    gc_mark(gc, n->outer);
    gc_mark(gc, n->child);
}

/* ---- the child protocol: the C fields for the core types, the methods for the others ---- */

static bool core_fut(VM *vm, Value v) {
    AState *st = astate(vm);
    Type *t = type_of(vm, v);
    return fut_plain(st, t) || t == st->t_task || t == st->t_gather;
}

static int child_cancelled(VM *vm, Value c) {
    if (core_fut(vm, c)) return ((Future *)c)->state == FUT_CANCELLED;
    Value r = vm_call_method(vm, c, str_intern_cstr(vm, "cancelled"), NULL, 0);
    return r ? vm_truthy(vm, r) : -1;
}

/* fut.exception() of a finished, not cancelled child: None or the exception. */
static Value child_exception(VM *vm, Value c) {
    if (core_fut(vm, c)) {
        Future *f = (Future *)c;
        f->log_tb = 0;
        return f->has_exc ? f->result : vm->none;
    }
    return vm_call_method(vm, c, str_intern_cstr(vm, "exception"), NULL, 0);
}

static Value child_result(VM *vm, Value c) {
    if (core_fut(vm, c)) return future_result(vm, (Future *)c);
    return vm_call_method(vm, c, vm->s_result, NULL, 0);
}

/* fut._make_cancelled_error() */
static Value child_cancelled_error(VM *vm, Value c) {
    if (core_fut(vm, c)) return future_make_cancelled_error(vm, (Future *)c);
    Value m = vm_getattr_opt(vm, c, str_intern_cstr(vm, "_make_cancelled_error"));
    if (m) return vm_call0(vm, m);
    vm_clear_exc(vm);
    return exc_new(vm, vm->e_CancelledError, NULL, 0);
}

/* CancelledError('' if fut._cancel_message is None else fut._cancel_message) */
static Value child_cancelled_result(VM *vm, Value c) {
    Value msg;
    if (core_fut(vm, c)) msg = fut_cancel_msg((Future *)c);
    else { msg = vm_getattr_opt(vm, c, str_intern_cstr(vm, "_cancel_message")); if (!msg) vm_clear_exc(vm); }
    if (!msg || msg == vm->none) msg = vm->empty_str;
    return exc_new(vm, vm->e_CancelledError, &msg, 1);
}

static Value gather_results(VM *vm, Gather *g) {
    List *ch = as_list(g->children);
    Value results = list_new(vm, ch->n);
    if (!results) return VNULL;
    for (int64_t i = 0; i < ch->n; i++) {
        Value c = ch->items[i];
        int cancelled = child_cancelled(vm, c);
        if (cancelled < 0) return VNULL;
        Value res = cancelled ? child_cancelled_result(vm, c) : child_exception(vm, c);
        if (res == vm->none) res = child_result(vm, c);
        if (!res || list_append(vm, results, res) < 0) return VNULL;
    }
    GC_KEEP(g->children);
    return results;
}

/* CPython's gather._done_callback(fut). */
static int gather_child_done(VM *vm, Gather *g, Value child) {
    g->nfinished++;
    Future *outer = &g->fut;
    if (outer->state != FUT_PENDING) {
        int cancelled = child_cancelled(vm, child);
        if (cancelled < 0) return -1;
        return !cancelled && !child_exception(vm, child) ? -1 : 0;   /* marks it retrieved */
    }
    if (!g->return_exceptions) {
        int cancelled = child_cancelled(vm, child);
        if (cancelled < 0) return -1;
        Value exc = cancelled ? child_cancelled_error(vm, child) : child_exception(vm, child);
        if (!exc) return -1;
        if (exc != vm->none) return future_set_exception(vm, outer, exc);
    }
    if (g->nfinished != g->nfuts) return 0;
    Value results = gather_results(vm, g);
    if (!results) return -1;
    if (g->cancel_requested) {
        /* CPython takes the error from `fut`, which its results loop left at the last child */
        List *ch = as_list(g->children);
        Value exc = child_cancelled_error(vm, ch->items[ch->n - 1]);
        return exc ? future_set_exception(vm, outer, exc) : -1;
    }
    return future_set_result(vm, outer, results);
}

/* Report a failing callback as the loop reports any callback's exception. */
static int report_failure(VM *vm, Gather *g) {
    Value e = vm->exc;
    if (isinst(vm, e, vm->e_KeyboardInterrupt) || isinst(vm, e, vm->e_SystemExit)) return -1;
    vm_clear_exc(vm);
    if (g->fut.loop) loop_report(vm, (Loop *)g->fut.loop, "Exception in callback gather.<locals>._done_callback()", e, "handle", vm->none);
    return 0;
}

/* A queued note, or a finished child Task queued as its own note (see gather_schedule). */
int gather_note_run(VM *vm, QNode *n) {
    Value outer, child = v_from_obj(n);
    if (n->head.type == astate(vm)->t_task) {
        Task *t = (Task *)n;
        t->fut.q.qnext = NULL;
        t->fut.queued = 0;
        outer = t->waiter;
        t->waiter = VNULL;
    } else {
        outer = ((GNote *)n)->outer;
        child = ((GNote *)n)->child;
    }
    Gather *g = (Gather *)outer;
    if (gather_child_done(vm, g, child) < 0) return report_failure(vm, g);
    return 0;
}

bool gather_is_task_note(VM *vm, Task *t) {
    return t->fut.state != FUT_PENDING && t->waiter && v_is_obj(t->waiter) && ((Obj *)t->waiter)->type == astate(vm)->t_gather;
}

void gather_schedule(VM *vm, Loop *l, Value outer, Value child) {
    /* A finished Task's queue link and wake slot are free: it can carry the note itself
     * (unless it already does, for another gather). */
    Obj *co = (Obj *)child;
    if (co->type == astate(vm)->t_task && ((Future *)co)->state != FUT_PENDING && !((Future *)co)->queued) {
        Task *t = (Task *)co;
        t->fut.queued = 1;
        t->waiter = outer;
        rq_push(&l->ready, &t->fut.q);
        return;
    }
    GNote *n = gc_alloc(vm, astate(vm)->t_gnote, sizeof(GNote));
    if (!n) { vm_clear_exc(vm); return; }
    n->outer = outer;
    n->child = child;
    rq_push(&l->ready, &n->q);
}

/* The callback handed to future-likes outside the core: _done_callback(fut). */
static Value done_callback_m(VM *vm, Value *a, int n, Value k) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "_done_callback() missing argument");
    return gather_child_done(vm, (Gather *)a[0], a[1]) < 0 ? VNULL : vm->none;
}

/* ---- gather() ---- */

static Value child_loop(VM *vm, Value fut) {
    if (core_fut(vm, fut)) return ((Future *)fut)->loop;
    return vm_call_method(vm, fut, vm->s_get_loop, NULL, 0);
}

static int add_child_callback(VM *vm, Gather *g, Value fut) {
    Value outer = v_from_obj(g);
    if (core_fut(vm, fut)) {
        Future *f = (Future *)fut;
        if (f->state == FUT_PENDING) return future_add_callback(vm, f, outer);
        gather_schedule(vm, (Loop *)f->loop, outer, fut);
        return 0;
    }
    Value cb = native_new(vm, "_done_callback", done_callback_m, outer);
    return cb && vm_call_method(vm, fut, vm->s_add_done_callback, &cb, 1) ? 0 : -1;
}

/* The future an argument stands for: the one an earlier equal argument got, or a new one.
 * CPython keys a dict by the arguments; core futures hash and compare by identity, so for
 * them a mark bit does (cleared when the call ends), and the dict only holds the others. */
static Value child_for(VM *vm, Gather *g, Dict **seen, Value arg) {
    Value fut = VNULL;
    AState *st = astate(vm);
    Type *at = type_of(vm, arg);
    bool core = at == st->t_future || at == st->t_task || at == st->t_gather;   /* its own child */
    if (core && ((Future *)arg)->mark) return arg;
    if (!core && *seen) {
        int found = dict_get(vm, *seen, arg, &fut);
        if (found) return found < 0 ? VNULL : fut;
    }
    bool new_task = false;
    fut = ensure_future_on(vm, arg, g->fut.loop ? g->fut.loop : VNULL, &new_task);
    if (!fut) return VNULL;
    if (!g->fut.loop) { g->fut.loop = child_loop(vm, fut); if (!g->fut.loop) return VNULL; }
    if (new_task && ((Future *)fut)->kind == FK_TASK) ((Future *)fut)->quiet = 1;   /* _log_destroy_pending = False */
    g->nfuts++;
    if (core) ((Future *)arg)->mark = 1;
    else {
        if (!*seen && !(*seen = dict_new(vm))) return VNULL;
        if (dict_set(vm, *seen, arg, fut) < 0) return VNULL;
    }
    return add_child_callback(vm, g, fut) < 0 ? VNULL : fut;
}

static Value gather_m(VM *vm, Value *a, int n, Value kwnames) {
    AState *st = astate(vm);
    bool ret_exc = false;
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    for (int i = 0; i < nkw; i++) {
        const char *kn = str_cstr(as_tuple(kwnames)->items[i]);
        if (strcmp(kn, "return_exceptions"))
            return vm_raise(vm, vm->e_TypeError, "gather() got an unexpected keyword argument '%s'", kn);
        int t = vm_truthy(vm, a[n + i]);
        if (t < 0) return VNULL;
        ret_exc = t;
    }
    if (n == 0) {
        Loop *rl = running_loop(vm);
        Value loop = rl ? v_from_obj(rl) : loop_get_event_loop(vm);
        Value outer = loop ? future_new(vm, loop) : VNULL;
        Value empty = outer ? list_new(vm, 0) : VNULL;
        if (!empty || future_set_result(vm, (Future *)outer, empty) < 0) return VNULL;
        return outer;
    }
    Gather *g = gc_alloc(vm, st->t_gather, sizeof(Gather));
    if (!g) return VNULL;
    g->fut.result = vm->none;
    g->return_exceptions = ret_exc;
    g->children = list_new(vm, n);
    if (!g->children) return VNULL;
    Dict *seen = NULL;
    Value err = VNULL;
    for (int i = 0; i < n && !err; i++) {
        Value fut = child_for(vm, g, &seen, a[i]);
        if (!fut || list_append(vm, g->children, fut) < 0) err = vm->exc ? vm->exc : v_from_int(0);
    }
    for (int i = 0; i < n; i++) {
        Type *at = type_of(vm, a[i]);
        if (at == st->t_future || at == st->t_task || at == st->t_gather) ((Future *)a[i])->mark = 0;
    }
    GC_KEEP(seen);
    return err ? VNULL : v_from_obj(g);
}

/* ---- _GatheringFuture methods ---- */

#define SELF ((Gather *)a[0])

/* cancel() cancels the children instead; the outer future then fails with CancelledError. */
static Value gather_cancel_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "msg", NULL };
    Value msg = VNULL;
    if (vm_parse_args(vm, "cancel", a + 1, n - 1, k, names, 0, 0, &msg) < 0) return VNULL;
    if (!msg) msg = vm->none;
    Gather *g = SELF;
    if (g->fut.state != FUT_PENDING) return vm->false_;
    bool ret = false;
    Value kw = tuple_pack(vm, 1, vm->s_msg);
    if (!kw) return VNULL;
    List *ch = as_list(g->children);
    for (int64_t i = 0; i < ch->n; i++) {
        Value m = vm_getattr(vm, ch->items[i], vm->s_cancel);
        Value r = m ? vm_call(vm, m, &msg, 0, kw) : VNULL;
        int t = r ? vm_truthy(vm, r) : -1;
        if (t < 0) return VNULL;
        if (t) ret = true;
    }
    GC_KEEP(g->children);
    if (ret) g->cancel_requested = 1;   /* propagate the cancellation whatever return_exceptions says */
    return vm_bool(vm, ret);
}

static Value gather_children_get(VM *vm, Value *a, int n, Value k) { return SELF->children ? SELF->children : vm->none; }
static Value gather_cancel_requested_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->cancel_requested); }

void gather_types_init(VM *vm, AState *st, Value module) {
    Type *t = type_new_builtin(vm, "_GatheringFuture", st->t_future, sizeof(Gather), 0);
    t->trace = gather_trace;
    t->on_collect = future_on_collect;
    t->am_send = future_am_send;
    type_set_attr(vm, t, "__module__", str_from_cstr(vm, "asyncio.tasks"));
    type_add_method(vm, t, "cancel", gather_cancel_m);
    type_add_property(vm, t, "_children", gather_children_get, NULL);
    type_add_property(vm, t, "_cancel_requested", gather_cancel_requested_get, NULL);
    st->t_gather = t;
    Type *nt = type_new_builtin(vm, "_gather_note", vm->t_object, sizeof(GNote), 0);
    nt->trace = note_trace;
    st->t_gnote = nt;
    module_add(vm, module, "_GatheringFuture", v_from_obj(t));
    module_add_fn(vm, module, "gather", gather_m);
}
