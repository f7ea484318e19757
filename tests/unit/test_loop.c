/* test_loop.c — Criterion units for the event loop's building blocks: the timer heap
 * (ordering by deadline then sequence, compaction), the intrusive ready queue, and the
 * virtual clock the loop advances. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include "stdlib/asyncio/asyncio.h"
#include "vm/clock.h"

VM *vm_new(const VMConfig *cfg);   /* vm/vm.c */
void vm_free(VM *vm);

typedef struct { Obj head; int id; bool dead; } FakeObj;

static bool fake_dead(Obj *o, void *ctx) { (void)ctx; return ((FakeObj *)o)->dead; }

Test(timers, pops_in_deadline_order) {
    TimerHeap h = { 0 };
    FakeObj objs[100];
    for (int i = 0; i < 100; i++) {
        objs[i].id = i;
        cr_assert_eq(timers_push(&h, (int64_t)((i * 37) % 100), &objs[i].head), 0);
    }
    int64_t last = -1;
    for (int i = 0; i < 100; i++) {
        TimerEntry e = timers_pop(&h);
        cr_assert_geq(e.when, last);
        last = e.when;
    }
    cr_assert_eq(h.n, 0);
    timers_free(&h);
}

Test(timers, equal_deadlines_keep_scheduling_order) {
    TimerHeap h = { 0 };
    FakeObj objs[50];
    for (int i = 0; i < 50; i++) { objs[i].id = i; timers_push(&h, i % 2 ? 10 : 5, &objs[i].head); }
    int prev_id = -1; int64_t prev_when = 0;
    for (int i = 0; i < 50; i++) {
        TimerEntry e = timers_pop(&h);
        int id = ((FakeObj *)e.obj)->id;
        if (e.when == prev_when) cr_assert_gt(id, prev_id, "FIFO among equal deadlines");
        prev_id = id; prev_when = e.when;
    }
    timers_free(&h);
}

Test(timers, compact_drops_dead_and_keeps_order) {
    TimerHeap h = { 0 };
    FakeObj objs[64];
    for (int i = 0; i < 64; i++) { objs[i].id = i; objs[i].dead = i % 3 == 0; timers_push(&h, 1000 - i, &objs[i].head); }
    timers_compact(&h, fake_dead, NULL);
    cr_assert_eq(h.n, 64 - 22);
    int64_t last = -1;
    while (h.n) {
        TimerEntry e = timers_pop(&h);
        cr_assert(!((FakeObj *)e.obj)->dead);
        cr_assert_geq(e.when, last);
        last = e.when;
    }
    timers_free(&h);
}

Test(timers, peek_empty_and_top) {
    TimerHeap h = { 0 };
    cr_assert_null(timers_peek(&h));
    FakeObj a, b;
    timers_push(&h, 7, &a.head);
    timers_push(&h, 3, &b.head);
    cr_assert_eq(timers_peek(&h)->obj, &b.head);
    timers_free(&h);
}

Test(readyq, fifo_and_empty) {
    ReadyQueue q = { 0 };
    QNode nodes[10];
    cr_assert_null(rq_pop(&q));
    for (int i = 0; i < 10; i++) rq_push(&q, &nodes[i]);
    cr_assert_eq(q.n, 10);
    for (int i = 0; i < 5; i++) cr_assert_eq(rq_pop(&q), &nodes[i]);
    rq_push(&q, &nodes[0]);
    for (int i = 5; i < 10; i++) cr_assert_eq(rq_pop(&q), &nodes[i]);
    cr_assert_eq(rq_pop(&q), &nodes[0]);
    cr_assert_null(rq_pop(&q));
    cr_assert_eq(q.n, 0);
    cr_assert_null(q.last);
}

Test(clock, virtual_time_advances_exactly) {
    VMConfig cfg = { 0 };
    cfg.virtual_time = 1;
    VM *vm = vm_new(&cfg);
    cr_assert_not_null(vm);
    cr_assert(clock_is_virtual(vm));
    int64_t t0 = clock_now_ns(vm);
    cr_assert_eq(clock_now_ns(vm), t0, "virtual time does not move by itself");
    clock_advance_to(vm, t0 + 1500000000);
    cr_assert_eq(clock_now_ns(vm), t0 + 1500000000);
    clock_advance_to(vm, t0);   /* never backwards */
    cr_assert_eq(clock_now_ns(vm), t0 + 1500000000);
    clock_sleep_ns(vm, 500000000);
    cr_assert_eq(clock_now_ns(vm), t0 + 2000000000);
    cr_assert_float_eq(clock_now(vm) - (double)t0 / 1e9, 2.0, 1e-6);
    vm_free(vm);
}

Test(clock, real_time_is_monotonic) {
    VM *vm = vm_new(NULL);
    cr_assert_not_null(vm);
    cr_assert(!clock_is_virtual(vm));
    int64_t a = clock_now_ns(vm), b = clock_now_ns(vm);
    cr_assert_geq(b, a);
    vm_free(vm);
}
