/* test_gc.c — the collector (vm/gc.c) seen from outside: what dies and what survives a
 * collection, cycles, the conservative C-stack scan and what it cannot see (docs/
 * design-decisions.md D1, D8), explicit roots, large objects, stress mode, the memory limit.
 *
 * Deaths are observed through `on_collect` (D6) on a test type, Probe: the collector calls it
 * for each unreachable Probe before freeing anything. Nothing here depends on when the
 * collector decides to run by itself (its pacing) or how it reuses pages: tests call
 * gc_collect() and look only at which objects died, whether memory came back, and errors.
 *
 * The C stack is scanned conservatively, so a stale word left by an earlier call can keep a
 * dead object alive. Garbage is therefore made in noinline helpers and the stack below is
 * scrubbed before collecting; the "is freed" checks allow a few survivors out of many. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

VM *vm_new(const VMConfig *cfg);   /* vm/vm.c */
void vm_free(VM *vm);

enum { MAXPROBES = 4096 };

typedef struct { Obj head; int id; Value ref; } Probe;

static VM *vm;
static Type *probe_type;
static int next_id;
static unsigned char dead[MAXPROBES];   /* dead[id]: on_collect has seen the probe */
static int deaths;

static void probe_trace(GC *gc, Obj *o) { gc_mark(gc, ((Probe *)o)->ref); }

static void probe_died(VM *v, Obj *o) {
    Probe *p = (Probe *)o;
    cr_assert_lt(p->id, MAXPROBES);
    cr_assert_not(dead[p->id], "probe %d reported twice", p->id);
    dead[p->id] = 1;
    deaths++;
}

static void start(const VMConfig *cfg) {
    vm = vm_new(cfg);
    cr_assert_not_null(vm);
    probe_type = type_new_builtin(vm, "Probe", vm->t_object, sizeof(Probe), 0);
    probe_type->trace = probe_trace;
    probe_type->on_collect = probe_died;
    memset(dead, 0, sizeof dead);
    deaths = 0;
    next_id = 0;
}

static void setup(void) { start(NULL); }
static void teardown(void) { if (vm) vm_free(vm); vm = NULL; }

TestSuite(gc, .init = setup, .fini = teardown);

/* The conservative scan covers the C stack below stack_base: make it the test body's frame. */
#define SCAN_FROM_HERE() (vm->stack_base = __builtin_frame_address(0))

static Probe *probe(Value ref) {
    Probe *p = gc_alloc(vm, probe_type, sizeof(Probe));
    cr_assert_not_null(p);
    cr_assert_lt(next_id, MAXPROBES);
    p->id = next_id++;
    p->ref = ref;
    return p;
}

/* Overwrites the stack below the caller so stale words of finished calls are gone. Not
 * instrumented: under ASan an instrumented local array would live on its fake stack. */
static void __attribute__((noinline, no_sanitize_address)) scrub_stack(void) {
    volatile char junk[64 * 1024];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0;
}

/* A macro, not a function: the scrub must start right below the caller's frame, where the
 * helpers that made the garbage had theirs. */
#define collect() (scrub_stack(), gc_collect(vm))

static int __attribute__((noinline)) make_garbage_probes(int n) {
    int first = next_id;
    for (int i = 0; i < n; i++) probe(VNULL);
    return first;
}

static int dead_in(int first, int n) {
    int k = 0;
    for (int i = first; i < first + n; i++) k += dead[i];
    return k;
}

/* ---- what dies and what survives ---- */

Test(gc, unreachable_objects_are_freed) {
    SCAN_FROM_HERE();
    int first = make_garbage_probes(200);
    cr_expect_eq(deaths, 0);
    collect();
    cr_expect_geq(dead_in(first, 200), 195, "only %d of 200 garbage probes died", dead_in(first, 200));
    /* each is reported once: a second collection finds nothing new */
    int before = deaths;
    collect();
    cr_expect_eq(deaths, before);
}

Test(gc, reachable_objects_survive) {
    SCAN_FROM_HERE();
    Dict *d = dict_new(vm);
    vm_push_root(vm, v_from_obj(d));
    Probe *chain = NULL;
    for (int i = 0; i < 100; i++) chain = probe(v_from_obj(chain));   /* a linked list of probes */
    dict_set_cstr(vm, d, "head", v_from_obj(chain));
    chain = NULL;
    Value l = list_new(vm, 0);
    for (int i = 0; i < 100; i++) list_append(vm, l, v_from_obj(probe(VNULL)));
    dict_set_cstr(vm, d, "list", l);
    l = VNULL;
    for (int round = 0; round < 3; round++) collect();
    cr_expect_eq(deaths, 0, "%d reachable probes died", deaths);
    /* the objects are intact: walk the chain */
    Probe *p = (Probe *)dict_get_cstr(vm, d, "head");
    int n = 0;
    for (; p; p = (Probe *)p->ref) { cr_expect_eq(p->head.type, probe_type); n++; }
    cr_expect_eq(n, 100);
    /* cut the chain in the middle: the tail half dies, the head half lives */
    p = (Probe *)dict_get_cstr(vm, d, "head");
    for (int i = 0; i < 49; i++) p = (Probe *)p->ref;
    p->ref = VNULL;
    p = NULL;
    collect();
    cr_expect_geq(dead_in(0, 50), 48, "the cut-off half survived");
    cr_expect_eq(dead_in(50, 50), 0, "the reachable half died");
    vm_pop_roots(vm, 1);
}

/* ---- cycles ---- */

static void __attribute__((noinline)) make_cycles(int n) {
    for (int i = 0; i < n; i++) {
        Probe *a = probe(VNULL), *b = probe(v_from_obj(a));
        a->ref = v_from_obj(b);               /* a <-> b */
        Probe *self = probe(VNULL);
        self->ref = v_from_obj(self);         /* self loop */
    }
}

Test(gc, cycles_are_collected) {
    SCAN_FROM_HERE();
    make_cycles(100);
    collect();
    cr_expect_geq(deaths, 290, "only %d of 300 probes in cycles died", deaths);
}

/* A cycle built by a script (a list containing itself, an instance referring to itself, a
 * closure cell referring to its function) holding a probe is freed once the script drops it. */
Test(gc, script_cycles_are_collected) {
    SCAN_FROM_HERE();
    Dict *g = dict_new(vm);
    vm_push_root(vm, v_from_obj(g));
    dict_set(vm, g, vm->s___builtins__, vm->builtins_mod);
    for (int i = 0; i < 3; i++) {
        char name[8];
        snprintf(name, sizeof name, "p%d", i);
        dict_set_cstr(vm, g, name, v_from_obj(probe(VNULL)));
    }
    const char *src =
        "l = [p0]\n"
        "l.append(l)\n"
        "class Node:\n"
        "    pass\n"
        "n = Node()\n"
        "n.me = n\n"
        "n.p = p1\n"
        "def outer():\n"
        "    keep = p2\n"
        "    def rec():\n"
        "        return rec, keep\n"
        "    return rec\n"
        "r = outer()\n"
        "del l, n, r, p0, p1, p2\n";
    cr_assert(vm_exec_source(vm, src, strlen(src), "<test>", g), "script failed");
    collect();
    cr_expect_eq(deaths, 3, "%d of 3 probes in script cycles died", deaths);
    vm_pop_roots(vm, 1);
}

/* ---- roots the collector cannot see precisely ---- */

/* D1: a pointer held only in a C local keeps its object (and what it references) alive,
 * and so does a pointer into the middle of the object. */
Test(gc, c_stack_references_keep_objects) {
    SCAN_FROM_HERE();
    Probe *held = probe(v_from_obj(probe(VNULL)));      /* ids 0 <- 1 */
    Probe *other = probe(VNULL);                         /* id 2, held by an inner pointer */
    char *inner = (char *)other + sizeof(Obj) + 4;
    other = NULL;
    make_garbage_probes(50);                             /* ids 3..52 */
    for (int i = 0; i < 5; i++) {
        collect();
        for (int k = 0; k < 10; k++) str_printf(vm, "churn %d", k);   /* allocation between collections */
    }
    cr_expect_not(dead[0], "the C local's referent died");
    cr_expect_not(dead[1], "the probe held by the C local died");
    cr_expect_not(dead[2], "an interior pointer did not keep its object");
    cr_expect_geq(dead_in(3, 50), 45, "garbage next to live objects was kept");
    cr_expect_eq(held->head.type, probe_type);
    cr_expect_eq(((Probe *)held->ref)->head.type, probe_type);
    GC_KEEP(held);
    GC_KEEP(inner);
}

/* Explicit roots (vm_push_root) keep objects only while pushed. */
static int __attribute__((noinline)) push_rooted_probe(void) {
    Value l = list_new(vm, 0);
    int id = next_id;
    list_append(vm, l, v_from_obj(probe(VNULL)));
    vm_push_root(vm, l);
    return id;
}

Test(gc, explicit_roots) {
    SCAN_FROM_HERE();
    int k = push_rooted_probe();
    collect();
    collect();
    cr_expect_not(dead[k], "a pushed root died");
    vm_pop_roots(vm, 1);
    collect();
    cr_expect(dead[k], "a popped root survived");
}

static Value *__attribute__((noinline)) list_buffer_only(int n, int *first) {
    Value l = list_new(vm, 0);
    *first = next_id;
    for (int i = 0; i < n; i++) list_append(vm, l, v_from_obj(probe(VNULL)));
    return as_list(l)->items;
}

/* D8: a pointer into a list's malloc'd buffer does not keep the list alive, so its items
 * die with it. (The buffer is freed too: it is not read after the collection.) */
Test(gc, pointer_into_list_buffer_does_not_keep_list) {
    SCAN_FROM_HERE();
    int first;
    Value *items = list_buffer_only(100, &first);
    __asm__ volatile("" : : "r"(items) : "memory");   /* held across the collection */
    collect();
    cr_expect_geq(dead_in(first, 100), 95, "the buffer pointer kept %d of 100 items", 100 - dead_in(first, 100));
    GC_KEEP(items);
}

static Value __attribute__((noinline)) list_of_probes(int n) {
    Value l = list_new(vm, 0);
    for (int i = 0; i < n; i++) list_append(vm, l, v_from_obj(probe(VNULL)));
    return l;
}

/* D8: walking the buffer of a list held only by C while allocating, ended by GC_KEEP(list):
 * under stress mode (a collection at every allocation) every item stays alive. */
Test(gc, gc_keep_protects_buffer_walk) {
    teardown();
    VMConfig cfg = { .gc_stress = 1 };
    start(&cfg);
    SCAN_FROM_HERE();
    Value l = list_of_probes(50);
    Value *items = as_list(l)->items;
    int64_t n = as_list(l)->n;
    for (int64_t i = 0; i < n; i++) {
        Value s = str_printf(vm, "item %d", ((Probe *)items[i])->id);   /* collects */
        cr_assert(s);
        cr_expect_eq(((Probe *)items[i])->head.type, probe_type, "item %ld freed during the walk", (long)i);
    }
    GC_KEEP(l);
    cr_expect_eq(deaths, 0);
}

/* ---- large objects ---- */

static void __attribute__((noinline)) make_large_garbage(int n, size_t bytes) {
    for (int i = 0; i < n; i++) {
        Value l = list_new(vm, 0);
        list_append(vm, l, v_from_obj(probe(VNULL)));
        char *buf = malloc(bytes);
        memset(buf, 'x', bytes);
        Value big = str_new(vm, buf, bytes);
        free(buf);
        cr_assert(big);
        list_append(vm, l, big);
    }
}

Test(gc, large_objects_live_and_die) {
    SCAN_FROM_HERE();
    size_t big = 4u << 20;   /* far beyond any small size class */
    collect();
    size_t base = gc_heap_bytes(vm);
    /* one large string held by a C local: survives with its contents */
    char *buf = malloc(big);
    for (size_t i = 0; i < big; i++) buf[i] = (char)('a' + i % 26);
    Value kept = str_new(vm, buf, big);
    cr_assert(kept);
    /* rounds of dead large strings: their memory is returned or reused, so 40 of them never
     * need 40 times the space (whether pages are unmapped or kept for reuse) */
    for (int round = 0; round < 5; round++) {
        make_large_garbage(8, big);
        collect();
    }
    cr_expect_geq(deaths, 35, "lists holding large strings were kept");
    cr_expect_lt(gc_heap_bytes(vm), base + 20 * big, "heap grew by %zu MiB for 8 live MiB",
                 (gc_heap_bytes(vm) - base) >> 20);
    cr_expect_geq(gc_heap_bytes(vm), base + big);
    cr_expect_eq(as_str(kept)->len, (int64_t)big);
    cr_expect_eq(memcmp(str_cstr(kept), buf, big), 0, "a live large object was overwritten");
    free(buf);
    GC_KEEP(kept);
}

/* Garbage made continuously never makes the heap grow without bound: 512 MiB allocated in
 * small and medium objects, none kept, fits in a heap far smaller than that. */
static void __attribute__((noinline)) churn(size_t total) {
    char chunk[3000];
    memset(chunk, 'y', sizeof chunk);
    for (size_t done = 0; done < total;) {
        size_t n = 16 + done % (sizeof chunk - 16);
        cr_assert(str_new(vm, chunk, n));
        done += n;
    }
}

Test(gc, garbage_memory_is_reused) {
    SCAN_FROM_HERE();
    churn(512u << 20);
    cr_expect_lt(gc_heap_bytes(vm), 256u << 20, "heap %zu MiB after 512 MiB of garbage", gc_heap_bytes(vm) >> 20);
}

/* ---- stress mode and the memory limit ---- */

/* ASPEN_GC_STRESS=1 sets VMConfig.gc_stress: a collection before every allocation. Garbage
 * then dies at the next allocation, with no explicit collection, and a workload that
 * allocates in every way still computes what CPython computes. */
Test(gc, stress_mode_collects_at_every_allocation) {
    teardown();
    VMConfig cfg = { .gc_stress = 1 };
    start(&cfg);
    SCAN_FROM_HERE();
    int first = make_garbage_probes(20);
    scrub_stack();
    cr_assert(str_printf(vm, "one allocation"));
    cr_expect_geq(dead_in(first, 20), 18, "stress mode did not collect at the next allocation");
    const char *src =
        "def gen(n):\n"
        "    for i in range(n):\n"
        "        yield {str(i): [i] * (i % 3)}\n"
        "class P:\n"
        "    def __init__(self, v): self.v = v\n"
        "    def __repr__(self): return f'P({self.v!r})'\n"
        "def work():\n"
        "    acc = []\n"
        "    for d in gen(40):\n"
        "        for k, v in d.items():\n"
        "            acc.append(P((k, tuple(v), k * 2)))\n"
        "    try:\n"
        "        {}['missing' + str(len(acc))]\n"
        "    except KeyError as e:\n"
        "        acc.append(repr(e))\n"
        "    cells = [lambda i=i: i * i for i in range(10)]\n"
        "    total = sum(f() for f in cells) + sum(len(repr(p)) for p in acc)\n"
        "    return total, repr(acc[-2]), acc[-1], sorted({p.v[0] for p in acc[:5]})\n"
        "result = repr(work())\n";
    Dict *g = dict_new(vm);
    vm_push_root(vm, v_from_obj(g));
    dict_set(vm, g, vm->s___builtins__, vm->builtins_mod);
    cr_assert(vm_exec_source(vm, src, strlen(src), "<test>", g), "script failed under stress");
    cr_expect_str_eq(str_cstr(dict_get_cstr(vm, g, "result")),
                     "(1226, \"P(('39', (), '3939'))\", \"KeyError('missing40')\", ['0', '1', '2', '3', '4'])");   /* CPython 3.11 */
    vm_pop_roots(vm, 1);
}

/* The embedder's memory limit: growing past it raises MemoryError, in C (gc_alloc returns
 * NULL) and in a script (catchable); a single allocation larger than the limit too. */
Test(gc, memory_limit_raises_memory_error) {
    SCAN_FROM_HERE();
    collect();
    size_t limit = gc_heap_bytes(vm) + (8u << 20);
    vm->config.memory_limit = limit;
    cr_expect_null(gc_alloc(vm, vm->t_object, 64u << 20));
    cr_expect(vm_exc_is(vm, vm->e_MemoryError));
    vm_clear_exc(vm);
    Dict *g = dict_new(vm);
    vm_push_root(vm, v_from_obj(g));
    dict_set(vm, g, vm->s___builtins__, vm->builtins_mod);
    const char *src =
        "hog = []\n"
        "try:\n"
        "    while True:\n"
        "        hog.append('x' * 1000)\n"
        "except MemoryError:\n"
        "    caught = 'grow'\n"
        "hog = None\n";
    Value r = vm_exec_source(vm, src, strlen(src), "<test>", g);
    cr_assert(r, "MemoryError was not catchable");
    cr_expect_str_eq(str_cstr(dict_get_cstr(vm, g, "caught")), "grow");
    cr_expect_leq(gc_heap_bytes(vm), limit);
    const char *big = "s = 'y' * (64 * 1024 * 1024)\n";
    cr_expect_null(vm_exec_source(vm, big, strlen(big), "<test>", g));
    cr_expect(vm_exc_is(vm, vm->e_MemoryError));
    vm_clear_exc(vm);
    cr_expect_leq(gc_heap_bytes(vm), limit);
    vm_pop_roots(vm, 1);
}

/* D6: objects still alive when the VM is freed are reported too, exactly once. */
Test(gc, on_collect_runs_for_live_objects_at_vm_free) {
    SCAN_FROM_HERE();
    Value l = list_new(vm, 0);
    vm_push_root(vm, l);
    for (int i = 0; i < 10; i++) list_append(vm, l, v_from_obj(probe(VNULL)));
    collect();
    cr_expect_eq(deaths, 0);
    vm_free(vm);
    vm = NULL;
    cr_expect_eq(deaths, 10);
}
