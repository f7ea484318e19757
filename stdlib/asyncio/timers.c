/* timers.c — the event loop's timer heap: a binary min-heap of (deadline ns, sequence, object)
 * entries. The sequence number makes equal deadlines pop in the order they were scheduled, as
 * CPython's heapq of TimerHandles does. */
#include "stdlib/asyncio/asyncio.h"
#include <stdlib.h>

static inline bool before(const TimerEntry *a, const TimerEntry *b) {
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void sift_up(TimerEntry *it, int64_t i) {
    TimerEntry e = it[i];
    while (i > 0) {
        int64_t p = (i - 1) / 2;
        if (!before(&e, &it[p])) break;
        it[i] = it[p];
        i = p;
    }
    it[i] = e;
}

static void sift_down(TimerEntry *it, int64_t n, int64_t i) {
    TimerEntry e = it[i];
    for (;;) {
        int64_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && before(&it[c + 1], &it[c])) c++;
        if (!before(&it[c], &e)) break;
        it[i] = it[c];
        i = c;
    }
    it[i] = e;
}

int timers_push(TimerHeap *h, int64_t when, Obj *obj) {
    if (h->n == h->cap) {
        int64_t cap = h->cap ? h->cap * 2 : 64;
        TimerEntry *p = realloc(h->items, (size_t)cap * sizeof *p);
        if (!p) return -1;
        h->items = p;
        h->cap = cap;
    }
    h->items[h->n] = (TimerEntry){ when, h->seq++, obj };
    sift_up(h->items, h->n++);
    return 0;
}

TimerEntry timers_pop(TimerHeap *h) {
    TimerEntry top = h->items[0];
    h->items[0] = h->items[--h->n];
    if (h->n) sift_down(h->items, h->n, 0);
    return top;
}

void timers_compact(TimerHeap *h, bool (*dead)(Obj *obj, void *ctx), void *ctx) {
    int64_t keep = 0;
    for (int64_t i = 0; i < h->n; i++)
        if (!dead(h->items[i].obj, ctx)) h->items[keep++] = h->items[i];
    h->n = keep;
    for (int64_t i = h->n / 2 - 1; i >= 0; i--) sift_down(h->items, h->n, i);
}

void timers_trace(GC *gc, TimerHeap *h) {
    for (int64_t i = 0; i < h->n; i++) gc_mark_obj(gc, h->items[i].obj);
}

void timers_free(TimerHeap *h) {
    free(h->items);
    h->items = NULL;
    h->n = h->cap = 0;
}
