/* gc.c — the allocator and the mark-and-sweep collector.
 *
 * Small objects come from 64 KiB pages, one size class per page, with a free list per class:
 * allocation is O(1) however many objects are live. Large objects get their own mapping.
 * Every page and large object is registered by its 4 KiB page numbers in a hash table, so any
 * word can be tested for "points into a live object" in O(1).
 *
 * Roots are precise for everything the VM owns (value stack, frames, modules, interned
 * strings, the loop), and conservative for the C stack: native code may hold object pointers
 * in locals across any allocation without registering them (see DESIGN.md, "GC roots"). */
#include "vm/vm.h"
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>

#define PAGE_SIZE (64 * 1024)
#define GRAIN_SHIFT 12

static const uint32_t size_classes[] = {
    16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 160, 192, 224, 256, 320, 384, 448, 512,
    640, 768, 1024, 1280, 1536, 2048, 2560, 3072, 4096, 5120, 6144, 8192, 10240, 16384,
};
#define NCLASSES (int)(sizeof size_classes / sizeof size_classes[0])
#define MAX_SMALL 16384
/* Objects whose type has a finalizer or an on_collect hook get pages of their own: a page
 * "kind" is its size class, plus NCLASSES for those objects. Freeing the VM and reporting dying
 * objects then visit only those pages, not every string, and need no per-object list (100,000
 * suspended tasks would otherwise cost an array entry each for the task and its coroutine).
 * A type's finalizer and on_collect must be set before its first instance is allocated. */
#define NKINDS (2 * NCLASSES)

typedef struct Region {
    char *start;
    size_t bytes;
    uint32_t slot;            /* slot size; for large objects == 0 */
    int cls;                  /* page kind (see NKINDS); -1 for large objects */
    struct Region *next;
} Region;

struct Heap {
    Obj *freelist[NKINDS];
    Region *regions;
    /* open-addressing map: 4 KiB page number -> Region */
    uintptr_t *keys;
    Region **vals;
    size_t cap, count;
    size_t allocated_since, live_after_gc, threshold, total_bytes;
    Obj **gray; size_t ngray, capgray;
    struct Span { const Value *p; size_t n; } *spans; size_t nspans, capspans;   /* see gc_mark_array */
    char **chunks; size_t nchunks, capchunks;      /* 2 MiB mappings that small pages come from */
    char **free_pages; size_t nfree_pages, capfree_pages;   /* emptied pages, for any kind */
    char *chunk_next; int chunk_left;
    char *bump[NKINDS], *bump_end[NKINDS];   /* untouched tail of each kind's newest page */
    bool collecting;
    /* The mark bit's meaning flips at every collection: bit 0 of Obj.gc equal to `mark` means
     * "reached by the last (or the running) collection". Sweeping then writes only to the
     * dead objects; survivors keep their bit, which the next collection reads as unmarked.
     * New objects are born with the last collection's value, so they too start unmarked. */
    uint32_t mark;
};

/* Marking waits on cache misses: a live heap of short strings is mostly headers read once.
 * gc_mark_obj prefetches the object and parks it in a small ring; it is examined RING
 * marks later, when its header has arrived. */
#define RING 16
typedef struct { Obj *o, *parent; } Parked;
struct GC {
    VM *vm; Heap *h;
    uint32_t mark;   /* h->mark for this collection */
    Obj *parent;   /* the object being traced (diagnostics) */
    Parked ring[RING];
    unsigned ri;
};

static int class_search(size_t n) {
    int lo = 0, hi = NCLASSES - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (size_classes[mid] >= n) hi = mid; else lo = mid + 1;
    }
    return lo;
}

/* Sizes up to SMALL_LOOKUP find their class in one load (the binary search was a
 * measurable part of every allocation); the table is filled on first use. Its grain is 8
 * bytes, as the classes' is below 128 (a 16-byte grain sent an 88-byte coroutine to 96). */
#define SMALL_LOOKUP 1024
static uint8_t class_by_8[SMALL_LOOKUP / 8 + 1];
static bool class_table_filled;
static void fill_class_table(void) {
    class_table_filled = true;
    for (size_t i = 0; i <= SMALL_LOOKUP / 8; i++) class_by_8[i] = (uint8_t)class_search(i * 8);
}
static inline int class_of(size_t n) {
    return n <= SMALL_LOOKUP ? class_by_8[(n + 7) >> 3] : class_search(n);
}

static size_t hash_page(uintptr_t p, size_t cap) { return (p * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1); }

static void map_put(Heap *h, uintptr_t page, Region *r);
static void map_grow(Heap *h) {
    size_t oc = h->cap;
    uintptr_t *ok = h->keys;
    Region **ov = h->vals;
    h->cap = oc ? oc * 2 : 1024;
    h->keys = calloc(h->cap, sizeof *h->keys);
    h->vals = calloc(h->cap, sizeof *h->vals);
    if (!h->keys || !h->vals) abort();
    h->count = 0;
    for (size_t i = 0; i < oc; i++)
        if (ok[i] && ov[i]) map_put(h, ok[i], ov[i]);
    free(ok); free(ov);
}
static void map_put(Heap *h, uintptr_t page, Region *r) {
    if ((h->count + 1) * 2 > h->cap) map_grow(h);
    size_t i = hash_page(page, h->cap);
    while (h->keys[i] && h->keys[i] != page) i = (i + 1) & (h->cap - 1);
    if (!h->keys[i]) h->count++;
    h->keys[i] = page;
    h->vals[i] = r;
}
static Region *map_get(Heap *h, uintptr_t page) {
    if (!h->cap) return NULL;
    size_t i = hash_page(page, h->cap);
    while (h->keys[i]) {
        if (h->keys[i] == page) return h->vals[i];
        i = (i + 1) & (h->cap - 1);
    }
    return NULL;
}
/* Deletion marks the value NULL (a tombstone keeps probe chains intact). */
static void map_del(Heap *h, uintptr_t page) {
    size_t i = hash_page(page, h->cap);
    while (h->keys[i]) {
        if (h->keys[i] == page) { h->vals[i] = NULL; return; }
        i = (i + 1) & (h->cap - 1);
    }
}

static void register_region(Heap *h, Region *r) {
    uintptr_t first = (uintptr_t)r->start >> GRAIN_SHIFT;
    uintptr_t last = ((uintptr_t)r->start + r->bytes - 1) >> GRAIN_SHIFT;
    for (uintptr_t p = first; p <= last; p++) map_put(h, p, r);
    r->next = h->regions;
    h->regions = r;
}

/* Small-object pages are carved from 2 MiB chunks: one mmap per 32 pages instead of one per
 * page (spawning 200,000 tasks maps hundreds of pages). A page a sweep finds empty goes back
 * to a pool any size class can take it from (it leaves the heap's byte count, so a memory
 * limit that was reached by strings can be used again by lists); chunks are only unmapped
 * when the VM is freed. */
#define CHUNK_PAGES 32
#define CHUNK_BYTES ((size_t)PAGE_SIZE * CHUNK_PAGES)

/* A chunk aligned to its own size, so that the kernel can back it with one transparent huge
 * page: a growing heap then takes one page fault per 2 MiB instead of one per 4 KiB (faults
 * were ~15% of the string benchmark). The first chunk stays on small pages, where the
 * untouched tail costs no RSS: start-up RSS must stay small. */
static void *map_chunk(bool huge) {
    size_t span = CHUNK_BYTES * 2;
    char *mem = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return NULL;
    char *start = (char *)(((uintptr_t)mem + CHUNK_BYTES - 1) & ~(uintptr_t)(CHUNK_BYTES - 1));
    if (start > mem) munmap(mem, (size_t)(start - mem));
    if (start + CHUNK_BYTES < mem + span) munmap(start + CHUNK_BYTES, (size_t)(mem + span - (start + CHUNK_BYTES)));
#ifdef MADV_HUGEPAGE
    if (huge) madvise(start, CHUNK_BYTES, MADV_HUGEPAGE);
#else
    (void)huge;
#endif
    return start;
}

/* Each chunk starts with a header counting, per page, the objects the running collection
 * has marked there: the sweep skips a page whose every slot is live without reading it (the
 * sweep was bandwidth-bound, and long-lived data fills whole pages). The first page of a
 * chunk gives up the header's bytes. Small objects carry GC_SMALL so that marking knows the
 * counter exists (large objects have their own mapping and no header). */
typedef struct { uint32_t nlive[CHUNK_PAGES]; } ChunkHdr;
#define CHUNK_HDR 128
_Static_assert(sizeof(ChunkHdr) <= CHUNK_HDR, "chunk header");
#define GC_SMALL 2u
static inline uint32_t *page_count(const void *p) {
    ChunkHdr *c = (ChunkHdr *)((uintptr_t)p & ~(uintptr_t)(CHUNK_BYTES - 1));
    return &c->nlive[((uintptr_t)p & (CHUNK_BYTES - 1)) / PAGE_SIZE];
}

static void *page_from_chunk(Heap *h, bool *reused) {
    *reused = h->nfree_pages > 0;
    if (*reused) return h->free_pages[--h->nfree_pages];
    if (!h->chunk_left) {
        void *mem = map_chunk(h->nchunks > 0);
        if (!mem) return NULL;
        if (h->nchunks == h->capchunks) {
            h->capchunks = h->capchunks ? h->capchunks * 2 : 16;
            h->chunks = realloc(h->chunks, sizeof(void *) * h->capchunks);
            if (!h->chunks) abort();
        }
        h->chunks[h->nchunks++] = mem;
        h->chunk_next = mem;
        h->chunk_left = CHUNK_PAGES;
    }
    void *p = h->chunk_next;
    h->chunk_next += PAGE_SIZE;
    h->chunk_left--;
    return p;
}

static bool new_page(Heap *h, int kind) {
    bool reused;
    void *mem = page_from_chunk(h, &reused);
    if (!mem) return false;
    Region *r = malloc(sizeof *r);
    if (!r) return false;
    bool first = ((uintptr_t)mem & (CHUNK_BYTES - 1)) == 0;
    r->start = (char *)mem + (first ? CHUNK_HDR : 0);
    r->bytes = PAGE_SIZE - (first ? CHUNK_HDR : 0);
    r->slot = size_classes[kind % NCLASSES];
    r->cls = kind;
    /* bump allocation hands out slots without clearing them: a reused page must read as new */
    if (reused) memset(r->start, 0, r->bytes);
    register_region(h, r);
    /* slots are handed out by bumping through the page, so an untouched tail costs no RSS
     * (threading a free list through it would write every 4 KiB page at once) */
    h->bump[kind] = r->start;
    h->bump_end[kind] = r->start + (r->bytes / r->slot) * r->slot;
    h->total_bytes += PAGE_SIZE;
    return true;
}

void gc_init(VM *vm) {
    Heap *h = calloc(1, sizeof *h);
    if (!h) abort();
    h->threshold = 32u << 20;
    if (!class_table_filled) fill_class_table();
    vm->heap = h;
}

static void *alloc_large(VM *vm, size_t size) {
    Heap *h = vm->heap;
    size_t bytes = (size + 4095) & ~(size_t)4095;
    void *mem = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return NULL;
    Region *r = malloc(sizeof *r);
    if (!r) { munmap(mem, bytes); return NULL; }
    r->start = mem; r->bytes = bytes; r->slot = 0; r->cls = -1;
    register_region(h, r);
    h->total_bytes += bytes;
    return mem;
}


/* The slow path of a small allocation: the class has no free slot and its bump page is used
 * up. Returns false with MemoryError set. */
static bool refill(VM *vm, Heap *h, int kind) {
    /* the memory limit applies when the heap must grow, not to reusing free slots */
    if (vm->config.memory_limit && h->total_bytes + PAGE_SIZE > vm->config.memory_limit) {
        gc_collect(vm);
        if (!h->freelist[kind] && h->total_bytes + PAGE_SIZE > vm->config.memory_limit) { vm_nomem(vm); return false; }
    }
    if (!h->freelist[kind] && !new_page(h, kind)) { vm_nomem(vm); return false; }
    return true;
}

static Obj *alloc_big(VM *vm, Heap *h, size_t size) {
    if (vm->config.memory_limit && h->total_bytes + size > vm->config.memory_limit) {
        gc_collect(vm);
        if (h->total_bytes + size > vm->config.memory_limit) { vm_nomem(vm); return NULL; }
    }
    Obj *o = alloc_large(vm, size);
    if (!o) { vm_nomem(vm); return NULL; }
    h->allocated_since += size;
    return o;
}

void *gc_alloc(VM *vm, Type *t, size_t size) {
    Heap *h = vm->heap;
    if (size < sizeof(Obj) + sizeof(void *)) size = sizeof(Obj) + sizeof(void *);
    if (__builtin_expect(h->allocated_since > h->threshold || vm->config.gc_stress, 0) && !h->collecting)
        gc_collect(vm);
    Obj *o;
    if (size <= MAX_SMALL) {
        int cls = class_of(size);
        int kind = cls + (t && (t->finalize || t->on_collect) ? NCLASSES : 0);
        if (h->freelist[kind]) {
            o = h->freelist[kind];
            h->freelist[kind] = *(Obj **)(o + 1);
            memset(o, 0, size);   /* the slot's tail beyond `size` is never read */
        } else {
            if (h->bump[kind] == h->bump_end[kind]) {
                if (!refill(vm, h, kind)) return NULL;
                if (h->freelist[kind]) return gc_alloc(vm, t, size);   /* a collection freed one */
            }
            o = (Obj *)h->bump[kind];   /* fresh mmap'd memory is already zero */
            h->bump[kind] += size_classes[cls];
        }
        h->allocated_since += size_classes[cls];
    } else {
        o = alloc_big(vm, h, size);
        if (!o) return NULL;
    }
    o->type = t;
    o->gc = h->mark | (size <= MAX_SMALL ? GC_SMALL : 0);
    return o;
}

/* ---- marking ---- */

static void push_gray(Heap *h, Obj *o) {
    if (h->ngray == h->capgray) {
        h->capgray = h->capgray ? h->capgray * 2 : 4096;
        h->gray = realloc(h->gray, h->capgray * sizeof *h->gray);
        if (!h->gray) abort();
    }
    h->gray[h->ngray++] = o;
}

static void mark_now(GC *gc, Obj *o, Obj *parent) {
    if ((o->gc & 1) == gc->mark) return;
    if (!o->type) {
        fprintf(stderr, "GC: dangling reference from %s\n", parent && parent->type ? parent->type->name : "a root");
        abort();
    }
    o->gc ^= 1;
    if (o->gc & GC_SMALL) ++*page_count(o);
    Type *t = o->type;
    /* an object with no references but its type (a str, a float) is done once marked: it
     * never goes through the gray stack */
    if (!t->trace && !t->dictoffset && !(t->flags & TF_VARDICT)) {
        if ((t->head.gc & 1) != gc->mark) mark_now(gc, &t->head, o);
        return;
    }
    push_gray(gc->h, o);
}

void gc_mark_obj(GC *gc, void *p) {
    if (!p) return;
    __builtin_prefetch(p, 1);
    Parked *slot = &gc->ring[gc->ri++ % RING];
    Parked old = *slot;
    slot->o = p;
    slot->parent = gc->parent;
    if (old.o) mark_now(gc, old.o, old.parent);
}

/* Marks what is parked; true if anything was. */
static bool drain_ring(GC *gc) {
    bool any = false;
    for (int i = 0; i < RING; i++) {
        Parked *slot = &gc->ring[i];
        if (!slot->o) continue;
        Parked old = *slot;
        slot->o = NULL;
        mark_now(gc, old.o, old.parent);
        any = true;
    }
    return any;
}

void gc_mark(GC *gc, Value v) {
    if (v_is_obj(v)) gc_mark_obj(gc, (Obj *)v);
}

/* Conservative: is `w` a pointer into a live object? Returns the object or NULL. */
static Obj * __attribute__((no_sanitize_address)) object_at(Heap *h, uintptr_t w) {
    Region *r = map_get(h, w >> GRAIN_SHIFT);
    if (!r) return NULL;
    if ((char *)w < r->start || (char *)w >= r->start + r->bytes) return NULL;
    Obj *o;
    if (r->slot) {
        size_t idx = ((char *)w - r->start) / r->slot;
        if ((idx + 1) * r->slot > r->bytes) return NULL;
        o = (Obj *)(r->start + idx * r->slot);
    } else {
        o = (Obj *)r->start;
    }
    return o->type ? o : NULL;
}

/* Reads the whole C stack, including other frames' redzones: not an ASan error. */
static void __attribute__((noinline, no_sanitize_address)) scan_c_stack(GC *gc) {
    jmp_buf regs;   /* spills callee-saved registers onto the stack we scan */
    setjmp(regs);
    uintptr_t *lo = (uintptr_t *)__builtin_frame_address(0);
    uintptr_t *hi = (uintptr_t *)gc->vm->stack_base;
    if (!hi || hi <= lo) return;
    for (uintptr_t *p = lo; p < hi; p++) {
        Obj *o = object_at(gc->h, *p);
        if (o) gc_mark_obj(gc, o);
    }
    const size_t nregs = sizeof(struct __jmp_buf_tag) * 1 / sizeof(uintptr_t);
    for (size_t i = 0; i < nregs; i++) {
        Obj *o = object_at(gc->h, ((uintptr_t *)&regs)[i]);
        if (o) gc_mark_obj(gc, o);
    }
}

void gc_mark_roots(VM *vm, GC *gc);   /* vm/vm.c: the VM's precise roots */

/* For value arrays whose tail may hold stale words (the VM stack above a frame's live top):
 * only words that point at live objects are marked. */
void gc_mark_conservative(GC *gc, const Value *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        Value v = p[i];
        if (!v) continue;
        if (v_is_int(v)) continue;
        Obj *o = object_at(gc->h, (uintptr_t)v);
        if (o && (Value)o == v) gc_mark_obj(gc, o);
    }
}

/* A big array (a list of 100,000 tasks) is marked a slice at a time, each slice's objects
 * traced before the next slice: pushing every element at once would grow the gray stack by
 * 8 bytes an element, and its peak counts in the process's memory. */
#define SPAN_SLICE 256
void gc_mark_array(GC *gc, const Value *items, size_t n) {
    if (n <= SPAN_SLICE) {
        for (size_t i = 0; i < n; i++) gc_mark(gc, items[i]);
        return;
    }
    Heap *h = gc->h;
    if (h->nspans == h->capspans) {
        h->capspans = h->capspans ? h->capspans * 2 : 16;
        h->spans = realloc(h->spans, h->capspans * sizeof *h->spans);
        if (!h->spans) abort();
    }
    h->spans[h->nspans++] = (struct Span){ items, n };
}

static void mark_slice(GC *gc) {
    struct Span *s = &gc->h->spans[gc->h->nspans - 1];
    size_t k = s->n < SPAN_SLICE ? s->n : SPAN_SLICE;
    const Value *p = s->p;
    s->p += k;
    s->n -= k;
    if (!s->n) gc->h->nspans--;
    gc->parent = NULL;
    for (size_t i = 0; i < k; i++) gc_mark(gc, p[i]);
}

static void trace_all(GC *gc) {
    Heap *h = gc->h;
    do {
        while (h->ngray || h->nspans) {
            if (!h->ngray) { mark_slice(gc); drain_ring(gc); continue; }
            Obj *o = h->gray[--h->ngray];
            gc->parent = o;
            Type *t = o->type;
            gc_mark_obj(gc, t);
            if (t->trace) t->trace(gc, o);
            if (t->dictoffset) gc_mark_obj(gc, *(Obj **)((char *)o + t->dictoffset));
            else if (t->flags & TF_VARDICT) gc_mark_obj(gc, *var_dict_slot(gc->vm, o));
        }
        gc->parent = NULL;
    } while (drain_ring(gc) || h->ngray || h->nspans);
}

/* Give an emptied small page back to the pool (see page_from_chunk). */
static void release_page(Heap *h, Region *r) {
    uintptr_t first = (uintptr_t)r->start >> GRAIN_SHIFT;
    uintptr_t last = ((uintptr_t)r->start + r->bytes - 1) >> GRAIN_SHIFT;
    for (uintptr_t p = first; p <= last; p++) map_del(h, p);
    if (h->nfree_pages == h->capfree_pages) {
        h->capfree_pages = h->capfree_pages ? h->capfree_pages * 2 : 64;
        h->free_pages = realloc(h->free_pages, h->capfree_pages * sizeof(char *));
        if (!h->free_pages) abort();
    }
    h->free_pages[h->nfree_pages++] = (char *)((uintptr_t)r->start & ~(uintptr_t)(PAGE_SIZE - 1));
    h->total_bytes -= PAGE_SIZE;
}

static void free_obj(Heap *h, Region *r, Obj *o) {
    Type *t = o->type;
    if (t && t->finalize) t->finalize(o);
    o->type = NULL;
    o->gc = 0;
    (void)h; (void)r;   /* small slots go back to their free list in sweep */
}

static void notify_one(VM *vm, Heap *h, Obj *o, bool all) {
    if (o->type && o->type->on_collect && (all || (o->gc & 1) != h->mark)) o->type->on_collect(vm, o);
}

/* Before anything is freed, let dying objects report (warnings) while everything they
 * reference is still intact; only the pages of objects with hooks are visited (see NKINDS). */
static void notify_unreachable(VM *vm, Heap *h, bool all) {
    for (Region *r = h->regions; r; r = r->next) {
        if (!r->slot) { notify_one(vm, h, (Obj *)r->start, all); continue; }
        if (r->cls < NCLASSES) continue;
        size_t n = r->bytes / r->slot;
        for (size_t i = 0; i < n; i++) notify_one(vm, h, (Obj *)(r->start + i * r->slot), all);
    }
}

static size_t sweep(Heap *h) {
    size_t live = 0;
    Region **pr = &h->regions;
    /* the free lists are rebuilt from the pages that keep free slots */
    memset(h->freelist, 0, sizeof h->freelist);
    while (*pr) {
        Region *r = *pr;
        if (r->slot) {
            size_t n = r->bytes / r->slot;
            uint32_t *count = page_count(r->start), nlive = *count;
            *count = 0;
            char *bump = h->bump[r->cls];
            bool bump_page = bump > r->start && bump <= r->start + r->bytes;
            size_t used = bump_page ? (size_t)(bump - r->start) / r->slot : n;
            if (nlive == used) {   /* every allocated slot is live and there is no free one */
                live += (size_t)nlive * r->slot;
                pr = &r->next;
                continue;
            }
            bool empty = nlive == 0 && !bump_page;
            for (size_t i = 0; i < used; i++) {
                Obj *o = (Obj *)(r->start + i * r->slot);
                if (o->type && (o->gc & 1) == h->mark) { live += r->slot; continue; }
                if (o->type) free_obj(h, r, o);
                if (!empty) {
                    *(Obj **)(o + 1) = h->freelist[r->cls];
                    h->freelist[r->cls] = o;
                }
            }
            if (empty) {
                release_page(h, r);
                *pr = r->next;
                free(r);
                continue;
            }
            pr = &r->next;
        } else {
            Obj *o = (Obj *)r->start;
            if ((o->gc & 1) == h->mark) {
                live += r->bytes;
                pr = &r->next;
            } else {
                free_obj(h, r, o);
                uintptr_t first = (uintptr_t)r->start >> GRAIN_SHIFT;
                uintptr_t last = ((uintptr_t)r->start + r->bytes - 1) >> GRAIN_SHIFT;
                for (uintptr_t p = first; p <= last; p++) map_del(h, p);
                h->total_bytes -= r->bytes;
                munmap(r->start, r->bytes);
                *pr = r->next;
                free(r);
            }
        }
    }
    return live;
}

void gc_collect(VM *vm) {
    Heap *h = vm->heap;
    if (h->collecting) return;
    h->collecting = true;
    h->mark ^= 1;
    GC gc = { .vm = vm, .h = h, .mark = h->mark };
    vm->type_epoch++;   /* the lookup cache holds unrooted type pointers: drop it */
    gc_mark_roots(vm, &gc);
    for (int64_t i = 0; i < vm->roots.n; i++) gc_mark(&gc, vm->roots.items[i]);
    scan_c_stack(&gc);
    trace_all(&gc);
    notify_unreachable(vm, h, false);
    size_t live = sweep(h);
    h->live_after_gc = live;
    h->allocated_since = 0;
    /* collect again once the heap has grown by its live size: the cost per allocation stays
     * constant; peak memory is up to twice the live heap */
    h->threshold = live > (32u << 20) ? live : (32u << 20);
    h->collecting = false;
}

size_t gc_heap_bytes(VM *vm) { return vm->heap->total_bytes; }

void gc_free_all(VM *vm) {
    Heap *h = vm->heap;
    h->collecting = true;
    vm->at_exit = 1;
    notify_unreachable(vm, h, true);
    Region *r = h->regions;
    while (r) {
        Region *next = r->next;
        if (r->slot) {
            size_t n = r->cls >= NCLASSES ? r->bytes / r->slot : 0;
            for (size_t i = 0; i < n; i++) {
                Obj *o = (Obj *)(r->start + i * r->slot);
                if (o->type && o->type->finalize) o->type->finalize(o);
            }
        } else {
            Obj *o = (Obj *)r->start;
            if (o->type && o->type->finalize) o->type->finalize(o);
            munmap(r->start, r->bytes);   /* large objects have their own mapping */
        }
        free(r);
        r = next;
    }
    for (size_t i = 0; i < h->nchunks; i++) munmap(h->chunks[i], CHUNK_BYTES);
    free(h->chunks);
    free(h->free_pages);
    free(h->keys); free(h->vals); free(h->gray); free(h->spans);
    free(h);
    vm->heap = NULL;
}

void vm_push_root(VM *vm, Value v) {
    if (vm->roots.n == vm->roots.cap) {
        vm->roots.cap = vm->roots.cap ? vm->roots.cap * 2 : 64;
        vm->roots.items = realloc(vm->roots.items, vm->roots.cap * sizeof(Value));
        if (!vm->roots.items) abort();
    }
    vm->roots.items[vm->roots.n++] = v;
}
void vm_pop_roots(VM *vm, int64_t n) { vm->roots.n -= n; }
