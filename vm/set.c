/* set.c — set and frozenset. The table follows CPython's setobject.c exactly (size starts at 8,
 * 9 linear probes then perturbation, resize when fill*5 >= mask*3 to used*4 (used*2 above
 * 50000), a dummy on the probe path reused by add) so that iteration order — which scripts print — is
 * CPython's. The set algebra mirrors CPython's choice of which operand to iterate, for the same
 * reason. set_init also finishes dict and tuple (see containers.h). */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/dict.h"
#include "vm/strbuf.h"
#include "lang/ast.h"
#include <stdlib.h>
#include <string.h>

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY ((Value)8)   /* never a real object address; never traced */

typedef struct { int64_t hash; Value key; } SEntry;

typedef struct {
    Obj head;
    int64_t fill;        /* active + dummy */
    int64_t used;        /* active */
    int64_t mask;
    int64_t finger;      /* where pop() starts searching */
    SEntry *table;
    int64_t hash;        /* frozenset: cached hash, valid when hashed */
    bool hashed;
} Set;

static inline bool live(Value k) { return k != VNULL && k != DUMMY; }

static void set_trace(GC *gc, Obj *o) {
    Set *s = (Set *)o;
    if (!s->table) return;
    for (int64_t i = 0; i <= s->mask; i++)
        if (live(s->table[i].key)) gc_mark(gc, s->table[i].key);
}

static void set_finalize(Obj *o) {
    Set *s = (Set *)o;
    free(s->table);
    s->table = NULL;
}

static bool is_anyset(VM *vm, Value v) {
    return v_is_obj(v) && (isinst(vm, v, vm->t_set) || isinst(vm, v, vm->t_frozenset));
}

static int ensure_table(VM *vm, Set *s) {
    if (s->table) return 0;
    s->table = calloc(MINSIZE, sizeof(SEntry));
    if (!s->table) { vm_nomem(vm); return -1; }
    s->mask = MINSIZE - 1;
    return 0;
}

Value set_new(VM *vm, Type *t) {
    Set *s = gc_alloc(vm, t, t->size > sizeof(Set) ? t->size : sizeof(Set));
    if (!s || ensure_table(vm, s) < 0) return VNULL;
    return v_from_obj(s);
}

/* set or frozenset: the built-in base type of v's type, for results of set algebra. */
static Type *base_type(VM *vm, Value v) {
    return isinst(vm, v, vm->t_frozenset) ? vm->t_frozenset : vm->t_set;
}

int64_t set_len(Value v) { return ((Set *)v)->used; }

bool set_next(Value v, int64_t *pos, Value *key) {
    Set *s = (Set *)v;
    while (s->table && *pos <= s->mask) {
        SEntry *e = &s->table[(*pos)++];
        if (live(e->key)) { *key = e->key; return true; }
    }
    return false;
}

static int key_equal(VM *vm, Value a, Value b) {
    if (a == b) return 1;
    if (v_is_int(a) && v_is_int(b)) return 0;
    Type *ta = type_of(vm, a), *tb = type_of(vm, b);
    if (ta == vm->t_str && tb == vm->t_str) return str_eq(as_str(a), as_str(b));
    return vm_eq(vm, a, b);
}

/* The entry holding key, or the unused entry where the probe ended; NULL if a comparison
 * raised. A comparison that mutates the set restarts the probe, as in CPython. */
static SEntry *lookkey(VM *vm, Set *s, Value key, int64_t hash) {
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == VNULL) return e;
            if (e->hash == hash && live(e->key)) {
                Value start = e->key;
                if (start == key) return e;
                SEntry *table = s->table;
                int r = key_equal(vm, start, key);
                if (r < 0) return NULL;
                if (table != s->table || e->key != start) goto restart;
                if (r) return e;
                mask = (uint64_t)s->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void insert_clean(SEntry *table, uint64_t mask, Value key, int64_t hash) {
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SEntry *e = &table[i];
        if (e->key == VNULL) { e->key = key; e->hash = hash; return; }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == VNULL) { e->key = key; e->hash = hash; return; }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int table_resize(VM *vm, Set *s, int64_t minused) {
    int64_t size = MINSIZE;
    while (size <= minused) size <<= 1;
    SEntry *nt = calloc((size_t)size, sizeof(SEntry));
    if (!nt) { vm_nomem(vm); return -1; }
    SEntry *old = s->table;
    int64_t oldmask = s->mask;
    s->table = nt;
    s->mask = size - 1;
    s->fill = s->used;
    for (int64_t i = 0; old && i <= oldmask; i++)
        if (live(old[i].key)) insert_clean(nt, (uint64_t)s->mask, old[i].key, old[i].hash);
    free(old);
    return 0;
}

/* As CPython 3.11: the new key goes into the last dummy seen on the probe path, if any. */
static int add_entry(VM *vm, Set *s, Value key, int64_t hash) {
    if (ensure_table(vm, s) < 0) return -1;
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    SEntry *e, *freeslot = NULL;
    for (;;) {
        e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == VNULL) goto found_unused;
            if (e->hash == hash && live(e->key)) {
                Value start = e->key;
                if (start == key) return 0;
                SEntry *table = s->table;
                int r = key_equal(vm, start, key);
                if (r < 0) return -1;
                if (r) return 0;
                if (table != s->table || e->key != start) goto restart;
                mask = (uint64_t)s->mask;
            } else if (e->key == DUMMY) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if (s->fill * 5 < s->mask * 3) return 0;
    return table_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static int contains_entry(VM *vm, Set *s, Value key, int64_t hash) {
    if (!s->table) return 0;
    SEntry *e = lookkey(vm, s, key, hash);
    if (!e) return -1;
    return e->key != VNULL;
}

static int discard_entry(VM *vm, Set *s, Value key, int64_t hash) {
    if (!s->table) return 0;
    SEntry *e = lookkey(vm, s, key, hash);
    if (!e) return -1;
    if (e->key == VNULL) return 0;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    return 1;
}

/* Hash for lookups: an unhashable set key is looked up as the equal frozenset (CPython). */
static int lookup_hash(VM *vm, Value *key, int64_t *h) {
    if (vm_hash(vm, *key, h) == 0) return 0;
    if (!v_is_obj(*key) || !isinst(vm, *key, vm->t_set) || !vm_exc_is(vm, vm->e_TypeError)) return -1;
    vm_clear_exc(vm);
    Value f = set_copy_as(vm, *key, vm->t_frozenset);
    if (!f) return -1;
    *key = f;
    return vm_hash(vm, f, h);
}

int set_add(VM *vm, Value sv, Value key) {
    int64_t h;
    if (vm_hash(vm, key, &h) < 0) return -1;
    return add_entry(vm, (Set *)sv, key, h);
}

int set_contains(VM *vm, Value sv, Value key) {
    int64_t h;
    if (lookup_hash(vm, &key, &h) < 0) return -1;
    return contains_entry(vm, (Set *)sv, key, h);
}

int set_discard(VM *vm, Value sv, Value key) {
    int64_t h;
    if (lookup_hash(vm, &key, &h) < 0) return -1;
    return discard_entry(vm, (Set *)sv, key, h);
}

static void set_clear_internal(Set *s) {
    memset(s->table, 0, (size_t)(s->mask + 1) * sizeof(SEntry));
    if (s->mask + 1 > MINSIZE) {
        SEntry *t = realloc(s->table, MINSIZE * sizeof(SEntry));
        if (t) { s->table = t; s->mask = MINSIZE - 1; }
    }
    s->fill = s->used = 0;
}

static int set_merge(VM *vm, Set *s, Set *o) {
    if (o == s || o->used == 0) return 0;
    if (ensure_table(vm, s) < 0) return -1;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && table_resize(vm, s, (s->used + o->used) * 2) < 0) return -1;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        memcpy(s->table, o->table, (size_t)(o->mask + 1) * sizeof(SEntry));
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = s->used = o->used;
        for (int64_t i = 0; i <= o->mask; i++)
            if (live(o->table[i].key)) insert_clean(s->table, (uint64_t)s->mask, o->table[i].key, o->table[i].hash);
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        SEntry e = o->table[i];
        if (live(e.key) && add_entry(vm, s, e.key, e.hash) < 0) return -1;
    }
    return 0;
}

int set_update(VM *vm, Value sv, Value other) {
    Set *s = (Set *)sv;
    if (is_anyset(vm, other)) return set_merge(vm, s, (Set *)other);
    if (v_is_obj(other) && ((Obj *)other)->type == vm->t_dict) {
        Dict *d = (Dict *)other;
        int64_t n = dict_len(d);
        if ((s->fill + n) * 5 >= s->mask * 3 && table_resize(vm, s, (s->used + n) * 2) < 0) return -1;
        Value k;
        int64_t h;
        for (int64_t i = 0; i < dict_entry_count(d); i++)
            if (dict_entry_at(d, i, &k, NULL, &h) && add_entry(vm, s, k, h) < 0) return -1;
        return 0;
    }
    Value it = vm_iter(vm, other);
    if (!it) return -1;
    for (;;) {
        Value k = vm_next(vm, it);
        if (!k) return vm->exc ? -1 : 0;
        if (set_add(vm, sv, k) < 0) return -1;
    }
}

Value set_copy_as(VM *vm, Value sv, Type *t) {
    Value r = set_new(vm, t);
    if (!r || set_merge(vm, (Set *)r, (Set *)sv) < 0) return VNULL;
    return r;
}

static Value new_from(VM *vm, Type *t, Value iterable) {
    Value r = set_new(vm, t);
    if (!r || set_update(vm, r, iterable) < 0) return VNULL;
    return r;
}

/* ---- the set algebra ---- */

static Value set_intersection(VM *vm, Value sv, Value other) {
    Value result = set_new(vm, base_type(vm, sv));
    if (!result) return VNULL;
    Set *s = (Set *)sv;
    if (is_anyset(vm, other)) {
        Set *o = (Set *)other;
        if (o->used > s->used) { Set *t = s; s = o; o = t; }
        for (int64_t i = 0; i <= o->mask; i++) {
            SEntry e = o->table[i];
            if (!live(e.key)) continue;
            int r = contains_entry(vm, s, e.key, e.hash);
            if (r < 0 || (r && add_entry(vm, (Set *)result, e.key, e.hash) < 0)) return VNULL;
        }
        return result;
    }
    Value it = vm_iter(vm, other);
    if (!it) return VNULL;
    for (;;) {
        Value k = vm_next(vm, it);
        if (!k) return vm->exc ? VNULL : result;
        int64_t h;
        if (vm_hash(vm, k, &h) < 0) return VNULL;
        int r = contains_entry(vm, s, k, h);
        if (r < 0 || (r && add_entry(vm, (Set *)result, k, h) < 0)) return VNULL;
    }
}

static int difference_update(VM *vm, Set *s, Value other) {
    if ((Value)s == other) { set_clear_internal(s); return 0; }
    if (is_anyset(vm, other)) {
        Set *o = (Set *)other;
        for (int64_t i = 0; i <= o->mask; i++) {
            SEntry e = o->table[i];
            if (live(e.key) && discard_entry(vm, s, e.key, e.hash) < 0) return -1;
        }
    } else {
        Value it = vm_iter(vm, other);
        if (!it) return -1;
        for (;;) {
            Value k = vm_next(vm, it);
            if (!k) { if (vm->exc) return -1; break; }
            if (set_discard(vm, (Value)s, k) < 0) return -1;
        }
    }
    /* more than a quarter dummies: compact */
    if (s->fill - s->used <= s->mask / 4) return 0;
    return table_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static Value set_difference(VM *vm, Value sv, Value other) {
    Set *s = (Set *)sv;
    int64_t other_size;
    bool is_dict = v_is_obj(other) && ((Obj *)other)->type == vm->t_dict;
    if (is_anyset(vm, other)) other_size = ((Set *)other)->used;
    else if (is_dict) other_size = dict_len((Dict *)other);
    else other_size = -1;
    if (other_size < 0 || (s->used >> 2) > other_size) {
        Value r = set_copy_as(vm, sv, base_type(vm, sv));
        if (!r || difference_update(vm, (Set *)r, other) < 0) return VNULL;
        return r;
    }
    Value result = set_new(vm, base_type(vm, sv));
    if (!result) return VNULL;
    for (int64_t i = 0; i <= s->mask; i++) {
        SEntry e = s->table[i];
        if (!live(e.key)) continue;
        int r = is_dict ? dict_get_hashed(vm, (Dict *)other, e.key, e.hash, NULL)
                        : contains_entry(vm, (Set *)other, e.key, e.hash);
        if (r < 0 || (!r && add_entry(vm, (Set *)result, e.key, e.hash) < 0)) return VNULL;
    }
    return result;
}

static int symmetric_difference_update(VM *vm, Set *s, Value other) {
    if ((Value)s == other) { set_clear_internal(s); return 0; }
    Value ov = is_anyset(vm, other) ? other : new_from(vm, base_type(vm, (Value)s), other);
    if (!ov) return -1;
    Set *o = (Set *)ov;
    for (int64_t i = 0; i <= o->mask; i++) {
        SEntry e = o->table[i];
        if (!live(e.key)) continue;
        int r = discard_entry(vm, s, e.key, e.hash);
        if (r < 0 || (!r && add_entry(vm, s, e.key, e.hash) < 0)) return -1;
    }
    return 0;
}

static int issubset(VM *vm, Set *s, Value other) {
    Value ov = is_anyset(vm, other) ? other : new_from(vm, vm->t_set, other);
    if (!ov) return -1;
    Set *o = (Set *)ov;
    if (s->used > o->used) return 0;
    for (int64_t i = 0; i <= s->mask; i++) {
        SEntry e = s->table[i];
        if (!live(e.key)) continue;
        int r = contains_entry(vm, o, e.key, e.hash);
        if (r <= 0) return r;
    }
    return 1;
}

static int issuperset(VM *vm, Set *s, Value other) {
    if (is_anyset(vm, other)) return issubset(vm, (Set *)other, (Value)s);
    Value it = vm_iter(vm, other);
    if (!it) return -1;
    for (;;) {
        Value k = vm_next(vm, it);
        if (!k) return vm->exc ? -1 : 1;
        int r = set_contains(vm, (Value)s, k);
        if (r <= 0) return r;
    }
}

static int isdisjoint(VM *vm, Set *s, Value other) {
    if (is_anyset(vm, other)) {
        Set *o = (Set *)other;
        if (o->used > s->used) { Set *t = s; s = o; o = t; }
        for (int64_t i = 0; i <= o->mask; i++) {
            SEntry e = o->table[i];
            if (!live(e.key)) continue;
            int r = contains_entry(vm, s, e.key, e.hash);
            if (r) return r < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = vm_iter(vm, other);
    if (!it) return -1;
    for (;;) {
        Value k = vm_next(vm, it);
        if (!k) return vm->exc ? -1 : 1;
        int r = set_contains(vm, (Value)s, k);
        if (r) return r < 0 ? -1 : 0;
    }
}

/* CPython's frozenset hash, so equal frozensets hash equal whatever their table layout. */
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static int64_t frozenset_hash(Set *s) {
    uint64_t h = 0;
    for (int64_t i = 0; i <= s->mask; i++) h ^= shuffle_bits((uint64_t)s->table[i].hash);
    if ((s->mask + 1 - s->fill) & 1) h ^= shuffle_bits(0);
    if ((s->fill - s->used) & 1) h ^= shuffle_bits((uint64_t)-1);
    h ^= ((uint64_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uint64_t)-1) h = 590923713UL;
    return (int64_t)h;
}

/* ---- Python-level methods ---- */

#define SELF ((Set *)args[0])

static int check_n(VM *vm, const char *name, int nargs, Value kwnames, int want) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs - 1 == want) return 0;
    if (want == 0) vm_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs - 1);
    else vm_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs - 1);
    return -1;
}

static int no_kw(VM *vm, const char *name, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static Value key_error(VM *vm, Value key) {
    Value e = exc_new(vm, vm->e_KeyError, &key, 1);
    return e ? vm_raise_value(vm, e) : VNULL;
}

static Value s_new(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *cls = (Type *)args[0];
    if (cls == vm->t_set && no_kw(vm, "set", kwnames) < 0) return VNULL;
    return set_new(vm, cls);
}

static Value s_init(VM *vm, Value *args, int nargs, Value kwnames) {
    if (no_kw(vm, "set", kwnames) < 0) return VNULL;
    if (nargs > 2) return vm_raise(vm, vm->e_TypeError, "set expected at most 1 argument, got %d", nargs - 1);
    if (SELF->used || SELF->fill) set_clear_internal(SELF);
    if (nargs == 2 && set_update(vm, args[0], args[1]) < 0) return VNULL;
    return vm->none;
}

static Value fs_new(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *cls = (Type *)args[0];
    if (no_kw(vm, "frozenset", kwnames) < 0) return VNULL;
    if (nargs > 2) return vm_raise(vm, vm->e_TypeError, "frozenset expected at most 1 argument, got %d", nargs - 1);
    if (cls == vm->t_frozenset && nargs == 2 && v_is_obj(args[1]) && ((Obj *)args[1])->type == vm->t_frozenset)
        return args[1];
    Value r = set_new(vm, cls);
    if (!r || (nargs == 2 && set_update(vm, r, args[1]) < 0)) return VNULL;
    return r;
}

static Value s_len(VM *vm, Value *args, int nargs, Value kwnames) { return v_from_int(SELF->used); }

static Value s_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.__contains__", nargs, kwnames, 1) < 0) return VNULL;
    int r = set_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value s_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    Set *s = SELF;
    Type *t = ((Obj *)args[0])->type;
    if (!s->used) return str_printf(vm, "%s()", t->name);
    if (vm_repr_enter(vm, args[0])) return str_printf(vm, "%s(...)", t->name);
    Value items = vm_to_list(vm, args[0]);
    Value r = items ? seq_repr(vm, "{", "}", as_list(items)->items, as_list(items)->n) : VNULL;
    vm_repr_leave(vm, args[0]);
    if (!r || t == vm->t_set) return r;
    return str_printf(vm, "%s(%s)", t->name, str_cstr(r));
}

static Value s_add(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.add", nargs, kwnames, 1) < 0) return VNULL;
    return set_add(vm, args[0], args[1]) < 0 ? VNULL : vm->none;
}

static Value s_discard(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.discard", nargs, kwnames, 1) < 0) return VNULL;
    return set_discard(vm, args[0], args[1]) < 0 ? VNULL : vm->none;
}

static Value s_remove(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.remove", nargs, kwnames, 1) < 0) return VNULL;
    int r = set_discard(vm, args[0], args[1]);
    if (r < 0) return VNULL;
    return r ? vm->none : key_error(vm, args[1]);
}

static Value s_pop(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.pop", nargs, kwnames, 0) < 0) return VNULL;
    Set *s = SELF;
    if (s->used == 0) return vm_raise(vm, vm->e_KeyError, "pop from an empty set");
    SEntry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
    while (!live(e->key)) {
        e++;
        if (e > limit) e = s->table;
    }
    Value k = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = e - s->table + 1;
    return k;
}

static Value s_clear(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.clear", nargs, kwnames, 0) < 0) return VNULL;
    set_clear_internal(SELF);
    return vm->none;
}

static Value s_copy(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.copy", nargs, kwnames, 0) < 0) return VNULL;
    if (((Obj *)args[0])->type == vm->t_frozenset) return args[0];
    return set_copy_as(vm, args[0], base_type(vm, args[0]));
}

static Value s_update(VM *vm, Value *args, int nargs, Value kwnames) {
    if (no_kw(vm, "set.update", kwnames) < 0) return VNULL;
    for (int i = 1; i < nargs; i++) if (set_update(vm, args[0], args[i]) < 0) return VNULL;
    return vm->none;
}

static Value s_union(VM *vm, Value *args, int nargs, Value kwnames) {
    if (no_kw(vm, "set.union", kwnames) < 0) return VNULL;
    Value r = set_copy_as(vm, args[0], base_type(vm, args[0]));
    for (int i = 1; r && i < nargs; i++) if (set_update(vm, r, args[i]) < 0) return VNULL;
    return r;
}

static Value s_intersection(VM *vm, Value *args, int nargs, Value kwnames) {
    if (no_kw(vm, "set.intersection", kwnames) < 0) return VNULL;
    if (nargs == 1) return set_copy_as(vm, args[0], base_type(vm, args[0]));
    Value r = args[0];
    for (int i = 1; r && i < nargs; i++) r = set_intersection(vm, r, args[i]);
    return r;
}

static Value s_intersection_update(VM *vm, Value *args, int nargs, Value kwnames) {
    Value r = s_intersection(vm, args, nargs, kwnames);
    if (!r) return VNULL;
    /* swap tables: self takes the result's contents */
    Set *s = SELF, *t = (Set *)r;
    SEntry *tab = s->table; int64_t mask = s->mask;
    s->table = t->table; s->mask = t->mask; s->fill = t->fill; s->used = t->used;
    t->table = tab; t->mask = mask;
    return vm->none;
}

static Value s_difference(VM *vm, Value *args, int nargs, Value kwnames) {
    if (no_kw(vm, "set.difference", kwnames) < 0) return VNULL;
    if (nargs == 1) return set_copy_as(vm, args[0], base_type(vm, args[0]));
    Value r = set_difference(vm, args[0], args[1]);
    for (int i = 2; r && i < nargs; i++) if (difference_update(vm, (Set *)r, args[i]) < 0) return VNULL;
    return r;
}

static Value s_difference_update(VM *vm, Value *args, int nargs, Value kwnames) {
    if (no_kw(vm, "set.difference_update", kwnames) < 0) return VNULL;
    for (int i = 1; i < nargs; i++) if (difference_update(vm, SELF, args[i]) < 0) return VNULL;
    return vm->none;
}

static Value s_symdiff(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.symmetric_difference", nargs, kwnames, 1) < 0) return VNULL;
    Value r = new_from(vm, base_type(vm, args[0]), args[1]);
    if (!r || symmetric_difference_update(vm, (Set *)r, args[0]) < 0) return VNULL;
    return r;
}

static Value s_symdiff_update(VM *vm, Value *args, int nargs, Value kwnames) {
    if (check_n(vm, "set.symmetric_difference_update", nargs, kwnames, 1) < 0) return VNULL;
    return symmetric_difference_update(vm, SELF, args[1]) < 0 ? VNULL : vm->none;
}

#define PRED_METHOD(fname, qual, fn)                                              \
    static Value fname(VM *vm, Value *args, int nargs, Value kwnames) {          \
        if (check_n(vm, qual, nargs, kwnames, 1) < 0) return VNULL;              \
        int r = fn(vm, SELF, args[1]);                                           \
        return r < 0 ? VNULL : vm_bool(vm, r);                                   \
    }
PRED_METHOD(s_issubset, "set.issubset", issubset)
PRED_METHOD(s_issuperset, "set.issuperset", issuperset)
PRED_METHOD(s_isdisjoint, "set.isdisjoint", isdisjoint)

/* Operators: both operands must be sets or frozensets. */
static Value s_or(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    Value r = set_copy_as(vm, args[0], base_type(vm, args[0]));
    return r && set_update(vm, r, args[1]) == 0 ? r : VNULL;
}
static Value s_and(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    return set_intersection(vm, args[0], args[1]);
}
static Value s_sub(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    return set_difference(vm, args[0], args[1]);
}
static Value s_xor(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    Value r = set_copy_as(vm, args[1], base_type(vm, args[0]));
    return r && symmetric_difference_update(vm, (Set *)r, args[0]) == 0 ? r : VNULL;
}
static Value s_ior(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    return set_update(vm, args[0], args[1]) < 0 ? VNULL : args[0];
}
static Value s_iand(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    Value r = s_intersection_update(vm, args, 2, VNULL);
    return r ? args[0] : VNULL;
}
static Value s_isub(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    return difference_update(vm, SELF, args[1]) < 0 ? VNULL : args[0];
}
static Value s_ixor(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!is_anyset(vm, args[1])) return vm->notimpl;
    return symmetric_difference_update(vm, SELF, args[1]) < 0 ? VNULL : args[0];
}

static Value set_richcmp(VM *vm, Value a, Value b, int op) {
    if (!is_anyset(vm, b)) return vm->notimpl;
    Set *s = (Set *)a, *o = (Set *)b;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NOTEQ:
        if (s->used != o->used) r = 0;
        else if (s->hashed && o->hashed && s->hash != o->hash) r = 0;
        else r = issubset(vm, s, b);
        if (r < 0) return VNULL;
        return vm_bool(vm, op == CMP_EQ ? r : !r);
    case CMP_LTE: r = issubset(vm, s, b); break;
    case CMP_GTE: r = issubset(vm, o, a); break;
    case CMP_LT: r = s->used < o->used ? issubset(vm, s, b) : 0; break;
    default: r = s->used > o->used ? issubset(vm, o, a) : 0; break;
    }
    return r < 0 ? VNULL : vm_bool(vm, r);
}
#define CMP_METHOD(fname, op) \
    static Value fname(VM *vm, Value *args, int nargs, Value kwnames) { return set_richcmp(vm, args[0], args[1], op); }
CMP_METHOD(s_eq, CMP_EQ)
CMP_METHOD(s_ne, CMP_NOTEQ)
CMP_METHOD(s_lt, CMP_LT)
CMP_METHOD(s_le, CMP_LTE)
CMP_METHOD(s_gt, CMP_GT)
CMP_METHOD(s_ge, CMP_GTE)

int set_hash(VM *vm, Value fs, int64_t *out) {
    Set *s = (Set *)fs;
    if (!s->hashed) { s->hash = frozenset_hash(s); s->hashed = true; }
    *out = s->hash;
    return 0;
}

static Value fs_hash(VM *vm, Value *args, int nargs, Value kwnames) {
    int64_t h;
    set_hash(vm, args[0], &h);
    return int_from_i64(vm, h);
}

static void add_common(VM *vm, Type *t) {
    type_add_method(vm, t, "__len__", s_len);
    type_add_method(vm, t, "__contains__", s_contains);
    type_add_method(vm, t, "__repr__", s_repr);
    type_add_method(vm, t, "copy", s_copy);
    type_add_method(vm, t, "union", s_union);
    type_add_method(vm, t, "intersection", s_intersection);
    type_add_method(vm, t, "difference", s_difference);
    type_add_method(vm, t, "symmetric_difference", s_symdiff);
    type_add_method(vm, t, "issubset", s_issubset);
    type_add_method(vm, t, "issuperset", s_issuperset);
    type_add_method(vm, t, "isdisjoint", s_isdisjoint);
    type_add_method(vm, t, "__or__", s_or);
    type_add_method(vm, t, "__and__", s_and);
    type_add_method(vm, t, "__sub__", s_sub);
    type_add_method(vm, t, "__xor__", s_xor);
    type_add_method(vm, t, "__eq__", s_eq);
    type_add_method(vm, t, "__ne__", s_ne);
    type_add_method(vm, t, "__lt__", s_lt);
    type_add_method(vm, t, "__le__", s_le);
    type_add_method(vm, t, "__gt__", s_gt);
    type_add_method(vm, t, "__ge__", s_ge);
}

void set_init(VM *vm) {
    dict_methods_init(vm);
    tuple_methods_init(vm);
    Type *t = type_new_builtin(vm, "set", vm->t_object, sizeof(Set), TF_BASETYPE);
    t->trace = set_trace;
    t->finalize = set_finalize;
    vm->t_set = t;
    type_add_static(vm, t, "__new__", s_new);
    type_add_method(vm, t, "__init__", s_init);
    add_common(vm, t);
    type_add_method(vm, t, "add", s_add);
    type_add_method(vm, t, "discard", s_discard);
    type_add_method(vm, t, "remove", s_remove);
    type_add_method(vm, t, "pop", s_pop);
    type_add_method(vm, t, "clear", s_clear);
    type_add_method(vm, t, "update", s_update);
    type_add_method(vm, t, "intersection_update", s_intersection_update);
    type_add_method(vm, t, "difference_update", s_difference_update);
    type_add_method(vm, t, "symmetric_difference_update", s_symdiff_update);
    type_add_method(vm, t, "__ior__", s_ior);
    type_add_method(vm, t, "__iand__", s_iand);
    type_add_method(vm, t, "__isub__", s_isub);
    type_add_method(vm, t, "__ixor__", s_ixor);
    type_set_attr(vm, t, "__hash__", vm->none);

    Type *f = type_new_builtin(vm, "frozenset", vm->t_object, sizeof(Set), TF_BASETYPE);
    f->trace = set_trace;
    f->finalize = set_finalize;
    vm->t_frozenset = f;
    type_add_static(vm, f, "__new__", fs_new);
    add_common(vm, f);
    type_add_method(vm, f, "__hash__", fs_hash);
    /* __iter__ of both is added by iterobjs_init, with the set_iterator type */
}
