/* type.c — type objects: bootstrap of object/type/str, built-in type creation, MRO (C3),
 * attribute lookup through the MRO, instantiation, and class statements (__build_class__). */
#include "vm/vm.h"
#include "vm/containers.h"
#include <stddef.h>
#include <string.h>
#include <stdlib.h>

static void type_trace(GC *gc, Obj *o) {
    Type *t = (Type *)o;
    gc_mark(gc, t->name_v); gc_mark(gc, t->qualname); gc_mark(gc, t->module);
    gc_mark_obj(gc, t->base); gc_mark(gc, t->bases); gc_mark(gc, t->mro);
    gc_mark_obj(gc, t->dict); gc_mark_obj(gc, t->layout);
}

static Type *raw_type(VM *vm, Type *meta, const char *name, Type *base, size_t size, uint32_t flags) {
    Type *t = gc_alloc(vm, meta, sizeof(Type));
    /* built-in types live as long as the VM, whether or not a name refers to them */
    if (vm->builtin_types.n == vm->builtin_types.cap) {
        vm->builtin_types.cap = vm->builtin_types.cap ? vm->builtin_types.cap * 2 : 256;
        vm->builtin_types.items = realloc(vm->builtin_types.items, sizeof(Type *) * vm->builtin_types.cap);
        if (!vm->builtin_types.items) abort();
    }
    vm->builtin_types.items[vm->builtin_types.n++] = t;
    t->name = name;
    t->base = base;
    t->size = (uint32_t)size;
    t->flags = flags;
    t->layout = t;
    if (base) {
        t->trace = base->trace;
        t->finalize = base->finalize;
        t->dictoffset = base->dictoffset;
    }
    return t;
}

/* Finish a built-in type once str, dict and tuple exist. */
static void finish_builtin(VM *vm, Type *t) {
    t->name_v = str_intern_cstr(vm, t->name);
    t->qualname = t->name_v;
    if (!t->dict) t->dict = dict_new(vm);
    if (vm->t_tuple && vm->empty_tuple) {
        if (t->base) {
            t->bases = tuple_pack(vm, 1, v_from_obj(t->base));
            int64_t n = as_tuple(t->base->mro)->n;
            Value mro = tuple_new(vm, n + 1);
            as_tuple(mro)->items[0] = v_from_obj(t);
            for (int64_t i = 0; i < n; i++) as_tuple(mro)->items[i + 1] = as_tuple(t->base->mro)->items[i];
            t->mro = mro;
        } else {
            t->bases = vm->empty_tuple;
            t->mro = tuple_pack(vm, 1, v_from_obj(t));
        }
    }
}

static Type *pending[64];
static int npending;   /* only during bootstrap, before tuples exist; single-threaded init */

Type *type_new_builtin(VM *vm, const char *name, Type *base, size_t size, uint32_t flags) {
    Type *t = raw_type(vm, vm->t_type, name, base, size, flags);
    if (vm->empty_tuple) finish_builtin(vm, t);
    else pending[npending++] = t;
    return t;
}

void type_init(VM *vm) {
    npending = 0;
    /* object and type refer to each other: allocate first, fix types after */
    Type *tt = raw_type(vm, NULL, "type", NULL, sizeof(Type), TF_BASETYPE);
    tt->head.type = tt;
    vm->t_type = tt;
    Type *to = raw_type(vm, tt, "object", NULL, sizeof(Obj), TF_BASETYPE);
    vm->t_object = to;
    /* no trace hook: an instance's dict is marked through dictoffset, and the types that
     * inherit object's (str, float, ...) are then leaves the collector marks without a visit */
    tt->base = to;
    tt->trace = type_trace;
    tt->dictoffset = offsetof(Type, dict);
    vm->t_str = raw_type(vm, tt, "str", to, sizeof(Str), TF_BASETYPE);
    pending[npending++] = to;
    pending[npending++] = tt;
    pending[npending++] = vm->t_str;
}

/* Called by vm.c once tuples exist: give bootstrap types their names, dicts and MROs. */
void type_finish_bootstrap(VM *vm) {
    for (int i = 0; i < npending; i++) if (!pending[i]->dict) pending[i]->dict = dict_new(vm);
    for (int i = 0; i < npending; i++) finish_builtin(vm, pending[i]);
    npending = 0;
}

bool type_is_subtype(Type *a, Type *b) {
    if (a == b) return true;
    if (!a->mro) {
        for (Type *t = a; t; t = t->base) if (t == b) return true;
        return false;
    }
    Tuple *m = as_tuple(a->mro);
    for (int64_t i = 0; i < m->n; i++) if ((Type *)m->items[i] == b) return true;
    return false;
}

/* MRO lookups are cached per (type, name) in a small direct-mapped table; any change to any
 * type's dict after creation bumps vm->type_epoch, which invalidates every entry at once.
 * Negative results are cached too: most dunder probes (__getattribute__, __set__) miss. */
static Value type_lookup_slow(Type *t, Value name) {
    Tuple *m = as_tuple(t->mro);
    for (int64_t i = 0; i < m->n; i++) {
        Type *k = (Type *)m->items[i];
        Value v = dict_get_str(k->dict, name);
        if (v) return v;
    }
    return VNULL;
}

Value type_lookup(VM *vm, Type *t, Value name) {
    if (!str_is_interned(as_str(name))) return type_lookup_slow(t, name);
    uintptr_t h = ((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3) * 31;
    TypeCacheEntry *e = &vm->type_cache[h & (TYPE_CACHE_SIZE - 1)];
    if (e->type == t && e->name == name && e->epoch == vm->type_epoch) return e->value;
    Value v = type_lookup_slow(t, name);
    e->type = t; e->name = name; e->epoch = vm->type_epoch; e->value = v;
    return v;
}

void type_modified(VM *vm, Type *t) { t->version++; vm->type_epoch++; }

void type_set_attr(VM *vm, Type *t, const char *name, Value v) {
    if (!t->dict) t->dict = dict_new(vm);
    vm->type_epoch++;
    dict_set(vm, t->dict, str_intern_cstr(vm, name), v);
}

void type_add_method(VM *vm, Type *t, const char *name, NativeFn fn) {
    Value f = native_new(vm, name, fn, VNULL);
    ((NativeFunc *)f)->owner = t;
    ((NativeFunc *)f)->flags = NF_METHOD;
    type_set_attr(vm, t, name, f);
}

void type_add_static(VM *vm, Type *t, const char *name, NativeFn fn) {
    Value f = native_new(vm, name, fn, VNULL);
    ((NativeFunc *)f)->owner = t;
    StaticMethod *sm = gc_alloc(vm, vm->t_staticmethod, sizeof(StaticMethod));
    sm->func = f;
    type_set_attr(vm, t, name, v_from_obj(sm));
}

void type_add_classmethod(VM *vm, Type *t, const char *name, NativeFn fn) {
    Value f = native_new(vm, name, fn, VNULL);
    ((NativeFunc *)f)->owner = t;
    StaticMethod *cm = gc_alloc(vm, vm->t_classmethod, sizeof(StaticMethod));
    cm->func = f;
    type_set_attr(vm, t, name, v_from_obj(cm));
}

void type_add_property(VM *vm, Type *t, const char *name, NativeFn getter, NativeFn setter) {
    Property *p = gc_alloc(vm, vm->t_property, sizeof(Property));
    p->fget = native_new(vm, name, getter, VNULL);
    p->fset = setter ? native_new(vm, name, setter, VNULL) : vm->none;
    p->fdel = vm->none;
    p->doc = vm->none;
    type_set_attr(vm, t, name, v_from_obj(p));
}

const char *type_name(VM *vm, Value v) { return type_of(vm, v)->name; }

/* ---- C3 linearization ---- */

static Value c3_mro(VM *vm, Type *t, Value bases) {
    Tuple *b = as_tuple(bases);
    int64_t nseq = b->n + 1;
    /* sequences: mro of each base, then the bases list */
    Value *seqs[64]; int64_t lens[64], heads[64];
    if (nseq > 64) return vm_raise(vm, vm->e_TypeError, "too many bases");
    for (int64_t i = 0; i < b->n; i++) {
        Tuple *m = as_tuple(((Type *)b->items[i])->mro);
        seqs[i] = m->items; lens[i] = m->n; heads[i] = 0;
    }
    seqs[b->n] = b->items; lens[b->n] = b->n; heads[b->n] = 0;
    Value out = list_new(vm, 8);
    list_append(vm, out, v_from_obj(t));
    for (;;) {
        bool any = false;
        Value cand = VNULL;
        for (int64_t i = 0; i < nseq && !cand; i++) {
            if (heads[i] >= lens[i]) continue;
            any = true;
            Value c = seqs[i][heads[i]];
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t k = heads[j] + 1; k < lens[j]; k++)
                    if (seqs[j][k] == c) { in_tail = true; break; }
            if (!in_tail) cand = c;
        }
        if (!any) break;
        if (!cand) {
            StrBuf sb; sb_init(&sb);
            sb_adds(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
            for (int64_t i = 0; i < b->n; i++) { sb_adds(&sb, i ? ", " : " "); sb_adds(&sb, ((Type *)b->items[i])->name); }
            Value e = vm_raise(vm, vm->e_TypeError, "%s", sb.data);
            sb_free(&sb);
            return e;
        }
        list_append(vm, out, cand);
        for (int64_t i = 0; i < nseq; i++)
            if (heads[i] < lens[i] && seqs[i][heads[i]] == cand) heads[i]++;
    }
    return vm_to_tuple(vm, out);
}

static Value idict_get(VM *vm, Value *a, int n, Value k) {
    Type *t = type_of(vm, a[0]);
    Dict **slot = instance_dict_slot(vm, a[0]);
    if (!slot) return vm_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__dict__'", t->name);
    if (!*slot) *slot = dict_new(vm);
    return v_from_obj(*slot);
}
static Value idict_set(VM *vm, Value *a, int n, Value k) {
    Dict **slot = instance_dict_slot(vm, a[0]);
    if (!slot) return vm_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__dict__'", type_name(vm, a[0]));
    if (n < 2 || !isinst(vm, a[1], vm->t_dict))
        return vm_raise(vm, vm->e_TypeError, "__dict__ must be set to a dictionary, not a '%s'", n < 2 ? "NoneType" : type_name(vm, a[1]));
    *slot = (Dict *)a[1];
    return vm->none;
}
static Value iweakref_get(VM *vm, Value *a, int n, Value k) { return vm->none; }

/* One shared descriptor object each, created on first use. */
Value instance_dict_descr(VM *vm) {
    Value d = dict_get_cstr(vm, vm->hidden, "__aspen_instance_dict__");
    if (d) return d;
    Property *p = gc_alloc(vm, vm->t_property, sizeof(Property));
    p->fget = native_new(vm, "__dict__", idict_get, VNULL);
    p->fset = native_new(vm, "__dict__", idict_set, VNULL);
    p->fdel = vm->none; p->doc = vm->none; p->name = vm->s___dict__;
    dict_set_cstr(vm, vm->hidden, "__aspen_instance_dict__", v_from_obj(p));
    return v_from_obj(p);
}
Value instance_weakref_descr(VM *vm) {
    Value d = dict_get_cstr(vm, vm->hidden, "__aspen_instance_weakref__");
    if (d) return d;
    Property *p = gc_alloc(vm, vm->t_property, sizeof(Property));
    p->fget = native_new(vm, "__weakref__", iweakref_get, VNULL);
    p->fset = vm->none; p->fdel = vm->none; p->doc = vm->none; p->name = vm->s___weakref__;
    dict_set_cstr(vm, vm->hidden, "__aspen_instance_weakref__", v_from_obj(p));
    return v_from_obj(p);
}

/* The built-in type whose memory layout instances of `t` must have. */
static Type *solid_base(Type *t) {
    /* skip classes and built-ins that add nothing to their base's layout (OSError over
     * BaseException), so class U(OSError, ValueError) is legal as in CPython */
    while (t->base && ((t->flags & TF_HEAPTYPE) || (t->size == t->base->size && t->dictoffset == t->base->dictoffset)))
        t = t->base;
    return t;
}

Value type_new_heap(VM *vm, Type *meta, Value name, Value bases, Dict *ns) {
    Tuple *b = as_tuple(bases);
    Type *base = b->n ? (Type *)b->items[0] : vm->t_object;
    Type *layout = vm->t_object;
    for (int64_t i = 0; i < b->n; i++) {
        Value bv = b->items[i];
        for (int64_t j = 0; j < i; j++)
            if (b->items[j] == bv) return vm_raise(vm, vm->e_TypeError, "duplicate base class %s", ((Type *)bv)->name);
        if (!isinst(vm, bv, vm->t_type))
            return vm_raise(vm, vm->e_TypeError, "bases must be types");
        Type *bt = (Type *)bv;
        if (!(bt->flags & TF_BASETYPE))
            return vm_raise(vm, vm->e_TypeError, "type '%s' is not an acceptable base type", bt->name);
        Type *sb = solid_base(bt);
        if (sb != vm->t_object && layout != vm->t_object && sb != layout &&
            !type_is_subtype(sb, layout) && !type_is_subtype(layout, sb))
            return vm_raise(vm, vm->e_TypeError, "multiple bases have instance lay-out conflict");
        if (sb != vm->t_object && (layout == vm->t_object || type_is_subtype(sb, layout))) {
            layout = sb;
            base = bt;
        }
    }
    if (b->n == 0) bases = tuple_pack(vm, 1, v_from_obj(vm->t_object));
    Type *t = gc_alloc(vm, meta, meta->size > sizeof(Type) ? meta->size : sizeof(Type));
    if (!t) return VNULL;
    t->name_v = name;
    t->name = str_cstr(name);
    t->base = base;
    t->bases = bases;
    t->flags = TF_HEAPTYPE | TF_BASETYPE | (base->flags & TF_EXCEPTION);
    t->layout = layout;
    t->trace = layout->trace;
    t->finalize = layout->finalize;
    if (layout->dictoffset) {
        t->dictoffset = layout->dictoffset;
        t->size = solid_base(base)->size > base->size ? solid_base(base)->size : base->size;
    } else {
        uint32_t bs = base->size;
        for (int64_t i = 0; i < as_tuple(bases)->n; i++) {
            Type *bt = (Type *)as_tuple(bases)->items[i];
            if (bt->dictoffset) { t->dictoffset = bt->dictoffset; bs = bt->size > bs ? bt->size : bs; }
        }
        /* variable-size layouts keep items where the dict slot would go: theirs follows the
         * items (CPython's negative tp_dictoffset) */
        if (!t->dictoffset && (layout->flags & TF_VARSIZE)) t->flags |= TF_VARDICT;
        else if (!t->dictoffset) { t->dictoffset = (int32_t)layout->size; bs = layout->size + sizeof(Value); }
        t->size = bs;
    }
    Value mro = c3_mro(vm, t, bases);
    if (!mro) return VNULL;
    bool adds_dict = (t->dictoffset || (t->flags & TF_VARDICT)) && !(base->dictoffset || (base->flags & TF_VARDICT));
    if (adds_dict && !dict_get_str(ns, vm->s___dict__)) {
        dict_set(vm, ns, vm->s___dict__, instance_dict_descr(vm));
        dict_set(vm, ns, vm->s___weakref__, instance_weakref_descr(vm));
    }
    t->mro = mro;
    t->dict = ns;
    Value qn = dict_get_str(ns, vm->s___qualname__);
    t->qualname = qn ? qn : name;
    if (qn) dict_del(vm, ns, vm->s___qualname__);
    Value mod = dict_get_str(ns, vm->s___module__);
    t->module = mod ? mod : VNULL;
    if (!dict_get_str(ns, vm->s___doc__)) dict_set(vm, ns, vm->s___doc__, vm->none);
    if (dict_get_str(ns, vm->s___getattr__) || type_lookup(vm, base, vm->s___getattr__))
        t->flags |= TF_HAS_GETATTR;
    /* a class defining __eq__ without __hash__ is unhashable, as in CPython */
    if (dict_get_str(ns, vm->s___eq__) && !dict_get_str(ns, vm->s___hash__))
        dict_set(vm, ns, vm->s___hash__, vm->none);
    /* functions defined in a class body: plain functions stay functions (descriptors) */
    return v_from_obj(t);
}

/* __build_class__(func, name, *bases, metaclass=None, **kwds) */
Value class_body_run(VM *vm, Value func, Dict *ns);

Value type_build_class(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs < 2) return vm_raise(vm, vm->e_TypeError, "__build_class__: not enough arguments");
    Value func = args[0], name = args[1];
    int nbases = nargs - 2;
    Value bases = tuple_new(vm, nbases);
    for (int i = 0; i < nbases; i++) as_tuple(bases)->items[i] = args[2 + i];
    Value meta = VNULL;
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    Value kwn_rest = VNULL; Value kw_vals[16]; int nrest = 0; Value kw_names[16];
    for (int i = 0; i < nkw; i++) {
        Value k = as_tuple(kwnames)->items[i];
        if (str_eq(as_str(k), as_str(STR(vm, "metaclass")))) meta = args[nargs + i];
        else if (nrest < 16) { kw_names[nrest] = k; kw_vals[nrest++] = args[nargs + i]; }
    }
    for (int i = 0; i < nbases; i++)
        if (!isinst(vm, args[2 + i], vm->t_type))
            return vm_raise(vm, vm->e_TypeError, "bases must be types");
    if (!meta) {
        meta = v_from_obj(vm->t_type);
        for (int i = 0; i < nbases; i++) {
            Type *mt = type_of(vm, args[2 + i]);
            if (type_is_subtype(mt, (Type *)meta)) meta = v_from_obj(mt);
        }
    }
    Dict *ns = dict_new(vm);
    Value r = class_body_run(vm, func, ns);
    if (!r) return VNULL;
    Value cls;
    if ((Type *)meta == vm->t_type) {
        cls = type_new_heap(vm, vm->t_type, name, bases, ns);
    } else {
        Value margs[3 + 16] = { name, bases, v_from_obj(ns) };
        for (int i = 0; i < nrest; i++) margs[3 + i] = kw_vals[i];
        if (nrest) {
            kwn_rest = tuple_new(vm, nrest);
            for (int i = 0; i < nrest; i++) as_tuple(kwn_rest)->items[i] = kw_names[i];
        }
        cls = vm_call(vm, meta, margs, 3, kwn_rest);
        nrest = 0;
    }
    if (!cls) return VNULL;
    vm->type_epoch++;
    if (isinst(vm, cls, vm->t_type)) {
        Type *t = (Type *)cls;
        Value cell = dict_get_str(t->dict, vm->s___classcell__);
        if (cell) { ((Cell *)cell)->v = cls; dict_del(vm, t->dict, vm->s___classcell__); }
        /* __set_name__ on attributes, then the parent's __init_subclass__ */
        int64_t pos = 0; Value k, v;
        Value items = list_new(vm, 0);
        while (dict_next(t->dict, &pos, &k, &v)) { list_append(vm, items, k); list_append(vm, items, v); }
        for (int64_t i = 0; i + 1 < as_list(items)->n; i += 2) {
            Value val = as_list(items)->items[i + 1];
            if (v_is_int(val)) continue;
            Type *vt = type_of(vm, val);
            if (!(vt->flags & TF_HEAPTYPE) && vt != vm->t_property) continue;
            Value sn = type_lookup(vm, vt, vm->s___set_name__);
            if (sn) {
                Value a[3] = { val, cls, as_list(items)->items[i] };
                if (!vm_call(vm, sn, a, 3, VNULL)) return VNULL;
            }
        }
        Value sup = v_from_obj(t->base);
        Value isc = type_lookup(vm, (Type *)sup, vm->s___init_subclass__);
        if (isc && type_of(vm, isc) == vm->t_classmethod) {
            Value f = ((StaticMethod *)isc)->func;
            Value a[17] = { cls };
            for (int i = 0; i < nrest; i++) a[1 + i] = kw_vals[i];
            Value kn = VNULL;
            if (nrest) {
                kn = tuple_new(vm, nrest);
                for (int i = 0; i < nrest; i++) as_tuple(kn)->items[i] = kw_names[i];
            }
            if (!vm_call(vm, f, a, 1, kn)) return VNULL;
        } else if (nrest) {
            return vm_raise(vm, vm->e_TypeError, "%s.__init_subclass__() takes no keyword arguments", t->base->name);
        }
    }
    return cls;
}

/* ---- calling a type: type(x), type(n, b, d), and instantiation ---- */

Value type_call(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (t == vm->t_type) {
        if (nargs == 1 && !kwnames) return v_from_obj(type_of(vm, args[0]));
        if (nargs != 3) return vm_raise(vm, vm->e_TypeError, "type() takes 1 or 3 arguments");
        if (!isinst(vm, args[0], vm->t_str))
            return vm_raise(vm, vm->e_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(vm, args[0]));
        if (!isinst(vm, args[1], vm->t_tuple))
            return vm_raise(vm, vm->e_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(vm, args[1]));
        if (!isinst(vm, args[2], vm->t_dict))
            return vm_raise(vm, vm->e_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(vm, args[2]));
        Dict *ns = (Dict *)dict_copy(vm, (Dict *)args[2]);
        if (!dict_get_str(ns, vm->s___module__)) {
            Value m = vm->nframes ? dict_get_str(vm->frames[vm->nframes - 1].globals, vm->s___name__) : VNULL;
            if (m) dict_set(vm, ns, vm->s___module__, m);
        }
        vm->type_epoch++;
        return type_new_heap(vm, vm->t_type, args[0], args[1], ns);
    }
    if (t == vm->t_str && nargs == 1 && !kwnames) return vm_str(vm, args[0]);   /* str(x) */
    Value newf = type_lookup(vm, t, vm->s___new__);
    if (!newf) return vm_raise(vm, vm->e_TypeError, "cannot create '%s' instances", t->name);
    if (type_of(vm, newf) == vm->t_staticmethod) newf = ((StaticMethod *)newf)->func;
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    Value buf[32];
    Value *a = nargs + nkw + 1 <= 32 ? buf : malloc(sizeof(Value) * (nargs + nkw + 1));
    a[0] = v_from_obj(t);
    vmemcpy(a + 1, args, sizeof(Value) * (nargs + nkw));
    Value obj = vm_call(vm, newf, a, nargs + 1, kwnames);
    if (obj && isinst(vm, obj, t)) {
        Value init = type_lookup(vm, type_of(vm, obj), vm->s___init__);
        if (init && init != vm->object_init) {
            a[0] = obj;
            Value r = vm_call(vm, init, a, nargs + 1, kwnames);
            if (!r) obj = VNULL;
            else if (r != vm->none) {
                vm_raise(vm, vm->e_TypeError, "__init__() should return None, not '%s'", type_name(vm, r));
                obj = VNULL;
            }
        }
    }
    if (a != buf) free(a);
    return obj;
}
