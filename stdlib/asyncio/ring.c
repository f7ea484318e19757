/* ring.c — the FIFO of waiters (and of queue items) that Queue and Event keep: a growable ring
 * buffer of values in malloc'd memory, O(1) at both ends. Waiters are removed by identity, and
 * almost always from the front (the first waiter wakes and leaves), so that case is O(1) too. */
#include "stdlib/asyncio/asyncio.h"

int ring_push(VM *vm, VRing *r, Value v) {
    if (r->n == r->cap) {
        int64_t nc = r->cap ? r->cap * 2 : 8;
        /* a ring that only grew starts at 0: realloc moves big ones without a copy (mremap),
         * so the old and the new buffer never both count in the process's memory */
        Value *nb = r->head == 0 ? realloc(r->buf, (size_t)nc * sizeof(Value)) : malloc((size_t)nc * sizeof(Value));
        if (!nb) { vm_raise(vm, vm->e_MemoryError, "%s", ""); return -1; }
        if (r->head != 0) {
            for (int64_t i = 0; i < r->n; i++) nb[i] = ring_at(r, i);
            free(r->buf);
        }
        r->buf = nb; r->head = 0; r->cap = nc;
    }
    r->buf[(r->head + r->n) & (r->cap - 1)] = v;
    r->n++;
    return 0;
}

Value ring_pop(VRing *r) {
    Value v = r->buf[r->head];
    r->buf[r->head] = VNULL;
    r->head = (r->head + 1) & (r->cap - 1);
    r->n--;
    return v;
}

void ring_remove(VRing *r, Value v) {
    if (r->n && ring_at(r, 0) == v) { ring_pop(r); return; }
    int64_t i = 0;
    while (i < r->n && ring_at(r, i) != v) i++;
    if (i == r->n) return;
    for (; i + 1 < r->n; i++) r->buf[(r->head + i) & (r->cap - 1)] = ring_at(r, i + 1);
    r->buf[(r->head + r->n - 1) & (r->cap - 1)] = VNULL;
    r->n--;
}

void ring_trace(GC *gc, VRing *r) {
    if (!r->n) return;
    int64_t first = r->cap - r->head < r->n ? r->cap - r->head : r->n;   /* up to the wrap */
    gc_mark_array(gc, r->buf + r->head, (size_t)first);
    gc_mark_array(gc, r->buf, (size_t)(r->n - first));
}
