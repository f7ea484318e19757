/* dict.c — the dict: a compact, insertion-ordered hash table as in CPython (an index table of
 * int32 slots pointing into a dense entries array), the C API declared in vm.h, and the
 * Python-level dict type. Views and iterators live in vm/iterobjs.c.
 *
 * Invariants: entries[0..nentries) hold live entries and tombstones (key == VNULL) in insertion
 * order; `used` counts the live ones; the index table has `size` (a power of two, or 0 when
 * nothing was ever stored) slots, each EMPTY, DUMMY or an entry number; nentries never exceeds
 * size*2/3, so a probe always reaches an EMPTY slot. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/dict.h"
#include "vm/strbuf.h"
#include <stdlib.h>
#include <string.h>

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define MIN_SIZE 8

typedef DictEntry Entry;   /* vm.h reads entries inline */

struct Dict {
    Obj head;
    uint64_t version;   /* must follow head: vm.h reads it inline (DictHead) */
    int64_t used, nentries, size;
    int32_t *index;
    Entry *entries;
};

static inline int64_t usable(int64_t size) { return size * 2 / 3; }

static void dict_trace(GC *gc, Obj *o) {
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
        if (!d->entries[i].key) continue;
        gc_mark(gc, d->entries[i].key);
        gc_mark(gc, d->entries[i].value);
    }
}

static void dict_finalize(Obj *o) {
    Dict *d = (Dict *)o;
    free(d->index);
    free(d->entries);
    d->index = NULL;
    d->entries = NULL;
}

static bool is_exact_str(VM *vm, Value v) { return v_is_obj(v) && ((Obj *)v)->type == vm->t_str; }

/* Strings hash without the protocol, so dicts work while the VM is still bootstrapping. */
static int key_hash(VM *vm, Value key, int64_t *h) {
    if (is_exact_str(vm, key)) { *h = str_hash(as_str(key)); return 0; }
    return vm_hash(vm, key, h);
}

static int keys_equal(VM *vm, Value a, Value b) {
    if (a == b) return 1;
    if (is_exact_str(vm, a) && is_exact_str(vm, b)) return str_eq(as_str(a), as_str(b));
    if (v_is_int(a) && v_is_int(b)) return 0;
    return vm_eq(vm, a, b);
}

/* Returns the entry number of `key`, IX_EMPTY if absent, or -3 if a comparison raised.
 * A user __eq__ may mutate the dict; the probe then starts over, as CPython does. */
static int64_t lookup(VM *vm, Dict *d, Value key, int64_t hash) {
restart:
    if (!d->size) return IX_EMPTY;
    uint64_t mask = (uint64_t)d->size - 1, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY) return IX_EMPTY;
        if (ix >= 0) {
            Entry *e = &d->entries[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                Entry *saved = d->entries;
                Value startkey = e->key;
                int eq = keys_equal(vm, startkey, key);
                if (eq < 0) return -3;
                if (d->entries != saved || d->size == 0 || d->entries[ix].key != startkey) goto restart;
                if (eq) return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static uint64_t empty_slot(Dict *d, int64_t hash) {
    uint64_t mask = (uint64_t)d->size - 1, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (d->index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild with room for at least `minused` live entries, dropping tombstones. */
static int resize(VM *vm, Dict *d, int64_t minused) {
    int64_t size = MIN_SIZE;
    while (size < minused) size <<= 1;
    int32_t *index = malloc((size_t)size * sizeof *index);
    Entry *entries = malloc((size_t)usable(size) * sizeof *entries);
    if (!index || !entries) { free(index); free(entries); vm_nomem(vm); return -1; }
    memset(index, 0xff, (size_t)size * sizeof *index);
    int64_t n = 0;
    for (int64_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key) entries[n++] = d->entries[i];
    free(d->index);
    free(d->entries);
    d->index = index;
    d->entries = entries;
    d->size = size;
    d->nentries = n;
    for (int64_t i = 0; i < n; i++) d->index[empty_slot(d, entries[i].hash)] = (int32_t)i;
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

int dict_get_hashed(VM *vm, Dict *d, Value key, int64_t hash, Value *out) {
    int64_t ix = lookup(vm, d, key, hash);
    if (ix == -3) return -1;
    if (ix < 0) return 0;
    if (out) *out = d->entries[ix].value;
    return 1;
}

int dict_get(VM *vm, Dict *d, Value key, Value *out) {
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    return dict_get_hashed(vm, d, key, h, out);
}

int dict_set_hashed(VM *vm, Dict *d, Value key, int64_t hash, Value v) {
    int64_t ix = lookup(vm, d, key, hash);
    if (ix == -3) return -1;
    d->version++;
    if (ix >= 0) { d->entries[ix].value = v; return 0; }
    if (d->nentries >= usable(d->size) && resize(vm, d, d->used * 3 + 1) < 0) return -1;
    Entry *e = &d->entries[d->nentries];
    e->hash = hash;
    e->key = key;
    e->value = v;
    d->index[empty_slot(d, hash)] = (int32_t)d->nentries++;
    d->used++;
    return 0;
}

int dict_set(VM *vm, Dict *d, Value key, Value v) {
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    return dict_set_hashed(vm, d, key, h, v);
}

/* Removes entry `ix` found for `hash`: its index slot becomes a DUMMY. */
static void remove_entry(Dict *d, int64_t ix) {
    uint64_t mask = (uint64_t)d->size - 1, perturb = (uint64_t)d->entries[ix].hash;
    uint64_t i = (uint64_t)d->entries[ix].hash & mask;
    while (d->index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = IX_DUMMY;
    d->entries[ix].key = VNULL;
    d->entries[ix].value = VNULL;
    d->used--;
    d->version++;
}

static int dict_pop_hashed(VM *vm, Dict *d, Value key, int64_t h, Value *out) {
    int64_t ix = lookup(vm, d, key, h);
    if (ix == -3) return -1;
    if (ix < 0) return 0;
    if (out) *out = d->entries[ix].value;
    remove_entry(d, ix);
    return 1;
}

int dict_del(VM *vm, Dict *d, Value key) {
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    return dict_pop_hashed(vm, d, key, h, NULL);
}

Value dict_get_str(Dict *d, Value interned) {
    if (!d || !d->size) return VNULL;
    Str *s = as_str(interned);
    int64_t hash = str_hash(s);
    uint64_t mask = (uint64_t)d->size - 1, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY) return VNULL;
        if (ix >= 0) {
            Entry *e = &d->entries[ix];
            if (e->key == interned) return e->value;
            /* a non-interned str key that is equal (same type as the probe: exact str) */
            if (e->hash == hash && v_is_obj(e->key) && ((Obj *)e->key)->type == s->head.type &&
                str_eq(as_str(e->key), s))
                return e->value;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
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
    free(d->index);
    free(d->entries);
    d->index = NULL;
    d->entries = NULL;
    d->size = d->used = d->nentries = 0;
    d->version++;
}

/* Copies d's table into an empty dict `to` (same hashes: no protocol calls). */
static int copy_into(VM *vm, Dict *to, Dict *d) {
    if (d->used == 0) return 0;
    if (resize(vm, to, d->used * 3 / 2 + 1) < 0) return -1;
    for (int64_t i = 0; i < d->nentries; i++) {
        Entry *e = &d->entries[i];
        if (e->key && dict_set_hashed(vm, to, e->key, e->hash, e->value) < 0) return -1;
    }
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
    Value out;
    int r = dict_get(vm, (Dict *)dv, key, &out);
    if (r < 0) return VNULL;
    if (r) return out;
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
    int r = dict_del(vm, SELF, args[1]);
    if (r < 0) return VNULL;
    if (!r) return key_error(vm, args[1]);
    return vm->none;
}

static Value d_contains(VM *vm, Value *args, int nargs, Value kwnames) {
    if (onearg(vm, "dict.__contains__", nargs, kwnames) < 0) return VNULL;
    int r = dict_get(vm, SELF, args[1], NULL);
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
