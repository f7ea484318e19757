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
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
    640, 768, 1024, 1280, 1536, 2048, 2560, 3072, 4096, 5120, 6144, 8192, 10240, 16384,
};
#define NCLASSES (int)(sizeof size_classes / sizeof size_classes[0])
#define MAX_SMALL 16384

typedef struct Region {
    char *start;
    size_t bytes;
    uint32_t slot;            /* slot size; for large objects == 0 */
    int cls;
    struct Region *next;
} Region;

struct Heap {
    Obj *freelist[NCLASSES];
    Region *regions;
    /* open-addressing map: 4 KiB page number -> Region */
    uintptr_t *keys;
    Region **vals;
    size_t cap, count;
    size_t allocated_since, live_after_gc, threshold, total_bytes;
    Obj **gray; size_t ngray, capgray;
    Obj **watched; size_t nwatched, capwatched;   /* live objects whose type has on_collect */
    char **chunks; size_t nchunks, capchunks;      /* 2 MiB mappings that small pages come from */
    char *chunk_next; int chunk_left;
    char *bump[NCLASSES], *bump_end[NCLASSES];   /* untouched tail of each class's newest page */
    bool collecting;
};

struct GC { VM *vm; Heap *h; Obj *parent; /* the object being traced (diagnostics) */ };

static int class_of(size_t n) {
    int lo = 0, hi = NCLASSES - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (size_classes[mid] >= n) hi = mid; else lo = mid + 1;
    }
    return lo;
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
 * page (spawning 200,000 tasks maps hundreds of pages). Pages are never returned one by one,
 * so chunks are only unmapped when the VM is freed. */
#define CHUNK_PAGES 32
static void *page_from_chunk(Heap *h) {
    if (!h->chunk_left) {
        void *mem = mmap(NULL, (size_t)PAGE_SIZE * CHUNK_PAGES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED) return NULL;
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

static bool new_page(Heap *h, int cls) {
    void *mem = page_from_chunk(h);
    if (!mem) return false;
    Region *r = malloc(sizeof *r);
    if (!r) return false;
    r->start = mem;
    r->bytes = PAGE_SIZE;
    r->slot = size_classes[cls];
    r->cls = cls;
    register_region(h, r);
    /* slots are handed out by bumping through the page, so an untouched tail costs no RSS
     * (threading a free list through it would write every 4 KiB page at once) */
    h->bump[cls] = r->start;
    h->bump_end[cls] = r->start + (PAGE_SIZE / r->slot) * r->slot;
    h->total_bytes += PAGE_SIZE;
    return true;
}

void gc_init(VM *vm) {
    Heap *h = calloc(1, sizeof *h);
    if (!h) abort();
    h->threshold = 32u << 20;
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

void *gc_alloc(VM *vm, Type *t, size_t size) {
    Heap *h = vm->heap;
    if (size < sizeof(Obj) + sizeof(void *)) size = sizeof(Obj) + sizeof(void *);
    if (!h->collecting && (vm->config.gc_stress || h->allocated_since > h->threshold))
        gc_collect(vm);
    Obj *o;
    if (size <= MAX_SMALL) {
        int cls = class_of(size);
        if (!h->freelist[cls] && h->bump[cls] == h->bump_end[cls]) {
            /* the memory limit applies when the heap must grow, not to reusing free slots */
            if (vm->config.memory_limit && h->total_bytes + PAGE_SIZE > vm->config.memory_limit) {
                gc_collect(vm);
                if (!h->freelist[cls] && h->total_bytes + PAGE_SIZE > vm->config.memory_limit) { vm_nomem(vm); return NULL; }
            }
            if (!h->freelist[cls] && !new_page(h, cls)) { vm_nomem(vm); return NULL; }
        }
        if (h->freelist[cls]) {
            o = h->freelist[cls];
            h->freelist[cls] = *(Obj **)(o + 1);
            memset(o, 0, size_classes[cls]);
        } else {
            o = (Obj *)h->bump[cls];   /* fresh mmap'd memory is already zero */
            h->bump[cls] += size_classes[cls];
        }
        h->allocated_since += size_classes[cls];
    } else {
        if (vm->config.memory_limit && h->total_bytes + size > vm->config.memory_limit) {
            gc_collect(vm);
            if (h->total_bytes + size > vm->config.memory_limit) { vm_nomem(vm); return NULL; }
        }
        o = alloc_large(vm, size);
        if (!o) { vm_nomem(vm); return NULL; }
        h->allocated_since += size;
    }
    o->type = t;
    if (t && t->on_collect) {
        if (h->nwatched == h->capwatched) {
            h->capwatched = h->capwatched ? h->capwatched * 2 : 256;
            h->watched = realloc(h->watched, h->capwatched * sizeof(Obj *));
            if (!h->watched) abort();
        }
        h->watched[h->nwatched++] = o;
    }
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

void gc_mark_obj(GC *gc, void *p) {
    Obj *o = p;
    if (!o || (o->gc & 1)) return;
    if (!o->type) {
        fprintf(stderr, "GC: dangling reference from %s\n", gc->parent && gc->parent->type ? gc->parent->type->name : "a root");
        abort();
    }
    o->gc |= 1;
    push_gray(gc->h, o);
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

static void trace_all(GC *gc) {
    Heap *h = gc->h;
    while (h->ngray) {
        Obj *o = h->gray[--h->ngray];
        gc->parent = o;
        Type *t = o->type;
        gc_mark_obj(gc, t);
        if (t->trace) t->trace(gc, o);
        if (t->dictoffset) gc_mark_obj(gc, *(Obj **)((char *)o + t->dictoffset));
        else if (t->flags & TF_VARDICT) gc_mark_obj(gc, *var_dict_slot(gc->vm, o));
    }
}

static void free_obj(Heap *h, Region *r, Obj *o) {
    Type *t = o->type;
    if (t && t->finalize) t->finalize(o);
    o->type = NULL;
    o->gc = 0;
    if (r->slot) {
        *(Obj **)(o + 1) = h->freelist[r->cls];
        h->freelist[r->cls] = o;
    }
}

/* Before anything is freed, let dying watched objects report (warnings) while everything
 * they reference is still intact; only objects whose type has on_collect are visited. */
static void notify_unreachable(VM *vm, Heap *h, bool all) {
    size_t keep = 0;
    for (size_t i = 0; i < h->nwatched; i++) {
        Obj *o = h->watched[i];
        if (all || !(o->gc & 1)) { if (o->type && o->type->on_collect) o->type->on_collect(vm, o); }
        else h->watched[keep++] = o;
    }
    h->nwatched = all ? 0 : keep;
}

static size_t sweep(Heap *h) {
    size_t live = 0;
    Region **pr = &h->regions;
    while (*pr) {
        Region *r = *pr;
        if (r->slot) {
            size_t n = r->bytes / r->slot;
            for (size_t i = 0; i < n; i++) {
                Obj *o = (Obj *)(r->start + i * r->slot);
                if (!o->type) continue;
                if (o->gc & 1) { o->gc &= ~1u; live += r->slot; }
                else free_obj(h, r, o);
            }
            pr = &r->next;
        } else {
            Obj *o = (Obj *)r->start;
            if (o->gc & 1) {
                o->gc &= ~1u;
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
    GC gc = { vm, h, NULL };
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
    notify_unreachable(vm, h, true);
    Region *r = h->regions;
    while (r) {
        Region *next = r->next;
        if (r->slot) {
            size_t n = r->bytes / r->slot;
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
    for (size_t i = 0; i < h->nchunks; i++) munmap(h->chunks[i], (size_t)PAGE_SIZE * CHUNK_PAGES);
    free(h->chunks);
    free(h->keys); free(h->vals); free(h->gray); free(h->watched);
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
