/* asyncio.h — internal header of the C asyncio core (the .c files of stdlib/asyncio): the layouts of
 * Future, Task, Handle and the event loop, the ready queue and timer heap they share, and the
 * per-VM module state. Only the asyncio C files (and tests/unit/test_loop.c) include it. */
#ifndef ASPEN_ASYNCIO_H
#define ASPEN_ASYNCIO_H

#include "vm/vm.h"

/* ---- ready queue: an intrusive FIFO ----
 * Every object that can be queued (Handle, Task) keeps its link right after the object
 * header, so the queue is two pointers and a push never allocates. */
typedef struct QNode { Obj head; struct QNode *qnext; } QNode;
typedef struct ReadyQueue { QNode *first, *last; int64_t n; } ReadyQueue;

void rq_push(ReadyQueue *q, QNode *node);
QNode *rq_pop(ReadyQueue *q);                  /* NULL when empty */
void rq_trace(GC *gc, ReadyQueue *q);

/* ---- timers: a binary min-heap ordered by (deadline ns, sequence) ----
 * Entries are values, so an object needs no heap index; cancelled entries are dropped when
 * they reach the top (or earlier, by timers_compact). */
typedef struct TimerEntry { int64_t when; uint64_t seq; Obj *obj; } TimerEntry;
typedef struct TimerHeap { TimerEntry *items; int64_t n, cap; uint64_t seq; } TimerHeap;

int timers_push(TimerHeap *h, int64_t when, Obj *obj);   /* -1: out of memory */
TimerEntry timers_pop(TimerHeap *h);                      /* n must be > 0 */
static inline const TimerEntry *timers_peek(const TimerHeap *h) { return h->n ? &h->items[0] : NULL; }
/* Drop every entry for which dead(obj) is true (keeps the heap order). */
void timers_compact(TimerHeap *h, bool (*dead)(Obj *obj, void *ctx), void *ctx);
void timers_trace(GC *gc, TimerHeap *h);
void timers_free(TimerHeap *h);

/* ---- waiter FIFOs: a ring of values in malloc'd memory (ring.c) ----
 * cap is 0 or a power of two, so positions wrap with a mask. The owner traces and frees it. */
typedef struct VRing { Value *buf; int64_t head, n, cap; } VRing;

int ring_push(VM *vm, VRing *r, Value v);      /* -1: MemoryError raised */
Value ring_pop(VRing *r);                      /* n must be > 0 */
static inline Value ring_at(const VRing *r, int64_t i) { return r->buf[(r->head + i) & (r->cap - 1)]; }
void ring_remove(VRing *r, Value v);           /* if present; keeps the others' order */
void ring_trace(GC *gc, VRing *r);

/* ---- Future / Task ---- */
enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED };

/* What few futures need: a cancel message, the CancelledError a task's coroutine raised, a
 * task's name, an exception to throw into a task's next step. Kept apart so that a Future
 * is 64 bytes and a Task 112 (D13): 100,000s of them may wait at once. */
typedef struct FutExtra {
    Obj head;
    Value cancel_msg;         /* VNULL: none (None is stored as VNULL) */
    Value cancelled_exc;      /* the CancelledError a task's coroutine raised (given once) */
    Value name;               /* Task: str, or VNULL until first asked (lazy "Task-N") */
    Value step_exc;           /* Task, queued: an exception to throw in (bad yield) */
} FutExtra;

typedef struct Future {
    QNode q;                  /* tasks use the link; plain futures leave it NULL */
    Value loop;
    Value result;             /* the result, or the exception when has_exc */
    Value callbacks;          /* VNULL, one callable/Task, or a list of them (see future.c) */
    FutExtra *extra;          /* NULL until one of its fields is needed */
    uint8_t state;
    uint8_t kind;             /* FK_* */
    uint8_t aux;              /* free for subtypes */
    uint8_t has_exc : 1;      /* finished with an exception (in result) */
    uint8_t log_tb : 1;       /* exception not yet retrieved */
    uint8_t blocking : 1;     /* _asyncio_future_blocking */
    uint8_t multi : 1;        /* callbacks is a list */
    uint8_t mark : 1;         /* gather(): already among the children of the call in progress */
    /* a Task's bits live here, where the Future has room */
    uint8_t must_cancel : 1, queued : 1, in_list : 1, quiet : 1;
    uint8_t woken : 1;        /* queued to step because its waiter is done */
} Future;
enum { FK_FUTURE, FK_TASK, FK_SLEEP };
_Static_assert(sizeof(Future) == 64, "Future layout");

static inline Value fut_exception(const Future *f) { return f->has_exc ? f->result : VNULL; }
static inline Value fut_cancel_msg(const Future *f) { return f->extra ? f->extra->cancel_msg : VNULL; }
FutExtra *fut_extra(VM *vm, Future *f);       /* allocated on first use; NULL: MemoryError */
void future_set_cancel_msg(VM *vm, Future *f, Value msg);   /* cancel(msg)'s message */

typedef struct Task {
    Future fut;               /* head.aux: N of the default name "Task-N" */
    Value coro;
    struct Gen *leaf;         /* where the coroutine last yielded: the next step resumes there */
    Value waiter;             /* fut_waiter: the future the coroutine waits on; when woken, the
                               * one that woke it; when finished, a gather note's outer future */
    struct Task *prev, *next; /* the loop's list of pending tasks (all_tasks) */
    int32_t cancels;          /* cancelling() */
} Task;
_Static_assert(sizeof(Task) <= 112, "a suspended task's size class");

/* sleep(delay, result): a future that arms its timer only when first awaited. */
typedef struct Sleep {
    Future fut;               /* fut.aux: started (armed, or awaited) */
    int64_t delay_ns;
    Value value;              /* the result to return */
} Sleep;

typedef struct Handle {
    QNode q;
    Value callback;
    Value args;               /* tuple */
    Value loop;
    double when;              /* TimerHandle: loop.time() of the deadline */
    uint8_t cancelled, timer, scheduled;
} Handle;

struct Loop {
    Obj head;
    ReadyQueue ready;
    TimerHeap timers;
    int64_t ncancelled_timers;
    Task *tasks;              /* pending tasks of this loop (doubly linked) */
    int64_t ntasks;
    Value current_task;       /* VNULL: none */
    Value exc_handler;        /* VNULL: the default handler */
    int epfd, evfd, nfds;
    uint8_t running, closed, stopping, debug;
    int interrupted;          /* a Ctrl-C arrived while this loop ran */
    Value main_task;          /* asyncio.run()'s task: Ctrl-C cancels it */
    Value fdmap;              /* dict fd -> [reader Handle or None, writer Handle or None] */
    Value task_factory;       /* set_task_factory(): VNULL = none */
};

/* Per-VM state (vm->asyncio_state): the types, the default loop and small caches. */
typedef struct AState {
    Obj head;
    Type *t_future, *t_task, *t_sleep, *t_sleep0, *t_handle, *t_timerhandle, *t_loop;
    Type *t_waiter, *t_lockwait, *t_semwait;   /* Event.wait()'s, Lock's and Semaphore's awaitables */
    Type *t_lock, *t_semaphore;   /* the C bases (their subclasses may override acquire/release) */
    Type *t_gather, *t_gnote; /* _GatheringFuture and its queued child notes (gather.c) */
    Type *t_futextra;         /* FutExtra */
    Value event_loop;         /* set_event_loop / get_event_loop's loop, or None */
    Value stopiter;           /* a reusable StopIteration() for returns of None */
    Value rucb;               /* run_until_complete's done callback */
} AState;

static inline AState *astate(VM *vm) { return (AState *)vm->asyncio_state; }

/* ---- future.c ---- */
void future_types_init(VM *vm, AState *st);
Value future_new(VM *vm, Value loop);
bool is_future(VM *vm, Value v);              /* a Future or Task (or a subclass) */
/* The exact types with a plain Future's layout and cancel(): Future and sleep()'s awaitable. */
static inline bool fut_plain(AState *st, Type *t) { return t == st->t_future || t == st->t_sleep; }
/* is_future, or one of those awaitables: what a task can wait on without a callback object */
static inline bool fut_like(VM *vm, Value v) {
    if (!v_is_obj(v)) return false;
    AState *st = astate(vm);
    Type *t = ((Obj *)v)->type;
    return t == st->t_sleep || is_future(vm, v);
}
int future_set_result(VM *vm, Future *f, Value v);
int future_set_exception(VM *vm, Future *f, Value exc);
bool future_cancel(VM *vm, Future *f, Value msg);
Value future_result(VM *vm, Future *f);       /* raises like Future.result() */
Value future_make_cancelled_error(VM *vm, Future *f);
int future_add_callback(VM *vm, Future *f, Value cb);   /* cb may be a Task (wake-up) */
Value future_repr_info(VM *vm, Future *f);    /* "pending cb=[...]" etc. */
Value future_stop_iteration(VM *vm, Value result);     /* raise StopIteration(result) */
Value future_next(VM *vm, Value self);

/* ---- task.c ---- */
void task_types_init(VM *vm, AState *st);
Value task_new(VM *vm, Value loop, Value coro, Value name);
void task_run(VM *vm, Task *t);               /* one step, from the ready queue */
void task_wake(VM *vm, Task *t, Value fut);   /* fut is done: schedule the next step */
Value task_get_name(VM *vm, Task *t);
Value task_repr(VM *vm, Task *t);
bool task_cancel(VM *vm, Task *t, Value msg);
bool is_coroutine(VM *vm, Value v);
Value coro_repr_info(VM *vm, Value coro, bool done);
int task_fatal(VM *vm);                       /* a KeyboardInterrupt/SystemExit escaped a step */

/* ---- sleep.c ---- */
void sleep_types_init(VM *vm, AState *st);
Value asyncio_sleep(VM *vm, Value *args, int nargs, Value kwnames);
void sleep_fire(VM *vm, Sleep *s);            /* its timer expired */

/* ---- loop.c ---- */
void loop_types_init(VM *vm, AState *st);
Value loop_new(VM *vm);
Loop *running_loop(VM *vm);                   /* NULL when none */
Value get_running_loop_or_raise(VM *vm);
Value loop_get_event_loop(VM *vm);
int loop_check_closed(VM *vm, Loop *l);
Value loop_call_soon(VM *vm, Loop *l, Value cb, Value args);  /* returns the Handle */
void loop_schedule_task(VM *vm, Loop *l, Task *t);
int loop_add_timer(VM *vm, Loop *l, int64_t when_ns, Obj *obj);
void loop_add_task(Loop *l, Task *t);
Value loop_make_task(VM *vm, Loop *l, Value coro, Value name);   /* loop.create_task(coro, name=) */
void loop_remove_task(Loop *l, Task *t);
Value loop_run_until_complete(VM *vm, Loop *l, Value fut);
int loop_run_until_done(VM *vm, Loop *l, Value list);   /* list of futures */
void loop_call_exception_handler(VM *vm, Loop *l, Value context);  /* context: dict */
void loop_report(VM *vm, Loop *l, const char *message, Value exc, const char *key, Value obj);
void loop_close(VM *vm, Loop *l);

/* ---- gather.c ---- */
void gather_types_init(VM *vm, AState *st, Value module);  /* adds gather, _GatheringFuture */
void gather_schedule(VM *vm, Loop *l, Value outer, Value child);   /* queue _done_callback(child) */
int gather_note_run(VM *vm, QNode *n);        /* -1: KeyboardInterrupt/SystemExit */
bool gather_is_task_note(VM *vm, Task *t);    /* a finished child Task queued as a note */

/* ---- waiter.c: what Event and Lock share ---- */
/* A primitive: its FIFO of waiter records and the loop it is bound to. */
typedef struct Prim { Obj head; VRing waiters; Value loop; } Prim;
/* A waiter record: what Event.wait(), Lock.acquire() and Semaphore.acquire() return, 32 bytes
 * (D13). The task that awaits it blocks on it directly; the primitive resolves it with
 * waiter_wake, task.cancel() with waiter_cancel. */
enum { WS_PENDING, WS_DONE, WS_CANCELLED };
typedef struct Waiter {
    union {
        Obj head;
        struct {
            struct Type *head_type_; uint32_t head_gc_;
            uint8_t state;    /* WS_* */
            uint8_t op;       /* WOP_* (Lock, Semaphore) */
            uint8_t joined;   /* in the primitive's FIFO (or was, until it left) */
            uint8_t blocking; /* yielded to the task, which has not picked it up yet */
        };
    };
    Prim *prim;               /* NULL once the wait has finished */
    Value task;               /* pending: the task blocked on it (VNULL: none yet);
                               * cancelled: the cancel message (VNULL: None) */
} Waiter;
_Static_assert(sizeof(Waiter) == 32, "a waiting task's record");
bool is_waiter(VM *vm, Value v);
int waiter_wake(VM *vm, Waiter *w);           /* resolve it (True); wakes its task */
bool waiter_cancel(VM *vm, Waiter *w, Value msg);   /* false: not pending */
Value waiter_cancelled_error(VM *vm, Waiter *w);    /* CancelledError(msg) */
Value waiter_future_repr(VM *vm, Waiter *w);  /* how a task's repr shows it: as CPython's Future */
void waiter_attach(VM *vm, Waiter *w, Task *t);     /* t blocks on w */
typedef Value (*AmSendFn)(VM *vm, Value self, Value sent, bool *done);
Value prim_get_loop(VM *vm, Prim *p);         /* _LoopBoundMixin._get_loop() */
void prim_trace(GC *gc, Obj *o);
void prim_finalize(Obj *o);
Value waiter_new(VM *vm, Type *t, Prim *p, uint8_t op);
Value waiter_enqueue(VM *vm, Waiter *w);      /* join the FIFO; returns w to block on */
void waiter_leave(Waiter *w);                 /* leave the FIFO; the wait is finished */
Value waiter_block(VM *vm, Waiter *w);        /* a pending record stepped again: block on it */
Type *waiter_type(VM *vm, const char *qualname, AmSendFn step, NativeFn throw_fn, NativeFn close_fn);
/* Waiter operations of Lock and Semaphore: acquire() (True), __aenter__ (None), a finished
 * __aexit__ (None). */
enum { WOP_ACQUIRE, WOP_AENTER, WOP_DONE };
/* `async with`: __aenter__ awaits acquire() and __aexit__ calls release(), a subclass's own
 * methods if it overrides them (release_fn is the base's, for the common case). */
Value prim_aenter(VM *vm, Value self, Type *base, Type *wtype);
Value prim_new_m(VM *vm, Value *a, int n, Value k);        /* __new__ */
Value prim_nwaiters_m(VM *vm, Value *a, int n, Value k);   /* _nwaiters() */
Value prim_loop_get(VM *vm, Value *a, int n, Value k);     /* _loop */
Value prim_aexit(VM *vm, Value self, Type *base, Type *wtype, int (*release_fn)(VM *vm, Prim *p));

/* ---- event.c, lock.c ---- */
void event_types_init(VM *vm, AState *st, Value module);   /* adds Event */
void lock_types_init(VM *vm, AState *st, Value module);    /* adds Lock */
void semaphore_types_init(VM *vm, AState *st, Value module);   /* adds Semaphore */

/* ---- queues.c ---- */
void queue_types_init(VM *vm, Value module);   /* adds Queue and _queue_exceptions */

/* ---- module.c ---- */
void asyncio_warnings_init(VM *vm);           /* the "never awaited" hook on coroutines */
Value callback_repr(VM *vm, Value cb, Value args);
Value ensure_future_on(VM *vm, Value obj, Value loop, bool *new_task);

/* gen.c (not in vm.h): raise `exc` inside a generator at its suspension point. */
Value gen_throw_into(VM *vm, Gen *g, Value exc, bool *returned);
/* exc.c: the traceback/context slots live in ExcObj (object.h). */

Value future_am_send(VM *vm, Value self, Value sent, bool *done);
void future_trace(GC *gc, Obj *o);   /* marks a Future's fields (Task and sleep reuse it) */
void future_on_collect(VM *vm, Obj *o);   /* "exception was never retrieved" */

#endif
