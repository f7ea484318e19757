/* loop.c — the event loop: ready queue (intrusive FIFO), timers (timers.c), epoll for fds
 * with an eventfd for wake-ups from other threads (both created lazily; no epoll_wait while
 * no fd is registered), the run loop, Handles, and the exception handler's reports.
 *
 * One iteration (_run_once, as CPython's): wait for I/O or the first timer (or, under the
 * virtual clock, jump to it), move expired timers to the ready queue, then run exactly the
 * entries that were ready when the iteration started. Ready entries are Handles (callbacks),
 * Tasks (a step) and Sleeps (a timer that completes its future). */
#include "stdlib/asyncio/asyncio.h"
#include "vm/clock.h"
#include "vm/interp.h"
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <errno.h>
#include <math.h>
#include <time.h>
#include <string.h>

/* ---- ready queue ---- */

void rq_push(ReadyQueue *q, QNode *node) {
    node->qnext = NULL;
    if (q->last) q->last->qnext = node;
    else q->first = node;
    q->last = node;
    q->n++;
}

QNode *rq_pop(ReadyQueue *q) {
    QNode *n = q->first;
    if (!n) return NULL;
    q->first = n->qnext;
    if (!q->first) q->last = NULL;
    n->qnext = NULL;
    q->n--;
    return n;
}

void rq_trace(GC *gc, ReadyQueue *q) {
    for (QNode *n = q->first; n; n = n->qnext) gc_mark_obj(gc, n);
}

/* ---- the loop object ---- */

static void loop_trace(GC *gc, Obj *o) {
    Loop *l = (Loop *)o;
    rq_trace(gc, &l->ready);
    timers_trace(gc, &l->timers);
    for (Task *t = l->tasks; t; t = t->next) gc_mark_obj(gc, t);
    gc_mark(gc, l->current_task);
    gc_mark(gc, l->exc_handler);
    gc_mark(gc, l->main_task);
    gc_mark(gc, l->fdmap);
    gc_mark(gc, l->task_factory);
}

static void close_fds(Loop *l) {
    if (l->evfd > 0) close(l->evfd);
    if (l->epfd > 0) close(l->epfd);
    l->evfd = l->epfd = 0;
    l->nfds = 0;
}

static void loop_finalize(Obj *o) {
    Loop *l = (Loop *)o;
    timers_free(&l->timers);
    close_fds(l);
}

Value loop_new(VM *vm) {
    Loop *l = gc_alloc(vm, astate(vm)->t_loop, sizeof(Loop));
    return l ? v_from_obj(l) : VNULL;
}

Loop *running_loop(VM *vm) { return vm->loop; }

Value get_running_loop_or_raise(VM *vm) {
    if (!vm->loop) return vm_raise(vm, vm->e_RuntimeError, "no running event loop");
    return v_from_obj(vm->loop);
}

/* get_event_loop(): the running loop, else the one set for this thread (created on demand). */
Value loop_get_event_loop(VM *vm) {
    if (vm->loop) return v_from_obj(vm->loop);
    AState *st = astate(vm);
    if (!st->event_loop || st->event_loop == vm->none) {
        Value l = loop_new(vm);
        if (!l) return VNULL;
        st->event_loop = l;
    }
    return st->event_loop;
}

int loop_check_closed(VM *vm, Loop *l) {
    if (l->closed) { vm_raise(vm, vm->e_RuntimeError, "Event loop is closed"); return -1; }
    return 0;
}

void loop_add_task(Loop *l, Task *t) {
    t->prev = NULL;
    t->next = l->tasks;
    if (l->tasks) l->tasks->prev = t;
    l->tasks = t;
    t->fut.in_list = 1;
    l->ntasks++;
}

void loop_remove_task(Loop *l, Task *t) {
    if (!t->fut.in_list) return;
    if (t->prev) t->prev->next = t->next;
    else l->tasks = t->next;
    if (t->next) t->next->prev = t->prev;
    t->prev = t->next = NULL;
    t->fut.in_list = 0;
    l->ntasks--;
}

void loop_schedule_task(VM *vm, Loop *l, Task *t) {
    if (t->fut.queued) return;
    t->fut.queued = 1;
    rq_push(&l->ready, &t->fut.q);
}

static bool timer_dead(Obj *o, void *ctx) {
    AState *st = ctx;
    if (o->type == st->t_timerhandle) return ((Handle *)o)->cancelled;
    return ((Future *)o)->state != FUT_PENDING;
}

int loop_add_timer(VM *vm, Loop *l, int64_t when_ns, Obj *obj) {
    TimerHeap *h = &l->timers;
    /* cancelled entries stay until they reach the top; sweep them when they could dominate */
    if (h->n >= 1024 && h->n == h->cap) timers_compact(h, timer_dead, astate(vm));
    if (timers_push(h, when_ns, obj) < 0) { vm_nomem(vm); return -1; }
    return 0;
}

/* ---- handles ---- */

static void handle_trace(GC *gc, Obj *o) {
    Handle *h = (Handle *)o;
    gc_mark_obj(gc, h->q.qnext);
    gc_mark(gc, h->callback);
    gc_mark(gc, h->args);
    gc_mark(gc, h->loop);
}

static Value handle_new(VM *vm, Loop *l, Value cb, Value args, bool timer) {
    AState *st = astate(vm);
    Handle *h = gc_alloc(vm, timer ? st->t_timerhandle : st->t_handle, sizeof(Handle));
    if (!h) return VNULL;
    h->callback = cb;
    h->args = args ? args : vm->empty_tuple;
    h->loop = v_from_obj(l);
    h->timer = timer;
    return v_from_obj(h);
}

Value loop_call_soon(VM *vm, Loop *l, Value cb, Value args) {
    Value h = handle_new(vm, l, cb, args, false);
    if (!h) return VNULL;
    rq_push(&l->ready, (QNode *)h);
    return h;
}

/* reprlib-style argument reprs: strings over 30 characters are abbreviated */
static Value arg_repr(VM *vm, Value v) {
    Value r = vm_repr(vm, v);
    if (!r || !isinst(vm, v, vm->t_str)) return r;
    Str *s = as_str(r);
    if (s->cplen <= 30 || s->len != s->cplen) return r;
    return str_printf(vm, "%.13s...%s", s->data, s->data + s->len - 14);
}

/* CPython's format_helpers._format_callback_source: "name(args) at file:line". */
Value callback_repr(VM *vm, Value cb, Value args) {
    Value fn = cb;
    if (type_of(vm, fn) == vm->t_method) fn = ((BoundMethod *)fn)->func;
    Value name = vm_getattr_opt(vm, cb, vm->s___qualname__);
    if (!name || !isinst(vm, name, vm->t_str)) { vm_clear_exc(vm); name = vm_getattr_opt(vm, cb, vm->s___name__); }
    if (!name || !isinst(vm, name, vm->t_str)) { vm_clear_exc(vm); name = vm_repr(vm, cb); if (!name) return VNULL; }
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(", str_cstr(name));
    Tuple *t = as_tuple(args);
    for (int64_t i = 0; i < t->n; i++) {
        Value r = arg_repr(vm, t->items[i]);
        if (!r) { sb_free(&sb); return VNULL; }
        sb_printf(&sb, "%s%s", i ? ", " : "", str_cstr(r));
    }
    sb_adds(&sb, ")");
    if (type_of(vm, fn) == vm->t_function) {
        Code *c = ((Func *)fn)->code;
        sb_printf(&sb, " at %s:%d", str_cstr(c->filename), c->firstline);
    }
    Value out = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return out;
}

static Value handle_repr(VM *vm, Handle *h) {
    const char *cls = h->timer ? "TimerHandle" : "Handle";
    Value when = vm->empty_str;
    if (h->timer) {
        Value w = float_repr(vm, h->when);
        if (!w) return VNULL;
        when = str_printf(vm, " when=%s", str_cstr(w));
    }
    if (h->cancelled) return str_printf(vm, "<%s cancelled%s>", cls, str_cstr(when));
    Value cb = callback_repr(vm, h->callback, h->args);
    if (!cb) return VNULL;
    return str_printf(vm, "<%s%s %s>", cls, str_cstr(when), str_cstr(cb));
}

/* Run a handle's callback; -1 only for KeyboardInterrupt/SystemExit. */
static int handle_run(VM *vm, Handle *h) {
    if (h->cancelled) return 0;
    Tuple *a = as_tuple(h->args);
    Value r = vm_call(vm, h->callback, a->items, (int)a->n, VNULL);
    if (r) return 0;
    Value e = vm->exc;
    if (isinst(vm, e, vm->e_KeyboardInterrupt) || isinst(vm, e, vm->e_SystemExit)) return -1;
    vm_clear_exc(vm);
    Value cbr = callback_repr(vm, h->callback, h->args);
    Value msg = cbr ? str_printf(vm, "Exception in callback %s", str_cstr(cbr)) : VNULL;
    Dict *ctx = dict_new(vm);
    if (!msg || !ctx) { vm_clear_exc(vm); return 0; }
    dict_set_cstr(vm, ctx, "message", msg);
    dict_set_cstr(vm, ctx, "exception", e);
    dict_set_cstr(vm, ctx, "handle", v_from_obj(h));
    loop_call_exception_handler(vm, (Loop *)h->loop, v_from_obj(ctx));
    return 0;
}

/* ---- exception reports ---- */

static void print_report(VM *vm, const char *message, Value *keys, Value *vals, int n, Value exc) {
    fflush(stdout);
    if (vm->sys_stdout) { vm_call_method(vm, vm->sys_stdout, vm->s_flush, NULL, 0); vm_clear_exc(vm); }
    fprintf(stderr, "%s\n", message);
    for (int i = 0; i < n; i++) {
        Value r = vm_repr(vm, vals[i]);
        if (!r) { vm_clear_exc(vm); continue; }
        fprintf(stderr, "%s: %s\n", str_cstr(keys[i]), str_cstr(r));
    }
    if (exc) vm_print_exception(vm, exc, stderr);
    fflush(stderr);
}

/* A report from C with one context entry (no handler call: used at collection too). */
void loop_report(VM *vm, Loop *l, const char *message, Value exc, const char *key, Value obj) {
    Value saved = vm->exc;
    vm->exc = VNULL;
    Value k = str_from_cstr(vm, key);
    if (k) print_report(vm, message, &k, &obj, 1, exc);
    vm->exc = saved;
}

static int key_cmp(const void *a, const void *b) {
    return strcmp(str_cstr(*(const Value *)a), str_cstr(*(const Value *)b));
}

static void default_handler(VM *vm, Value context) {
    Dict *d = (Dict *)context;
    Value msg = dict_get_cstr(vm, d, "message");
    Value exc = dict_get_cstr(vm, d, "exception");
    vm_clear_exc(vm);
    Value keys[16], vals[16];
    int n = 0;
    int64_t pos = 0;
    Value k, v;
    while (n < 16 && dict_next(d, &pos, &k, &v)) {
        if (!isinst(vm, k, vm->t_str)) continue;
        if (!strcmp(str_cstr(k), "message") || !strcmp(str_cstr(k), "exception")) continue;
        keys[n] = k; vals[n] = v; n++;
    }
    qsort(keys, (size_t)n, sizeof(Value), key_cmp);
    for (int i = 0; i < n; i++) vals[i] = dict_get_str(d, keys[i]) ? dict_get_str(d, keys[i]) : dict_get_cstr(vm, d, str_cstr(keys[i]));
    vm_clear_exc(vm);
    Value m = msg && isinst(vm, msg, vm->t_str) && as_str(msg)->len ? msg : VNULL;
    print_report(vm, m ? str_cstr(m) : "Unhandled exception in event loop", keys, vals, n,
                 exc && exc != vm->none ? exc : VNULL);
}

void loop_call_exception_handler(VM *vm, Loop *l, Value context) {
    if (!l->exc_handler || l->exc_handler == vm->none) { default_handler(vm, context); return; }
    Value args[2] = { v_from_obj(l), context };
    if (vm_call(vm, l->exc_handler, args, 2, VNULL)) return;
    Value e = vm->exc;
    vm_clear_exc(vm);
    if (isinst(vm, e, vm->e_KeyboardInterrupt) || isinst(vm, e, vm->e_SystemExit)) { vm->exc = e; return; }
    Dict *d = dict_new(vm);
    if (!d) { vm_clear_exc(vm); return; }
    dict_set_cstr(vm, d, "message", str_from_cstr(vm, "Unhandled error in exception handler"));
    dict_set_cstr(vm, d, "exception", e);
    dict_set_cstr(vm, d, "context", context);
    default_handler(vm, v_from_obj(d));
}

/* ---- polling ---- */

static int ensure_epoll(Loop *l) {
    if (l->epfd > 0) return 0;
    l->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (l->epfd < 0) { l->epfd = 0; return -1; }
    l->evfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (l->evfd < 0) { l->evfd = 0; return -1; }
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = l->evfd };
    if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, l->evfd, &ev) < 0) return -1;
    l->nfds++;
    return 0;
}

/* Wake the loop from another thread (call_soon_threadsafe). */
static void loop_wakeup(Loop *l) {
    if (l->evfd > 0) { uint64_t one = 1; ssize_t w = write(l->evfd, &one, sizeof one); (void)w; }
}

/* ---- file descriptors (add_reader / add_writer) ---- */

static Value fd_entry(VM *vm, Loop *l, int fd, bool create) {
    if (!l->fdmap) {
        if (!create) return VNULL;
        l->fdmap = dict_new_v(vm);
        if (!l->fdmap) return VNULL;
    }
    Value e;
    int r = dict_get(vm, (Dict *)l->fdmap, v_from_int(fd), &e);
    if (r == 1) return e;
    if (r < 0 || !create) return VNULL;
    e = list_new(vm, 2);
    if (!e || list_append(vm, e, vm->none) < 0 || list_append(vm, e, vm->none) < 0) return VNULL;
    if (dict_set(vm, (Dict *)l->fdmap, v_from_int(fd), e) < 0) return VNULL;
    return e;
}

/* Tell epoll what fd now waits for (EPOLLIN for a reader, EPOLLOUT for a writer). */
static int fd_update(VM *vm, Loop *l, int fd, Value e, bool was_registered) {
    Value *it = as_list(e)->items;
    uint32_t events = (it[0] != vm->none ? EPOLLIN : 0) | (it[1] != vm->none ? EPOLLOUT : 0);
    struct epoll_event ev = { .events = events, .data.fd = fd };
    int rc;
    if (!events) {
        rc = epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, &ev);
        l->nfds--;
        dict_del(vm, (Dict *)l->fdmap, v_from_int(fd));
    } else {
        rc = epoll_ctl(l->epfd, was_registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev);
        if (!was_registered && rc == 0) l->nfds++;
    }
    if (rc < 0) { vm_raise(vm, vm->e_OSError, "[Errno %d] %s", errno, strerror(errno)); return -1; }
    return 0;
}

static void fd_ready(VM *vm, Loop *l, int fd, uint32_t events) {
    Value e = fd_entry(vm, l, fd, false);
    if (!e) { vm_clear_exc(vm); return; }
    Value *it = as_list(e)->items;
    for (int w = 0; w < 2; w++) {
        uint32_t want = (w ? EPOLLOUT : EPOLLIN) | EPOLLHUP | EPOLLERR;
        QNode *h = it[w] != vm->none ? (QNode *)it[w] : NULL;
        /* still queued from an interrupted batch: a node sits in the queue only once */
        if (h && (events & want) && !h->qnext && l->ready.last != h) rq_push(&l->ready, h);
    }
}

static int fd_of(VM *vm, Value v, int *fd) {
    int64_t i;
    if (v_is_int(v)) i = v_int(v);
    else {
        Value f = vm_call_method(vm, v, str_intern_cstr(vm, "fileno"), NULL, 0);
        if (!f) return -1;
        if (!v_is_int(f)) { vm_raise(vm, vm->e_TypeError, "fileno() returned a non-integer"); return -1; }
        i = v_int(f);
    }
    if (i < 0 || i > INT32_MAX) { vm_raise(vm, vm->e_ValueError, "Invalid file descriptor: %lld", (long long)i); return -1; }
    *fd = (int)i;
    return 0;
}

static Value handle_new(VM *vm, Loop *l, Value cb, Value args, bool timer);
static Value rest_args(VM *vm, Value *a, int from, int n);

static Value add_fd(VM *vm, Value *a, int n, int which, const char *name) {
    Loop *l = (Loop *)a[0];
    if (n < 3) return vm_raise(vm, vm->e_TypeError, "%s() missing required positional arguments", name);
    int fd;
    if (loop_check_closed(vm, l) < 0 || fd_of(vm, a[1], &fd) < 0) return VNULL;
    if (ensure_epoll(l) < 0) return vm_raise(vm, vm->e_OSError, "[Errno %d] %s", errno, strerror(errno));
    Value args = rest_args(vm, a, 3, n);
    Value h = args ? handle_new(vm, l, a[2], args, false) : VNULL;
    Value e = h ? fd_entry(vm, l, fd, true) : VNULL;
    if (!e) return VNULL;
    Value *it = as_list(e)->items;
    bool was = it[0] != vm->none || it[1] != vm->none;
    if (it[which] != vm->none) ((Handle *)it[which])->cancelled = 1;
    it[which] = h;
    if (fd_update(vm, l, fd, e, was) < 0) { it[which] = vm->none; return VNULL; }
    return vm->none;
}

static Value remove_fd(VM *vm, Value *a, int n, int which) {
    Loop *l = (Loop *)a[0];
    int fd;
    if (n < 2 || fd_of(vm, a[1], &fd) < 0) return n < 2 ? vm_raise(vm, vm->e_TypeError, "missing fd") : VNULL;
    Value e = fd_entry(vm, l, fd, false);
    if (!e) { vm_clear_exc(vm); return vm->false_; }
    Value *it = as_list(e)->items;
    if (it[which] == vm->none) return vm->false_;
    ((Handle *)it[which])->cancelled = 1;
    it[which] = vm->none;
    if (fd_update(vm, l, fd, e, true) < 0) return VNULL;
    return vm->true_;
}

static Value loop_add_reader_m(VM *vm, Value *a, int n, Value k) { return add_fd(vm, a, n, 0, "add_reader"); }
static Value loop_add_writer_m(VM *vm, Value *a, int n, Value k) { return add_fd(vm, a, n, 1, "add_writer"); }
static Value loop_remove_reader_m(VM *vm, Value *a, int n, Value k) { return remove_fd(vm, a, n, 0); }
static Value loop_remove_writer_m(VM *vm, Value *a, int n, Value k) { return remove_fd(vm, a, n, 1); }

/* Wait up to timeout_ns (-1: forever) for I/O or the clock. */
static void loop_poll(VM *vm, Loop *l, int64_t timeout_ns) {
    if (l->nfds > 0) {
        int ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000);
        if (vm->config.virtual_time && ms > 0) ms = 0;
        struct epoll_event evs[64];
        int n = epoll_wait(l->epfd, evs, 64, ms);
        for (int i = 0; i < n; i++) {
            if (evs[i].data.fd == l->evfd) { uint64_t x; ssize_t r = read(l->evfd, &x, sizeof x); (void)r; continue; }
            fd_ready(vm, l, evs[i].data.fd, evs[i].events);
        }
        if (n > 0 || !vm->config.virtual_time) return;
    }
    if (timeout_ns == 0) return;
    if (vm->config.virtual_time && timeout_ns > 0) { clock_advance_to(vm, clock_now_ns(vm) + timeout_ns); return; }
    if (timeout_ns < 0) {
        /* nothing can ever be ready: wait for Ctrl-C, as CPython blocks in select() */
        while (!vm->interrupt) { struct timespec ts = { 1, 0 }; nanosleep(&ts, NULL); }
        return;
    }
    struct timespec ts = { timeout_ns / 1000000000, timeout_ns % 1000000000 };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) if (vm->interrupt) break;
}

/* Ctrl-C while the loop runs: cancel asyncio.run's main task (its finally blocks run, then
 * run() raises KeyboardInterrupt), or leave the loop with KeyboardInterrupt. */
static int take_interrupt(VM *vm, Loop *l) {
    if (!vm->interrupt) return 0;
    vm->interrupt = 0;
    l->interrupted++;
    if (l->main_task && ((Future *)l->main_task)->state == FUT_PENDING) {
        task_cancel(vm, (Task *)l->main_task, vm->none);
        return 0;
    }
    vm_raise(vm, vm->e_KeyboardInterrupt, "%s", "");
    ExcObj *e = (ExcObj *)vm->exc;
    if (e) e->args = vm->empty_tuple;
    return -1;
}

/* Run one ready entry; -1 when a KeyboardInterrupt/SystemExit must leave the loop. */
static int run_entry(VM *vm, Loop *l, QNode *n) {
    AState *st = astate(vm);
    Type *t = n->head.type;
    if (t == st->t_handle || t == st->t_timerhandle) return handle_run(vm, (Handle *)n);
    if (t == st->t_gnote) return gather_note_run(vm, n);
    Future *f = (Future *)n;
    if (f->kind == FK_SLEEP) { f->q.qnext = NULL; sleep_fire(vm, (Sleep *)f); return 0; }
    if (f->state != FUT_PENDING && gather_is_task_note(vm, (Task *)f)) return gather_note_run(vm, n);
    task_run(vm, (Task *)f);
    return vm->exc ? -1 : 0;
}

int task_fatal(VM *vm) { return -1; }   /* the exception stays set; run_entry sees it */

/* A spent step budget ends the loop at once, even when a task caught it as its own error:
 * nothing else may run (no other task, no callback, no cleanup) */
static int budget_stop(VM *vm) {
    if (!vm->exc) vm_raise(vm, vm->e_RuntimeError, "step budget exhausted");
    return -1;
}

static int run_once(VM *vm, Loop *l) {
    if (take_interrupt(vm, l) < 0) return -1;
    TimerHeap *th = &l->timers;
    AState *st = astate(vm);
    while (th->n && timer_dead(th->items[0].obj, st)) timers_pop(th);
    int64_t timeout = -1;
    if (l->ready.n || l->stopping) timeout = 0;
    else if (th->n) {
        timeout = th->items[0].when - clock_now_ns(vm);
        if (timeout < 0) timeout = 0;
    }
    if (timeout < 0 && l->nfds == 0 && vm->config.step_budget) {
        /* nothing can ever wake this loop: CPython would block forever, but a VM with a step
         * budget runs untrusted code that must not hang its host, so the budget is spent */
        vm->config.step_budget = 0;
        vm->budget_spent = 1;
        return budget_stop(vm);
    }
    if (timeout != 0 || l->nfds > 0) loop_poll(vm, l, timeout);
    if (take_interrupt(vm, l) < 0) return -1;
    if (th->n) {
        int64_t now = clock_now_ns(vm);
        while (th->n && th->items[0].when <= now) {
            TimerEntry e = timers_pop(th);
            if (timer_dead(e.obj, st)) continue;
            if (e.obj->type == st->t_timerhandle) ((Handle *)e.obj)->scheduled = 0;
            rq_push(&l->ready, (QNode *)e.obj);
        }
    }
    for (int64_t todo = l->ready.n; todo > 0; todo--) {
        QNode *n = rq_pop(&l->ready);
        if (!n) break;
        if (run_entry(vm, l, n) < 0) return -1;
        if (vm->budget_spent) return budget_stop(vm);
    }
    return 0;
}

static int run_forever(VM *vm, Loop *l) {
    if (loop_check_closed(vm, l) < 0) return -1;
    if (l->running) { vm_raise(vm, vm->e_RuntimeError, "This event loop is already running"); return -1; }
    if (vm->loop) { vm_raise(vm, vm->e_RuntimeError, "Cannot run the event loop while another loop is running"); return -1; }
    vm->loop = l;
    l->running = 1;
    int rc = 0;
    for (;;) {
        if (run_once(vm, l) < 0) { rc = -1; break; }
        if (l->stopping) break;
    }
    l->stopping = 0;
    l->running = 0;
    vm->loop = NULL;
    return rc;
}

static bool all_done(Value list) {
    for (int64_t i = 0; i < as_list(list)->n; i++)
        if (((Future *)as_list(list)->items[i])->state == FUT_PENDING) return false;
    return true;
}

/* Run the loop until every future in `list` is done (asyncio.run's final cancellation). */
int loop_run_until_done(VM *vm, Loop *l, Value list) {
    if (loop_check_closed(vm, l) < 0) return -1;
    Loop *prev = vm->loop;
    vm->loop = l;
    l->running = 1;
    int rc = 0;
    while (!all_done(list)) if (run_once(vm, l) < 0) { rc = -1; break; }
    l->running = 0;
    l->stopping = 0;
    vm->loop = prev;
    return rc;
}

static void remove_callback(VM *vm, Value fut, Value cb) {
    if (is_future(vm, fut)) {
        Future *f = (Future *)fut;
        if (!f->callbacks) return;
        if (!f->multi) { if (f->callbacks == cb) f->callbacks = VNULL; return; }
        List *li = as_list(f->callbacks);
        int64_t keep = 0;
        for (int64_t i = 0; i < li->n; i++) if (li->items[i] != cb) li->items[keep++] = li->items[i];
        li->n = keep;
        return;
    }
    if (!vm_call_method(vm, fut, str_intern_cstr(vm, "remove_done_callback"), &cb, 1)) vm_clear_exc(vm);
}

static Value loop_stop_m(VM *vm, Value *a, int n, Value k);

Value ensure_future_on(VM *vm, Value obj, Value loop, bool *new_task);

Value loop_run_until_complete(VM *vm, Loop *l, Value fut) {
    if (loop_check_closed(vm, l) < 0) return VNULL;
    if (l->running) return vm_raise(vm, vm->e_RuntimeError, "This event loop is already running");
    bool new_task = false;
    fut = ensure_future_on(vm, fut, v_from_obj(l), &new_task);
    if (!fut) return VNULL;
    if (new_task && ((Future *)fut)->kind == FK_TASK) ((Future *)fut)->quiet = 1;
    Value cb = native_new(vm, "_run_until_complete_cb", loop_stop_m, v_from_obj(l));
    if (!cb) return VNULL;
    if (is_future(vm, fut)) {
        Future *f = (Future *)fut;
        if (f->state != FUT_PENDING) { Value args = tuple_pack(vm, 1, fut); if (!args || !loop_call_soon(vm, l, cb, args)) return VNULL; }
        else if (future_add_callback(vm, f, cb) < 0) return VNULL;
    } else if (!vm_call_method(vm, fut, vm->s_add_done_callback, &cb, 1)) return VNULL;
    int rc = run_forever(vm, l);
    remove_callback(vm, fut, cb);
    if (rc < 0) {
        if (new_task && is_future(vm, fut) && ((Future *)fut)->state == FUT_FINISHED) ((Future *)fut)->log_tb = 0;
        return VNULL;
    }
    if (is_future(vm, fut)) {
        Future *f = (Future *)fut;
        if (f->state == FUT_PENDING) return vm_raise(vm, vm->e_RuntimeError, "Event loop stopped before Future completed.");
        return future_result(vm, f);
    }
    return vm_call_method(vm, fut, vm->s_result, NULL, 0);
}

void loop_close(VM *vm, Loop *l) {
    if (l->closed) return;
    l->closed = 1;
    while (rq_pop(&l->ready)) {}
    l->timers.n = 0;
    l->fdmap = VNULL;
    close_fds(l);
}

/* ---- loop methods ---- */

#define SELF ((Loop *)a[0])

static Value loop_run_until_complete_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "run_until_complete", n - 1, k, 1, 1) < 0) return VNULL;
    return loop_run_until_complete(vm, SELF, a[1]);
}
static Value loop_run_forever_m(VM *vm, Value *a, int n, Value k) {
    return run_forever(vm, SELF) < 0 ? VNULL : vm->none;
}
static Value loop_stop_m(VM *vm, Value *a, int n, Value k) {
    SELF->stopping = 1;
    return vm->none;
}
static Value loop_close_m(VM *vm, Value *a, int n, Value k) {
    if (SELF->running) return vm_raise(vm, vm->e_RuntimeError, "Cannot close a running event loop");
    loop_close(vm, SELF);
    return vm->none;
}
static Value loop_is_running_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->running); }
static Value loop_is_closed_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->closed); }
static Value loop_time_m(VM *vm, Value *a, int n, Value k) { return float_new(vm, clock_now(vm)); }

static int check_callback(VM *vm, Value cb, const char *meth) {
    if (vm_callable(vm, cb)) return 0;
    if (is_coroutine(vm, cb) || (type_of(vm, cb) == vm->t_coroutine))
        vm_raise(vm, vm->e_TypeError, "coroutines cannot be used with %s()", meth);
    else {
        Value r = vm_repr(vm, cb);
        if (r) vm_raise(vm, vm->e_TypeError, "a callable object was expected by %s(), got %s", meth, str_cstr(r));
    }
    return -1;
}

static Value rest_args(VM *vm, Value *a, int from, int n) {
    Value t = tuple_new(vm, n > from ? n - from : 0);
    if (!t) return VNULL;
    for (int i = from; i < n; i++) as_tuple(t)->items[i - from] = a[i];
    return t;
}

static Value loop_call_soon_m(VM *vm, Value *a, int n, Value k) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "call_soon() missing 1 required positional argument: 'callback'");
    if (loop_check_closed(vm, SELF) < 0 || check_callback(vm, a[1], "call_soon") < 0) return VNULL;
    Value args = rest_args(vm, a, 2, n);
    return args ? loop_call_soon(vm, SELF, a[1], args) : VNULL;
}
static Value loop_call_soon_threadsafe_m(VM *vm, Value *a, int n, Value k) {
    Value h = loop_call_soon_m(vm, a, n, k);
    if (h) { ensure_epoll(SELF); loop_wakeup(SELF); }
    return h;
}

static Value call_at(VM *vm, Loop *l, double when, Value cb, Value args) {
    Value h = handle_new(vm, l, cb, args, true);
    if (!h) return VNULL;
    ((Handle *)h)->when = when;
    ((Handle *)h)->scheduled = 1;
    double ns = when * 1e9;
    int64_t w = ns > 9e18 ? INT64_MAX / 2 : ns < -9e18 ? INT64_MIN / 2 : (int64_t)llround(ns);
    if (loop_add_timer(vm, l, w, (Obj *)h) < 0) return VNULL;
    return h;
}

static Value loop_call_later_m(VM *vm, Value *a, int n, Value k) {
    if (n < 3) return vm_raise(vm, vm->e_TypeError, "call_later() missing required positional arguments");
    double d;
    if (vm_to_double(vm, a[1], &d) < 0) return VNULL;
    if (loop_check_closed(vm, SELF) < 0 || check_callback(vm, a[2], "call_later") < 0) return VNULL;
    Value args = rest_args(vm, a, 3, n);
    if (!args) return VNULL;
    /* computed in ns so that equal delays scheduled at one instant tie exactly */
    Value h = call_at(vm, SELF, clock_now(vm) + d, a[2], args);
    return h;
}
static Value loop_call_at_m(VM *vm, Value *a, int n, Value k) {
    if (n < 3) return vm_raise(vm, vm->e_TypeError, "call_at() missing required positional arguments");
    double w;
    if (vm_to_double(vm, a[1], &w) < 0) return VNULL;
    if (loop_check_closed(vm, SELF) < 0 || check_callback(vm, a[2], "call_at") < 0) return VNULL;
    Value args = rest_args(vm, a, 3, n);
    return args ? call_at(vm, SELF, w, a[2], args) : VNULL;
}
static Value loop_create_future_m(VM *vm, Value *a, int n, Value k) { return future_new(vm, a[0]); }
static Value loop_create_task_m(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "coro", "name", "context", NULL };
    Value out[3] = { VNULL, VNULL, VNULL };
    if (vm_parse_args(vm, "create_task", a + 1, n - 1, k, names, 1, 0, out) < 0) return VNULL;
    if (SELF->closed) {
        if (type_of(vm, out[0]) == vm->t_coroutine) gen_close(vm, out[0]);
        return vm_raise(vm, vm->e_RuntimeError, "Event loop is closed");
    }
    return loop_make_task(vm, SELF, out[0], out[1]);
}

/* The task factory, if one is set, makes the task; the name is then given by set_name. */
Value loop_make_task(VM *vm, Loop *l, Value coro, Value name) {
    if (!l->task_factory) return task_new(vm, v_from_obj(l), coro, name);
    Value args[2] = { v_from_obj(l), coro };
    Value t = vm_call(vm, l->task_factory, args, 2, VNULL);
    if (t && name && name != vm->none && !vm_call_method(vm, t, str_intern_cstr(vm, "set_name"), &name, 1)) return VNULL;
    return t;
}
static Value loop_set_task_factory_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "set_task_factory", n - 1, k, 1, 1) < 0) return VNULL;
    if (a[1] != vm->none && !vm_callable(vm, a[1])) return vm_raise(vm, vm->e_TypeError, "task factory must be a callable or None");
    SELF->task_factory = a[1] == vm->none ? VNULL : a[1];
    return vm->none;
}
static Value loop_get_task_factory_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "get_task_factory", n - 1, k, 0, 0) < 0) return VNULL;
    return SELF->task_factory ? SELF->task_factory : vm->none;
}
static Value loop_call_exception_handler_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "call_exception_handler", n - 1, k, 1, 1) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_dict)) return vm_raise(vm, vm->e_TypeError, "context must be a dict");
    loop_call_exception_handler(vm, SELF, a[1]);
    return vm->exc ? VNULL : vm->none;
}
static Value loop_default_exception_handler_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "default_exception_handler", n - 1, k, 1, 1) < 0) return VNULL;
    default_handler(vm, a[1]);
    return vm->none;
}
static Value loop_set_exception_handler_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "set_exception_handler", n - 1, k, 1, 1) < 0) return VNULL;
    if (a[1] != vm->none && !vm_callable(vm, a[1])) {
        Value r = vm_repr(vm, a[1]);
        return r ? vm_raise(vm, vm->e_TypeError, "A callable object or None is expected, got %s", str_cstr(r)) : VNULL;
    }
    SELF->exc_handler = a[1];
    return vm->none;
}
static Value loop_get_exception_handler_m(VM *vm, Value *a, int n, Value k) {
    return SELF->exc_handler ? SELF->exc_handler : vm->none;
}
static Value loop_get_debug_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, SELF->debug); }
static Value loop_set_debug_m(VM *vm, Value *a, int n, Value k) {
    int t = n > 1 ? vm_truthy(vm, a[1]) : 0;
    if (t < 0) return VNULL;
    SELF->debug = (uint8_t)t;
    return vm->none;
}
/* coroutine methods that have nothing to do here: an already-finished awaitable */
static Value loop_done_awaitable_m(VM *vm, Value *a, int n, Value k) {
    Value f = future_new(vm, a[0]);
    if (f) ((Future *)f)->state = FUT_FINISHED;
    return f;
}
static Value loop_repr_m(VM *vm, Value *a, int n, Value k) {
    return str_printf(vm, "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>", SELF->running ? "True" : "False",
                      SELF->closed ? "True" : "False", SELF->debug ? "True" : "False");
}

/* ---- handle methods ---- */

#define HSELF ((Handle *)a[0])
static Value handle_cancel_m(VM *vm, Value *a, int n, Value k) {
    Handle *h = HSELF;
    if (!h->cancelled) {
        h->cancelled = 1;
        h->callback = vm->none;
        h->args = vm->empty_tuple;
    }
    return vm->none;
}
static Value handle_cancelled_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, HSELF->cancelled); }
static Value handle_when_m(VM *vm, Value *a, int n, Value k) { return float_new(vm, HSELF->when); }
static Value handle_repr_m(VM *vm, Value *a, int n, Value k) { return handle_repr(vm, HSELF); }
static Value handle_run_m(VM *vm, Value *a, int n, Value k) { return handle_run(vm, HSELF) < 0 ? VNULL : vm->none; }
static Value handle_get_context_m(VM *vm, Value *a, int n, Value k) { return vm->none; }

void loop_types_init(VM *vm, AState *st) {
    Type *h = type_new_builtin(vm, "Handle", vm->t_object, sizeof(Handle), 0);
    h->trace = handle_trace;
    type_set_attr(vm, h, "__module__", str_from_cstr(vm, "asyncio.events"));
    type_add_method(vm, h, "cancel", handle_cancel_m);
    type_add_method(vm, h, "cancelled", handle_cancelled_m);
    type_add_method(vm, h, "__repr__", handle_repr_m);
    type_add_method(vm, h, "_run", handle_run_m);
    type_add_method(vm, h, "get_context", handle_get_context_m);
    st->t_handle = h;
    Type *th = type_new_builtin(vm, "TimerHandle", h, sizeof(Handle), 0);
    th->trace = handle_trace;
    type_set_attr(vm, th, "__module__", str_from_cstr(vm, "asyncio.events"));
    type_add_method(vm, th, "when", handle_when_m);
    st->t_timerhandle = th;

    Type *t = type_new_builtin(vm, "_UnixSelectorEventLoop", vm->t_object, sizeof(Loop), 0);
    t->trace = loop_trace;
    t->finalize = loop_finalize;
    type_set_attr(vm, t, "__module__", str_from_cstr(vm, "asyncio.unix_events"));
    static const struct { const char *name; NativeFn fn; } methods[] = {
        { "run_until_complete", loop_run_until_complete_m }, { "run_forever", loop_run_forever_m },
        { "stop", loop_stop_m }, { "close", loop_close_m }, { "is_running", loop_is_running_m },
        { "is_closed", loop_is_closed_m }, { "time", loop_time_m }, { "call_soon", loop_call_soon_m },
        { "call_soon_threadsafe", loop_call_soon_threadsafe_m }, { "call_later", loop_call_later_m },
        { "call_at", loop_call_at_m }, { "create_future", loop_create_future_m },
        { "create_task", loop_create_task_m }, { "set_task_factory", loop_set_task_factory_m },
        { "get_task_factory", loop_get_task_factory_m }, { "call_exception_handler", loop_call_exception_handler_m },
        { "default_exception_handler", loop_default_exception_handler_m },
        { "set_exception_handler", loop_set_exception_handler_m },
        { "get_exception_handler", loop_get_exception_handler_m }, { "get_debug", loop_get_debug_m },
        { "set_debug", loop_set_debug_m }, { "shutdown_asyncgens", loop_done_awaitable_m },
        { "shutdown_default_executor", loop_done_awaitable_m }, { "__repr__", loop_repr_m },
        { "add_reader", loop_add_reader_m }, { "add_writer", loop_add_writer_m },
        { "remove_reader", loop_remove_reader_m }, { "remove_writer", loop_remove_writer_m },
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) type_add_method(vm, t, methods[i].name, methods[i].fn);
    st->t_loop = t;
}

/* GC roots held by the asyncio core (vm.c calls this through a weak reference). */
void loop_mark_roots(VM *vm, GC *gc) {
    gc_mark_obj(gc, vm->loop);
}
