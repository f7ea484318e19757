/* dict.c — the dict: a compact, insertion-ordered hash table as in CPython (an index table of
 * uint32 slots pointing into a dense entries array), the C API declared in vm.h, and the
 * Python-level dict type. Views and iterators live in vm/iterobjs.c.
 *
 * Invariants: entries[0..nentries) hold live entries and tombstones (key == VNULL) in insertion
 * order; `used` counts the live ones; the entries array has room for cap >= usable(size); the
 * index has `size` slots (a power of two, or 0 when nothing was ever stored); nentries never
 * exceeds usable(size) = size*2/3, so a probe always reaches an EMPTY slot.
 *
 * A slot packs an entry number and a tag. With size = 2**k, the low k bits hold the entry
 * number + 1 and the high 32-k bits hold the same bits of the key's hash (the low k bits chose
 * the home slot, the tag keeps the next ones). A probe compares tags before it touches the
 * entry, so in a big dict most collisions and misses cost no cache miss in the entries array.
 * A zero slot is EMPTY; a zero entry part under a nonzero tag part is DUMMY (deleted key).
 *
 * Probing visits the home slot and its LINEAR - 1 neighbours (usually one cache line), then
 * jumps as CPython does (g = 5g + 1 + perturb, perturb shifted down by 5 each time, from the
 * group's first slot): neighbours keep sequential int keys cheap, the jumps bring in all the
 * hash's bits so keys that agree on their low bits still spread, and once perturb reaches 0
 * the group starts run through every slot. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/dict.h"
#include "vm/strbuf.h"
#include "vm/tablemem.h"
#include <stdlib.h>
#include <string.h>

#define IX_EMPTY (-1)
#define IX_ERROR (-3)
#define IX_SLOW (-4)
#define NO_SLOT UINT64_MAX
#define MIN_SIZE 8
#define MAX_SIZE ((int64_t)1 << 30)   /* the tag needs at least one bit of the slot */
#define LINEAR 4

typedef DictEntry Entry;   /* vm.h reads entries inline */

struct Dict {
    Obj head;
    uint64_t version;   /* must follow head: vm.h reads it inline (DictHead) */
    int64_t used, nentries, size;
    uint32_t *index;
    Entry *entries;
    /* The last lookup through find() whose key and stored key are small ints or exact strs
     * (so it ran no script code): `d[k] += 1` and `if k in d: d[k] = v` then store without a
     * second probe. Valid while version == hit_version. dict_trace clears it at every
     * collection, so a dead key's address can't come back as a false hit. */
    Value hit_key;
    int64_t hit_ix;
    uint64_t hit_version;
    int64_t cap;   /* room in entries: usable(size), more if a shrink could not happen */
};

static inline int64_t usable(int64_t size) { return size * 2 / 3; }

static void dict_trace(GC *gc, Obj *o) {
    Dict *d = (Dict *)o;
    d->hit_key = VNULL;
    /* int keys and values are common in big dicts: test before the call */
    for (int64_t i = 0; i < d->nentries; i++) {
        Entry *e = &d->entries[i];
        if (v_is_obj(e->key)) gc_mark_obj(gc, (Obj *)e->key);
        if (v_is_obj(e->value)) gc_mark_obj(gc, (Obj *)e->value);
    }
}

static size_t index_bytes(int64_t size);
static size_t entries_bytes(int64_t cap);

static void dict_finalize(Obj *o) {
    Dict *d = (Dict *)o;
    table_free(d->index, index_bytes(d->size));
    table_free(d->entries, entries_bytes(d->cap));
    d->index = NULL;
    d->entries = NULL;
    d->size = d->cap = 0;
}

/* ---- the table ---- */

static inline bool is_exact_str(VM *vm, Value v) { return v_is_obj(v) && ((Obj *)v)->type == vm->t_str; }

/* Keys whose hash and equality are the VM's own: no script code runs to compare them. */
static inline bool plain_key(VM *vm, Value v) { return v_is_int(v) || is_exact_str(vm, v); }

/* Small ints and strings hash without the protocol, so dicts work while the VM bootstraps. */
static inline int key_hash(VM *vm, Value key, int64_t *h) {
    if (v_is_int(key)) { *h = smallint_hash(v_int(key)); return 0; }
    if (is_exact_str(vm, key)) { *h = str_hash(as_str(key)); return 0; }
    return vm_hash(vm, key, h);
}

static inline uint32_t slot_tag(int64_t hash, uint64_t mask) { return (uint32_t)hash & ~(uint32_t)mask; }

typedef struct { uint64_t mask, group, perturb; uint32_t step; } Probe;

static inline uint64_t probe_start(Probe *p, uint64_t mask, int64_t hash) {
    p->mask = mask;
    p->perturb = (uint64_t)hash;
    p->group = (uint64_t)hash & mask;
    p->step = 0;
    return p->group;
}

static inline uint64_t probe_next(Probe *p) {
    if (++p->step < LINEAR) return (p->group + p->step) & p->mask;
    p->step = 0;
    p->perturb >>= 5;
    p->group = (p->group * 5 + 1 + p->perturb) & p->mask;
    return p->group;
}

/* Equality of two keys with equal hashes, without the protocol when both are small ints or
 * exact strs: 1 equal, 0 not, -1 undecided (the caller asks __eq__). */
static inline int quick_eq(VM *vm, Value a, Value b) {
    if (v_is_int(a) && v_is_int(b)) return 0;   /* identity was checked first */
    if (is_exact_str(vm, a) && is_exact_str(vm, b)) {
        Str *x = as_str(a), *y = as_str(b);
        return x->len == y->len && memcmp(x->data, y->data, (size_t)x->len) == 0;
    }
    return -1;
}

/* The probe loop of lookups and inserts, inlined into each: the entry number of `key`,
 * IX_EMPTY if absent, or IX_SLOW when a candidate needs __eq__ (lookup_slow takes over). With
 * `slot`, it also reports where an insert would go: the first DUMMY or EMPTY slot on the path.
 * d->size must be nonzero. */
static inline __attribute__((always_inline)) int64_t probe(VM *vm, const Dict *d, Value key, int64_t hash,
                                                           uint64_t *slot) {
    uint64_t mask = (uint64_t)d->size - 1, dummy = UINT64_MAX;
    uint32_t tag = slot_tag(hash, mask), nmax = (uint32_t)mask;
    const uint32_t *index = d->index;
    Probe p;
    for (uint64_t i = probe_start(&p, mask, hash);; i = probe_next(&p)) {
        uint32_t s = index[i];
        if (!s) {
            if (slot) *slot = dummy != UINT64_MAX ? dummy : i;
            return IX_EMPTY;
        }
        uint32_t ix = (s ^ tag) - 1;   /* below nmax only for an entry with this tag */
        if (ix >= nmax) {
            if (slot && dummy == UINT64_MAX && !(s & nmax)) dummy = i;
            continue;
        }
        const Entry *e = &d->entries[ix];
        if (e->key == key) return ix;
        if (e->hash != hash) continue;
        int eq = quick_eq(vm, e->key, key);
        if (eq > 0) return ix;
        if (eq < 0) return IX_SLOW;
    }
}

/* The lookup for keys that need __eq__: the same walk, asking the protocol. A user __eq__ may
 * mutate the dict; the walk then starts over, as CPython's does. IX_ERROR if __eq__ raised. */
static __attribute__((noinline)) int64_t lookup_slow(VM *vm, Dict *d, Value key, int64_t hash) {
restart:
    if (!d->size) return IX_EMPTY;
    uint64_t mask = (uint64_t)d->size - 1;
    uint32_t tag = slot_tag(hash, mask), nmax = (uint32_t)mask;
    Probe p;
    for (uint64_t i = probe_start(&p, mask, hash);; i = probe_next(&p)) {
        uint32_t s = d->index[i];
        if (!s) return IX_EMPTY;
        uint32_t ix = (s ^ tag) - 1;
        if (ix >= nmax) continue;
        Entry *e = &d->entries[ix];
        if (e->key == key) return ix;
        if (e->hash != hash) continue;
        int eq = quick_eq(vm, e->key, key);
        if (eq > 0) return ix;
        if (eq == 0) continue;
        uint64_t version = d->version;
        eq = vm_eq(vm, e->key, key);
        if (eq < 0) return IX_ERROR;
        if (d->version != version) goto restart;
        if (eq) return ix;
    }
}

/* Returns the entry number of `key`, IX_EMPTY if absent, or IX_ERROR if a comparison raised. */
static inline __attribute__((always_inline)) int64_t lookup(VM *vm, Dict *d, Value key, int64_t hash) {
    if (!d->size) return IX_EMPTY;
    int64_t ix = probe(vm, d, key, hash, NULL);
    return ix == IX_SLOW ? lookup_slow(vm, d, key, hash) : ix;
}

/* The slot where a new entry for `hash` goes: the first EMPTY or DUMMY one on its probe path
 * (the caller has checked the key is absent). */
static uint64_t free_slot(const Dict *d, int64_t hash) {
    uint64_t mask = (uint64_t)d->size - 1;
    Probe p;
    for (uint64_t i = probe_start(&p, mask, hash);; i = probe_next(&p))
        if (!(d->index[i] & (uint32_t)mask)) return i;
}

static inline void put_slot(Dict *d, uint64_t slot, int64_t hash, int64_t ix) {
    d->index[slot] = slot_tag(hash, (uint64_t)d->size - 1) | (uint32_t)(ix + 1);
}

static size_t index_bytes(int64_t size) { return (size_t)size * sizeof(uint32_t); }
static size_t entries_bytes(int64_t cap) { return (size_t)cap * sizeof(Entry); }

/* Rebuild with room for at least `minused` live entries, dropping tombstones. The entries
 * array is compacted in place and resized (a big one is remapped, not copied); the index
 * starts zeroed (EMPTY is 0). */
static int resize(VM *vm, Dict *d, int64_t minused) {
    int64_t size = MIN_SIZE;
    while (size < minused) size <<= 1;
    if (size > MAX_SIZE) { vm_nomem(vm); return -1; }
    int64_t cap = usable(size);
    uint32_t *index = table_alloc(index_bytes(size), true);
    if (!index) { vm_nomem(vm); return -1; }
    Entry *entries = d->entries;
    if (cap > d->cap) {
        entries = table_realloc(entries, entries_bytes(d->cap), entries_bytes(cap));
        if (!entries) { table_free(index, index_bytes(size)); vm_nomem(vm); return -1; }
        d->cap = cap;
    }
    int64_t n = d->nentries;
    if (d->used != n) {
        n = 0;
        for (int64_t i = 0; i < d->nentries; i++)
            if (entries[i].key) entries[n++] = entries[i];
    }
    if (cap < d->cap) {
        Entry *smaller = table_realloc(entries, entries_bytes(d->cap), entries_bytes(cap));
        if (smaller) { entries = smaller; d->cap = cap; }
    }
    table_free(d->index, index_bytes(d->size));
    d->index = index;
    d->entries = entries;
    d->size = size;
    d->nentries = n;
    uint64_t mask = (uint64_t)size - 1;
    for (int64_t i = 0; i < n; i++) {
        /* random writes into a big index: start fetching a few entries ahead */
        if (i + 8 < n) __builtin_prefetch(&index[(uint64_t)entries[i + 8].hash & mask], 1);
        put_slot(d, free_slot(d, entries[i].hash), entries[i].hash, i);
    }
    return 0;
}

Dict *dict_new(VM *vm) { return gc_alloc(vm, vm->t_dict, sizeof(Dict)); }

Value dict_new_v(VM *vm) { return v_from_obj(dict_new(vm)); }

int64_t dict_len(Dict *d) { return d->used; }

int64_t dict_entry_count(Dict *d) { return d->nentries; }

bool dict_check(VM *vm, Value v) { return v_is_obj(v) && isinst(vm, v, vm->t_dict); }

bool dict_entry_at(Dict *d, int64_t i, Value *key, Value *value, int64_t *hash) {
    if (i < 0 || i >= d->nentries || !d->entries[i].key) return false;
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    if (hash) *hash = d->entries[i].hash;
    return true;
}

bool dict_next(Dict *d, int64_t *pos, Value *key, Value *value) {
    while (*pos < d->nentries) {
        Entry *e = &d->entries[(*pos)++];
        if (e->key) {
            if (key) *key = e->key;
            if (value) *value = e->value;
            return true;
        }
    }
    return false;
}

static inline bool hit(const Dict *d, Value key) { return key == d->hit_key && d->version == d->hit_version; }

/* The lookup of the subscript paths: the remembered hit first, then a probe. With `remember`
 * it becomes the hit when no script code took part. Only callers whose key is a heap object
 * may remember: C code probes with stack temporaries (str_intern_cstr), whose address the
 * next temporary reuses. A heap key's address stays its own until a collection clears hits. */
static inline __attribute__((always_inline)) int64_t find(VM *vm, Dict *d, Value key, bool remember) {
    if (hit(d, key)) return d->hit_ix;
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return IX_ERROR;
    int64_t ix = lookup(vm, d, key, h);
    if (remember && ix >= 0 && plain_key(vm, key) && plain_key(vm, d->entries[ix].key)) {
        d->hit_key = key;
        d->hit_ix = ix;
        d->hit_version = d->version;
    }
    return ix;
}

int dict_get_hashed(VM *vm, Dict *d, Value key, int64_t hash, Value *out) {
    int64_t ix = lookup(vm, d, key, hash);
    if (ix == IX_ERROR) return -1;
    if (ix < 0) return 0;
    if (out) *out = d->entries[ix].value;
    return 1;
}

int dict_get(VM *vm, Dict *d, Value key, Value *out) {
    int64_t ix = find(vm, d, key, false);
    if (ix == IX_ERROR) return -1;
    if (ix < 0) return 0;
    if (out) *out = d->entries[ix].value;
    return 1;
}

int dict_contains(VM *vm, Dict *d, Value key) {
    int64_t ix = find(vm, d, key, true);
    return ix == IX_ERROR ? -1 : ix >= 0;
}

/* Appends an entry whose index slot is `slot` (NO_SLOT: find one). */
static inline void append_entry(Dict *d, uint64_t slot, Value key, int64_t hash, Value v) {
    Entry *e = &d->entries[d->nentries];
    e->hash = hash;
    e->key = key;
    e->value = v;
    put_slot(d, slot != NO_SLOT ? slot : free_slot(d, hash), hash, d->nentries++);
    d->used++;
}

static inline __attribute__((always_inline)) int set_item(VM *vm, Dict *d, Value key, int64_t hash, Value v) {
    uint64_t slot = NO_SLOT;
    int64_t ix = d->size ? probe(vm, d, key, hash, &slot) : IX_EMPTY;
    if (ix == IX_SLOW) {
        slot = NO_SLOT;   /* __eq__ may change the table */
        if ((ix = lookup_slow(vm, d, key, hash)) == IX_ERROR) return -1;
    }
    d->version++;
    if (ix >= 0) { d->entries[ix].value = v; return 0; }
    if (d->nentries >= usable(d->size)) {
        if (resize(vm, d, d->used * 3 + 1) < 0) return -1;
        slot = NO_SLOT;
    }
    append_entry(d, slot, key, hash, v);
    return 0;
}

int dict_set_hashed(VM *vm, Dict *d, Value key, int64_t hash, Value v) { return set_item(vm, d, key, hash, v); }

int dict_set(VM *vm, Dict *d, Value key, Value v) {
    if (hit(d, key)) {
        d->entries[d->hit_ix].value = v;
        d->hit_version = ++d->version;
        return 0;
    }
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    return set_item(vm, d, key, h, v);
}

/* Removes entry `ix`: its index slot becomes a DUMMY (its tag kept, so probes still skip it
 * without reading the entry). */
static void remove_entry(Dict *d, int64_t ix) {
    int64_t hash = d->entries[ix].hash;
    uint64_t mask = (uint64_t)d->size - 1;
    uint32_t tag = slot_tag(hash, mask), want = tag | (uint32_t)(ix + 1);
    Probe p;
    uint64_t i = probe_start(&p, mask, hash);
    while (d->index[i] != want) i = probe_next(&p);
    d->index[i] = tag ? tag : ~(uint32_t)mask;
    d->entries[ix].key = VNULL;
    d->entries[ix].value = VNULL;
    d->used--;
    d->version++;
}

static int dict_pop_hashed(VM *vm, Dict *d, Value key, int64_t h, Value *out) {
    int64_t ix = lookup(vm, d, key, h);
    if (ix == IX_ERROR) return -1;
    if (ix < 0) return 0;
    if (out) *out = d->entries[ix].value;
    remove_entry(d, ix);
    return 1;
}

int dict_del(VM *vm, Dict *d, Value key) {
    int64_t ix = find(vm, d, key, false);
    if (ix == IX_ERROR) return -1;
    if (ix < 0) return 0;
    remove_entry(d, ix);
    return 1;
}

/* dict_get_str's walk when an entry needs a string comparison (an equal str that is not the
 * interned object) or the probe's hash is not cached yet. */
static __attribute__((noinline)) Value get_str_slow(Dict *d, Value interned) {
    Str *s = as_str(interned);
    int64_t hash = str_hash(s);
    uint64_t mask = (uint64_t)d->size - 1;
    uint32_t tag = slot_tag(hash, mask), nmax = (uint32_t)mask;
    Probe p;
    for (uint64_t i = probe_start(&p, mask, hash);; i = probe_next(&p)) {
        uint32_t slot = d->index[i];
        if (!slot) return VNULL;
        uint32_t ix = (slot ^ tag) - 1;
        if (ix >= nmax) continue;
        Entry *e = &d->entries[ix];
        if (e->key == interned) return e->value;
        /* a non-interned str key that is equal (same type as the probe: exact str) */
        if (e->hash == hash && v_is_obj(e->key) && ((Obj *)e->key)->type == s->head.type &&
            str_eq(as_str(e->key), s))
            return e->value;
    }
}

/* Globals, builtins and attribute lookups: the hot loop makes no calls (so it saves no
 * registers); anything but an identity hit or a clear miss goes to get_str_slow. */
Value dict_get_str(Dict *d, Value interned) {
    if (!d || !d->size) return VNULL;
    Str *s = as_str(interned);
    if (!(s->head.aux & 1)) return get_str_slow(d, interned);
    int64_t hash = s->hash;
    uint64_t mask = (uint64_t)d->size - 1;
    uint32_t tag = slot_tag(hash, mask), nmax = (uint32_t)mask;
    Probe p;
    for (uint64_t i = probe_start(&p, mask, hash);; i = probe_next(&p)) {
        uint32_t slot = d->index[i];
        if (!slot) return VNULL;
        uint32_t ix = (slot ^ tag) - 1;
        if (ix >= nmax) continue;
        const Entry *e = &d->entries[ix];
        if (e->key == interned) return e->value;
        if (e->hash == hash) return get_str_slow(d, interned);
    }
}

/* Attribute caches remember where a name sat in the last instance dict they saw: instances of
 * one class usually insert their attributes in the same order, so the entry number matches
 * and no hashing or probing is needed. */
Value dict_get_str_hint(Dict *d, Value interned, int32_t *hint) {
    int32_t h = *hint;
    if (d && h >= 0 && h < d->nentries && d->entries[h].key == interned) return d->entries[h].value;
    Value v = dict_get_str(d, interned);
    if (v && d) {
        for (int64_t i = 0; i < d->nentries && i < 64; i++)
            if (d->entries[i].key == interned) { *hint = (int32_t)i; break; }
    }
    return v;
}

int dict_set_str_hint(VM *vm, Dict *d, Value interned, Value v, int32_t *hint) {
    int32_t h = *hint;
    if (h >= 0 && h < d->nentries && d->entries[h].key == interned) {
        d->entries[h].value = v;
        d->version++;
        return 0;
    }
    if (dict_set(vm, d, interned, v) < 0) return -1;
    for (int64_t i = 0; i < d->nentries && i < 64; i++)
        if (d->entries[i].key == interned) { *hint = (int32_t)i; break; }
    return 0;
}

int dict_set_cstr(VM *vm, Dict *d, const char *key, Value v) {
    return dict_set(vm, d, str_intern_cstr(vm, key), v);
}

Value dict_get_cstr(VM *vm, Dict *d, const char *key) {
    return dict_get_str(d, str_intern_cstr(vm, key));
}

void dict_clear(Dict *d) {
    table_free(d->index, index_bytes(d->size));
    table_free(d->entries, entries_bytes(d->cap));
    d->index = NULL;
    d->entries = NULL;
    d->size = d->cap = d->used = d->nentries = 0;
    d->hit_key = VNULL;
    d->version++;
}

/* Copies d's table into an empty dict `to` (same hashes: no protocol calls). */
static int copy_into(VM *vm, Dict *to, Dict *d) {
    if (d->used == 0) return 0;
    if (resize(vm, to, d->used * 3 / 2 + 1) < 0) return -1;
    for (int64_t i = 0; i < d->nentries; i++) {
        Entry *e = &d->entries[i];
        if (e->key) append_entry(to, NO_SLOT, e->key, e->hash, e->value);
    }
    to->version++;
    return 0;
}

Value dict_copy(VM *vm, Dict *d) {
    Dict *c = dict_new(vm);
    if (!c || copy_into(vm, c, d) < 0) return VNULL;
    return v_from_obj(c);
}

/* ---- update / merge ---- */

static int merge_pairs(VM *vm, Dict *d, Value iterable) {
    Value it = vm_iter(vm, iterable);
    if (!it) return -1;
    for (int64_t n = 0;; n++) {
        Value item = vm_next(vm, it);
        if (!item) return vm->exc ? -1 : 0;
        Value pair = vm_to_tuple(vm, item);
        if (!pair) {
            if (vm_exc_is(vm, vm->e_TypeError)) {
                vm_clear_exc(vm);
                vm_raise(vm, vm->e_TypeError,
                         "cannot convert dictionary update sequence element #%lld to a sequence",
                         (long long)n);
            }
            return -1;
        }
        if (as_tuple(pair)->n != 2) {
            vm_raise(vm, vm->e_ValueError,
                     "dictionary update sequence element #%lld has length %lld; 2 is required",
                     (long long)n, (long long)as_tuple(pair)->n);
            return -1;
        }
        if (dict_set(vm, d, as_tuple(pair)->items[0], as_tuple(pair)->items[1]) < 0) return -1;
    }
}

int dict_merge_arg(VM *vm, Dict *d, Value other) {
    if (v_is_obj(other) && ((Obj *)other)->type == vm->t_dict) {
        Dict *o = (Dict *)other;
        if (o == d) return 0;
        for (int64_t i = 0; i < o->nentries; i++) {
            Entry *e = &o->entries[i];
            if (e->key && dict_set_hashed(vm, d, e->key, e->hash, e->value) < 0) return -1;
        }
        return 0;
    }
    Value keys_fn = vm_getattr_opt(vm, other, vm->s_keys);
    if (!keys_fn) return vm->exc ? -1 : merge_pairs(vm, d, other);
    Value keys = vm_call0(vm, keys_fn);
    if (!keys) return -1;
    Value it = vm_iter(vm, keys);
    if (!it) return -1;
    for (;;) {
        Value k = vm_next(vm, it);
        if (!k) return vm->exc ? -1 : 0;
        Value v = vm_getitem(vm, other, k);
        if (!v || dict_set(vm, d, k, v) < 0) return -1;
    }
}

int dict_update(VM *vm, Dict *d, Value other) { return dict_merge_arg(vm, d, other); }

/* ---- Python-level methods ---- */

static Value key_error(VM *vm, Value key) {
    Value e = exc_new(vm, vm->e_KeyError, &key, 1);
    if (!e) return VNULL;
    return vm_raise_value(vm, e);
}

static int noargs(VM *vm, const char *name, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs - 1);
        return -1;
    }
    return 0;
}

static int onearg(VM *vm, const char *name, int nargs, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 2) {
        vm_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs - 1);
        return -1;
    }
    return 0;
}

#define SELF ((Dict *)args[0])

static Value d_new(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *cls = (Type *)args[0];
    Dict *d = gc_alloc(vm, cls, cls->size ? cls->size : sizeof(Dict));
    return d ? v_from_obj(d) : VNULL;
}

static int update_common(VM *vm, Dict *d, const char *name, Value *args, int nargs, Value kwnames) {
    if (nargs > 2) {
        vm_raise(vm, vm->e_TypeError, "%s expected at most 1 argument, got %d", name, nargs - 1);
        return -1;
    }
    if (nargs == 2 && dict_merge_arg(vm, d, args[1]) < 0) return -1;
    if (kwnames) {
        Tuple *kw = as_tuple(kwnames);
        for (int64_t i = 0; i < kw->n; i++)
            if (dict_set(vm, d, kw->items[i], args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static Value d_init(VM *vm, Value *args, int nargs, Value kwnames) {
    if (update_common(vm, SELF, "dict", args, nargs, kwnames) < 0) return VNULL;
    return vm->none;
}

static Value d_update(VM *vm, Value *args, int nargs, Value kwnames) {
    if (update_common(vm, SELF, "update", args, nargs, kwnames) < 0) return VNULL;
    return vm->none;
}

static Value d_fromkeys(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "fromkeys", nargs - 1, kwnames, 1, 2) < 0) return VNULL;
    Value value = nargs > 2 ? args[2] : vm->none;
    Value d = vm_call0(vm, args[0]);
    if (!d) return VNULL;
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    bool exact = v_is_obj(d) && ((Obj *)d)->type == vm->t_dict;
    for (;;) {
        Value k = vm_next(vm, it);
        if (!k) return vm->exc ? VNULL : d;
        int r = exact ? dict_set(vm, (Dict *)d, k, value) : vm_setitem(vm, d, k, value);
        if (r < 0) return VNULL;
    }
}

Value dict_getitem(VM *vm, Value dv, Value key) {
    Dict *d = (Dict *)dv;
    int64_t ix = find(vm, d, key, true);
    if (ix >= 0) return d->entries[ix].value;
    if (ix == IX_ERROR) return VNULL;
    Type *t = ((Obj *)dv)->type;
    if (t != vm->t_dict) {
        Value missing = type_lookup(vm, t, vm->s___missing__);
        if (missing) {
            Value a[2] = { dv, key };
            return vm_call(vm, missing, a, 2, VNULL);
        }
    }
    return key_error(vm, key);
}

int dict_delitem(VM *vm, Dict *d, Value key) {
    int r = dict_del(vm, d, key);
    if (!r) key_error(vm, key);
    return r > 0 ? 0 : -1;
}

static Value d_getitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__getitem__", nargs, kwnames) < 0) return VNULL;
    return dict_getitem(vm, args[0], args[1]);
}

static Value d_setitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__setitem__", nargs - 1, kwnames, 2, 2) < 0) return VNULL;
    if (dict_set(vm, SELF, args[1], args[2]) < 0) return VNULL;
    return vm->none;
}

static Value d_delitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__delitem__", nargs, kwnames) < 0) return VNULL;
    return dict_delitem(vm, SELF, args[1]) < 0 ? VNULL : vm->none;
}

static Value d_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__contains__", nargs, kwnames) < 0) return VNULL;
    int r = dict_contains(vm, SELF, args[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value d_len(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.__len__", nargs, kwnames) < 0) return VNULL;
    return v_from_int(SELF->used);
}

static Value d_get(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "get", nargs - 1, kwnames, 1, 2) < 0) return VNULL;
    Value out;
    int r = dict_get(vm, SELF, args[1], &out);
    if (r < 0) return VNULL;
    return r ? out : (nargs > 2 ? args[2] : vm->none);
}

static Value d_setdefault(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "setdefault", nargs - 1, kwnames, 1, 2) < 0) return VNULL;
    Value out, dflt = nargs > 2 ? args[2] : vm->none;
    int64_t h;
    if (key_hash(vm, args[1], &h) < 0) return VNULL;
    int r = dict_get_hashed(vm, SELF, args[1], h, &out);
    if (r < 0) return VNULL;
    if (r) return out;
    if (dict_set_hashed(vm, SELF, args[1], h, dflt) < 0) return VNULL;
    return dflt;
}

static Value d_pop(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "pop", nargs - 1, kwnames, 1, 2) < 0) return VNULL;
    int64_t h;
    if (key_hash(vm, args[1], &h) < 0) return VNULL;
    Value out;
    int r = dict_pop_hashed(vm, SELF, args[1], h, &out);
    if (r < 0) return VNULL;
    if (r) return out;
    if (nargs > 2) return args[2];
    return key_error(vm, args[1]);
}

static Value d_popitem(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.popitem", nargs, kwnames) < 0) return VNULL;
    Dict *d = SELF;
    if (d->used == 0) return vm_raise(vm, vm->e_KeyError, "popitem(): dictionary is empty");
    int64_t i = d->nentries - 1;
    while (!d->entries[i].key) i--;
    Value pair = tuple_pack(vm, 2, d->entries[i].key, d->entries[i].value);
    if (!pair) return VNULL;
    remove_entry(d, i);
    d->nentries = i;   /* LIFO: the tail tombstone can be reused */
    return pair;
}

static Value d_copy(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.copy", nargs, kwnames) < 0) return VNULL;
    return dict_copy(vm, SELF);
}

static Value d_clear(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.clear", nargs, kwnames) < 0) return VNULL;
    dict_clear(SELF);
    return vm->none;
}

static Value make_view(VM *vm, Type *t, Value d) {
    Value *v = gc_alloc(vm, t, sizeof(Obj) + sizeof(Value));
    if (!v) return VNULL;
    v[2] = d;   /* layout of the view types in iterobjs.c: { Obj head; Value dict; } */
    return v_from_obj(v);
}

static Value d_keys(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.keys", nargs, kwnames) < 0) return VNULL;
    return make_view(vm, vm->t_dict_keys, args[0]);
}

static Value d_values(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.values", nargs, kwnames) < 0) return VNULL;
    return make_view(vm, vm->t_dict_values, args[0]);
}

static Value d_items(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.items", nargs, kwnames) < 0) return VNULL;
    return make_view(vm, vm->t_dict_items, args[0]);
}

static Value d_iter(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.__iter__", nargs, kwnames) < 0) return VNULL;
    return dict_iter_new(vm, args[0]);
}

static Value d_reversed(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.__reversed__", nargs, kwnames) < 0) return VNULL;
    Value keys = make_view(vm, vm->t_dict_keys, args[0]);
    if (!keys) return VNULL;
    return vm_call_method(vm, keys, vm->s___reversed__, NULL, 0);
}

/* 1 equal, 0 not, -1 error. Values are compared after looking the key up in b, as CPython. */
static int dict_equal(VM *vm, Dict *a, Dict *b) {
    if (a->used != b->used) return 0;
    for (int64_t i = 0; i < a->nentries; i++) {
        Entry *e = &a->entries[i];
        if (!e->key) continue;
        Value k = e->key, av = e->value, bv;
        int r = dict_get_hashed(vm, b, k, e->hash, &bv);
        if (r <= 0) return r;
        r = vm_eq(vm, av, bv);
        if (r <= 0) return r;
    }
    return 1;
}

static Value d_eq(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__eq__", nargs, kwnames) < 0) return VNULL;
    if (!dict_check(vm, args[1])) return vm->notimpl;
    int r = dict_equal(vm, SELF, (Dict *)args[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value d_ne(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__ne__", nargs, kwnames) < 0) return VNULL;
    if (!dict_check(vm, args[1])) return vm->notimpl;
    int r = dict_equal(vm, SELF, (Dict *)args[1]);
    return r < 0 ? VNULL : vm_bool(vm, !r);
}

static Value d_or(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__or__", nargs, kwnames) < 0) return VNULL;
    if (!dict_check(vm, args[1])) return vm->notimpl;
    Value c = dict_copy(vm, SELF);
    if (!c || dict_merge_arg(vm, (Dict *)c, args[1]) < 0) return VNULL;
    return c;
}

static Value d_ror(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__ror__", nargs, kwnames) < 0) return VNULL;
    if (!dict_check(vm, args[1])) return vm->notimpl;
    Value c = dict_copy(vm, (Dict *)args[1]);
    if (!c || dict_merge_arg(vm, (Dict *)c, args[0]) < 0) return VNULL;
    return c;
}

static Value d_ior(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__ior__", nargs, kwnames) < 0) return VNULL;
    if (dict_merge_arg(vm, SELF, args[1]) < 0) return VNULL;
    return args[0];
}

static Value d_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    if (noargs(vm, "dict.__repr__", nargs, kwnames) < 0) return VNULL;
    Dict *d = SELF;
    if (d->used == 0) return str_from_cstr(vm, "{}");
    if (vm_repr_enter(vm, args[0])) return str_from_cstr(vm, "{...}");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '{');
    bool first = true;
    /* a key's or value's repr may mutate the dict: re-read the table each step */
    for (int64_t i = 0; i < d->nentries; i++) {
        if (!d->entries[i].key) continue;
        Value k = d->entries[i].key, v = d->entries[i].value;
        Value kr = vm_repr(vm, k);
        Value vr = kr ? vm_repr(vm, v) : VNULL;
        if (!vr) { sb_free(&b); vm_repr_leave(vm, args[0]); return VNULL; }
        if (!first) sb_adds(&b, ", ");
        first = false;
        sb_add(&b, as_str(kr)->data, (size_t)as_str(kr)->len);
        sb_adds(&b, ": ");
        sb_add(&b, as_str(vr)->data, (size_t)as_str(vr)->len);
    }
    sb_addc(&b, '}');
    vm_repr_leave(vm, args[0]);
    Value r = str_new(vm, b.data, b.len);
    sb_free(&b);
    return r;
}

void dict_init(VM *vm) {
    Type *t = type_new_builtin(vm, "dict", vm->t_object, sizeof(Dict), TF_BASETYPE);
    t->trace = dict_trace;
    t->finalize = dict_finalize;
    vm->t_dict = t;
}

void dict_methods_init(VM *vm) {
    Type *t = vm->t_dict;
    type_add_static(vm, t, "__new__", d_new);
    type_add_method(vm, t, "__init__", d_init);
    type_add_classmethod(vm, t, "fromkeys", d_fromkeys);
    type_add_method(vm, t, "get", d_get);
    type_add_method(vm, t, "setdefault", d_setdefault);
    type_add_method(vm, t, "pop", d_pop);
    type_add_method(vm, t, "popitem", d_popitem);
    type_add_method(vm, t, "update", d_update);
    type_add_method(vm, t, "copy", d_copy);
    type_add_method(vm, t, "clear", d_clear);
    type_add_method(vm, t, "keys", d_keys);
    type_add_method(vm, t, "values", d_values);
    type_add_method(vm, t, "items", d_items);
    type_add_method(vm, t, "__getitem__", d_getitem);
    type_add_method(vm, t, "__setitem__", d_setitem);
    type_add_method(vm, t, "__delitem__", d_delitem);
    type_add_method(vm, t, "__contains__", d_contains);
    type_add_method(vm, t, "__len__", d_len);
    type_add_method(vm, t, "__iter__", d_iter);
    type_add_method(vm, t, "__reversed__", d_reversed);
    type_add_method(vm, t, "__eq__", d_eq);
    type_add_method(vm, t, "__ne__", d_ne);
    type_add_method(vm, t, "__or__", d_or);
    type_add_method(vm, t, "__ror__", d_ror);
    type_add_method(vm, t, "__ior__", d_ior);
    type_add_method(vm, t, "__repr__", d_repr);
    type_set_attr(vm, t, "__hash__", vm->none);
}
