/* func.c — callables: script functions, native functions, bound methods, cells, code objects,
 * staticmethod/classmethod/property/super, and vm_call plus the argument-parsing helper every
 * native uses (CPython's messages). */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/interp.h"
#include <string.h>
#include <stdlib.h>

static void func_trace(GC *gc, Obj *o) {
    Func *f = (Func *)o;
    gc_mark_obj(gc, f->code); gc_mark_obj(gc, f->globals);
    gc_mark(gc, f->defaults); gc_mark(gc, f->kwdefaults); gc_mark(gc, f->closure);
    gc_mark(gc, f->name); gc_mark(gc, f->qualname); gc_mark(gc, f->doc); gc_mark(gc, f->module);
    gc_mark_obj(gc, f->dict);
    gc_mark(gc, f->annotations);
}
static void code_trace(GC *gc, Obj *o) {
    Code *c = (Code *)o;
    for (int i = 0; i < c->nconsts; i++) gc_mark(gc, c->consts[i]);
    for (int i = 0; i < c->nnames; i++) gc_mark(gc, c->names[i]);
    gc_mark(gc, c->varnames); gc_mark(gc, c->name); gc_mark(gc, c->qualname); gc_mark(gc, c->filename);
}
static void code_finalize(Obj *o) {
    Code *c = (Code *)o;
    free(c->code); free(c->lines); free(c->positions); free(c->consts); free(c->names); free(c->exc); free(c->cell2arg);
    if (c->caches) free(c->caches);
}
static void native_trace(GC *gc, Obj *o) { gc_mark(gc, ((NativeFunc *)o)->self); gc_mark_obj(gc, ((NativeFunc *)o)->owner); }
static void method_trace(GC *gc, Obj *o) { gc_mark(gc, ((BoundMethod *)o)->func); gc_mark(gc, ((BoundMethod *)o)->self); }
static void cell_trace(GC *gc, Obj *o) { gc_mark(gc, ((Cell *)o)->v); }
static void sm_trace(GC *gc, Obj *o) { gc_mark(gc, ((StaticMethod *)o)->func); }
static void prop_trace(GC *gc, Obj *o) {
    Property *p = (Property *)o;
    gc_mark(gc, p->fget); gc_mark(gc, p->fset); gc_mark(gc, p->fdel); gc_mark(gc, p->doc); gc_mark(gc, p->name);
}
static void super_trace(GC *gc, Obj *o) {
    Super *s = (Super *)o;
    gc_mark_obj(gc, s->type); gc_mark(gc, s->obj); gc_mark_obj(gc, s->objtype);
}

Value func_new(VM *vm, Code *code, Dict *globals, Value qualname) {
    Func *f = gc_alloc(vm, vm->t_function, sizeof(Func));
    if (!f) return VNULL;
    f->code = code;
    f->globals = globals;
    f->name = code->name;
    f->qualname = qualname ? qualname : code->qualname;
    f->doc = code->nconsts && isinst(vm, code->consts[0], vm->t_str) ? code->consts[0] : vm->none;
    Value m = dict_get_str(globals, vm->s___name__);
    f->module = m ? m : vm->none;
    return v_from_obj(f);
}

Value native_new(VM *vm, const char *name, NativeFn fn, Value self) {
    NativeFunc *nf = gc_alloc(vm, vm->t_builtin_function_or_method, sizeof(NativeFunc));
    if (!nf) return VNULL;
    nf->fn = fn;
    nf->name = name;
    nf->self = self;
    return v_from_obj(nf);
}

/* ---- calling ---- */

static Value call_with_self(VM *vm, Value f, Value self, Value *args, int nargs, Value kwnames) {
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    Value buf[16];
    Value *a = nargs + nkw + 1 <= 16 ? buf : malloc(sizeof(Value) * (nargs + nkw + 1));
    a[0] = self;
    vmemcpy(a + 1, args, sizeof(Value) * (nargs + nkw));
    Value r = vm_call(vm, f, a, nargs + 1, kwnames);
    if (a != buf) free(a);
    return r;
}

Value vm_call(VM *vm, Value callable, Value *args, int nargs, Value kwnames) {
    if (v_is_int(callable)) return vm_raise(vm, vm->e_TypeError, "'int' object is not callable");
    Type *t = type_of(vm, callable);
    if (t == vm->t_function) return call_func(vm, (Func *)callable, args, nargs, kwnames);
    if (t == vm->t_builtin_function_or_method) {
        NativeFunc *nf = (NativeFunc *)callable;
        if (++vm->c_depth > 400 && !vm->raising) { vm->c_depth--; return vm_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded"); }
        Value r;
        if (nf->self) {
            int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
            Value buf[16];
            Value *a = nargs + nkw + 1 <= 16 ? buf : malloc(sizeof(Value) * (nargs + nkw + 1));
            a[0] = nf->self;
            vmemcpy(a + 1, args, sizeof(Value) * (nargs + nkw));
            r = nf->fn(vm, a, nargs + 1, kwnames);
            if (a != buf) free(a);
        } else {
            r = nf->fn(vm, args, nargs, kwnames);
        }
        vm->c_depth--;
        return r;
    }
    if (t == vm->t_method) {
        BoundMethod *m = (BoundMethod *)callable;
        return call_with_self(vm, m->func, m->self, args, nargs, kwnames);
    }
    if (t->layout == vm->t_type) {
        if (++vm->c_depth > 400 && !vm->raising) { vm->c_depth--; return vm_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded"); }
        Value r;
        if (t == vm->t_type) r = type_call(vm, (Type *)callable, args, nargs, kwnames);
        else {
            Value call = type_lookup(vm, t, vm->s___call__);
            r = call_with_self(vm, call, callable, args, nargs, kwnames);
        }
        vm->c_depth--;
        return r;
    }
    Value call = type_lookup(vm, t, vm->s___call__);
    if (!call) return vm_raise(vm, vm->e_TypeError, "'%s' object is not callable", t->name);
    if (++vm->c_depth > 400 && !vm->raising) { vm->c_depth--; return vm_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded"); }
    Value r = call_with_self(vm, call, callable, args, nargs, kwnames);
    vm->c_depth--;
    return r;
}

Value vm_call0(VM *vm, Value f) { return vm_call(vm, f, NULL, 0, VNULL); }
Value vm_call1(VM *vm, Value f, Value a) { return vm_call(vm, f, &a, 1, VNULL); }
Value vm_call2(VM *vm, Value f, Value a, Value b) { Value x[2] = { a, b }; return vm_call(vm, f, x, 2, VNULL); }

Value vm_call_method(VM *vm, Value self, Value name, Value *args, int nargs) {
    Value m = vm_getattr(vm, self, name);
    if (!m) return VNULL;
    return vm_call(vm, m, args, nargs, VNULL);
}

Value vm_call_method_opt(VM *vm, Value self, Value name, Value *args, int nargs, bool *found) {
    Value m = vm_getattr_opt(vm, self, name);
    *found = m != VNULL;
    if (!m) return VNULL;
    return vm_call(vm, m, args, nargs, VNULL);
}

int vm_no_kwargs(VM *vm, const char *fname, Value kwnames) {
    if (kwnames && as_tuple(kwnames)->n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int vm_check_args(VM *vm, const char *fname, int nargs, Value kwnames, int min, int max) {
    if (vm_no_kwargs(vm, fname, kwnames) < 0) return -1;
    if (nargs >= min && nargs <= max) return 0;
    if (min == max) {
        if (min == 0) vm_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
        else if (min == 1) vm_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", fname, nargs);
        else vm_raise(vm, vm->e_TypeError, "%s expected %d arguments, got %d", fname, min, nargs);
    } else if (nargs < min) {
        vm_raise(vm, vm->e_TypeError, "%s expected at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", nargs);
    } else {
        vm_raise(vm, vm->e_TypeError, "%s expected at most %d argument%s, got %d", fname, max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int vm_parse_args(VM *vm, const char *fname, Value *args, int nargs, Value kwnames,
                  const char *const *names, int nrequired, int npos_only, Value *out) {
    int n = 0;
    while (names[n]) n++;
    for (int i = 0; i < n; i++) out[i] = VNULL;
    if (nargs > n) {
        vm_raise(vm, vm->e_TypeError, "%s() takes at most %d argument%s (%d given)", fname, n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    for (int k = 0; k < nkw; k++) {
        const char *kn = str_cstr(as_tuple(kwnames)->items[k]);
        int j;
        for (j = npos_only; j < n; j++) if (strcmp(names[j], kn) == 0) break;
        if (j == n) {
            vm_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn);
            return -1;
        }
        if (out[j]) {
            vm_raise(vm, vm->e_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname, kn, j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++)
        if (!out[i]) {
            if (i < npos_only)
                vm_raise(vm, vm->e_TypeError, "%s() takes at least %d positional argument%s (%d given)", fname, nrequired, nrequired == 1 ? "" : "s", nargs);
            else
                vm_raise(vm, vm->e_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    return 0;
}

/* ---- attributes of functions and friends ---- */

static Value func_get_name(VM *vm, Value *a, int n, Value k) { return ((Func *)a[0])->name; }
static Value func_get_qualname(VM *vm, Value *a, int n, Value k) { return ((Func *)a[0])->qualname; }
static Value func_get_doc(VM *vm, Value *a, int n, Value k) { return ((Func *)a[0])->doc; }
static Value func_get_module(VM *vm, Value *a, int n, Value k) { return ((Func *)a[0])->module; }
static Value func_get_defaults(VM *vm, Value *a, int n, Value k) { Value d = ((Func *)a[0])->defaults; return d ? d : vm->none; }
static Value func_get_code(VM *vm, Value *a, int n, Value k) { return v_from_obj(((Func *)a[0])->code); }
static Value func_get_closure(VM *vm, Value *a, int n, Value k) { Value c = ((Func *)a[0])->closure; return c ? c : vm->none; }
static Value func_get_kwdefaults(VM *vm, Value *a, int n, Value k) { Value d = ((Func *)a[0])->kwdefaults; return d ? d : vm->none; }
static Value func_get_globals(VM *vm, Value *a, int n, Value k) { return v_from_obj(((Func *)a[0])->globals); }
static Value func_get_annotations(VM *vm, Value *a, int n, Value k) {
    Func *f = (Func *)a[0];
    if (!f->annotations) f->annotations = dict_new_v(vm);
    return f->annotations;
}
static Value cell_contents(VM *vm, Value *a, int n, Value k) {
    Value v = ((Cell *)a[0])->v;
    return v ? v : vm_raise(vm, vm->e_ValueError, "Cell is empty");
}
static Value func_set_name(VM *vm, Value *a, int n, Value k) { ((Func *)a[0])->name = a[1]; return vm->none; }
static Value func_set_qualname(VM *vm, Value *a, int n, Value k) { ((Func *)a[0])->qualname = a[1]; return vm->none; }
static Value func_set_doc(VM *vm, Value *a, int n, Value k) { ((Func *)a[0])->doc = a[1]; return vm->none; }
static Value func_set_module(VM *vm, Value *a, int n, Value k) { ((Func *)a[0])->module = a[1]; return vm->none; }
static Value func_get_dict(VM *vm, Value *a, int n, Value k) {
    Func *f = (Func *)a[0];
    if (!f->dict) f->dict = dict_new(vm);
    return v_from_obj(f->dict);
}
static Value func_repr(VM *vm, Value *a, int n, Value k) {
    return str_printf(vm, "<function %s at %p>", str_cstr(((Func *)a[0])->qualname), (void *)a[0]);
}
static Value func_get(VM *vm, Value *a, int n, Value k) {
    if (n < 2 || a[1] == vm->none) return a[0];
    BoundMethod *m = gc_alloc(vm, vm->t_method, sizeof(BoundMethod));
    m->func = a[0]; m->self = a[1];
    return v_from_obj(m);
}
static Value native_repr(VM *vm, Value *a, int n, Value k) {
    NativeFunc *nf = (NativeFunc *)a[0];
    if (nf->owner) return str_printf(vm, "<method '%s' of '%s' objects>", nf->name, nf->owner->name);
    return str_printf(vm, "<built-in function %s>", nf->name);
}
static Value native_get_name(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, ((NativeFunc *)a[0])->name); }
/* a method of a built-in type is "type.name" (list.append); a function is its name */
static Value native_get_qualname(VM *vm, Value *a, int n, Value k) {
    NativeFunc *f = (NativeFunc *)a[0];
    return f->owner ? str_printf(vm, "%s.%s", f->owner->name, f->name) : str_from_cstr(vm, f->name);
}
static Value method_repr(VM *vm, Value *a, int n, Value k) {
    BoundMethod *m = (BoundMethod *)a[0];
    Value fq = vm_getattr(vm, m->func, vm->s___qualname__);
    if (!fq) { vm_clear_exc(vm); fq = STR(vm, "?"); }
    Value sr = vm_repr(vm, m->self);
    if (!sr) return VNULL;
    return str_printf(vm, "<bound method %s of %s>", str_cstr(fq), str_cstr(sr));
}
static Value method_get_func(VM *vm, Value *a, int n, Value k) { return ((BoundMethod *)a[0])->func; }
static Value method_get_self(VM *vm, Value *a, int n, Value k) { return ((BoundMethod *)a[0])->self; }
static Value method_get_name(VM *vm, Value *a, int n, Value k) { return vm_getattr(vm, ((BoundMethod *)a[0])->func, vm->s___name__); }
static Value method_get_qualname(VM *vm, Value *a, int n, Value k) { return vm_getattr(vm, ((BoundMethod *)a[0])->func, vm->s___qualname__); }
static Value method_eq(VM *vm, Value *a, int n, Value k) {
    if (type_of(vm, a[1]) != vm->t_method) return vm->notimpl;
    BoundMethod *x = (BoundMethod *)a[0], *y = (BoundMethod *)a[1];
    return vm_bool(vm, x->func == y->func && x->self == y->self);
}
static Value method_hash(VM *vm, Value *a, int n, Value k) {
    BoundMethod *x = (BoundMethod *)a[0];
    return v_from_int((int64_t)((x->func >> 4) ^ (x->self >> 4)) & SMALLINT_MAX);
}
static Value code_get_name(VM *vm, Value *a, int n, Value k) { return ((Code *)a[0])->name; }

static Value sm_new(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, ((Type *)a[0])->name, n - 1, k, 1, 1) < 0) return VNULL;
    StaticMethod *s = gc_alloc(vm, (Type *)a[0], ((Type *)a[0])->size);
    s->func = a[1];
    return v_from_obj(s);
}
static Value sm_get(VM *vm, Value *a, int n, Value k) { return ((StaticMethod *)a[0])->func; }
static Value sm_func(VM *vm, Value *a, int n, Value k) { return ((StaticMethod *)a[0])->func; }
static Value sm_call(VM *vm, Value *a, int n, Value k) { return vm_call(vm, ((StaticMethod *)a[0])->func, a + 1, n - 1, k); }
static Value cm_get(VM *vm, Value *a, int n, Value k) {
    Value owner = n > 2 && a[2] != vm->none ? a[2] : v_from_obj(type_of(vm, a[1]));
    BoundMethod *m = gc_alloc(vm, vm->t_method, sizeof(BoundMethod));
    m->func = ((StaticMethod *)a[0])->func; m->self = owner;
    return v_from_obj(m);
}

static Value prop_new(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "fget", "fset", "fdel", "doc", NULL };
    Value out[4];
    if (vm_parse_args(vm, "property", a + 1, n - 1, k, names, 0, 0, out) < 0) return VNULL;
    Property *p = gc_alloc(vm, (Type *)a[0], ((Type *)a[0])->size);
    p->fget = out[0] ? out[0] : vm->none;
    p->fset = out[1] ? out[1] : vm->none;
    p->fdel = out[2] ? out[2] : vm->none;
    p->doc = out[3] ? out[3] : VNULL;
    if (!p->doc && p->fget != vm->none) {
        p->doc = vm_getattr_opt(vm, p->fget, vm->s___doc__);
    }
    if (!p->doc) p->doc = vm->none;
    return v_from_obj(p);
}
static Value prop_copy(VM *vm, Property *src, Value fget, Value fset, Value fdel) {
    Property *p = gc_alloc(vm, type_of(vm, v_from_obj(src)), sizeof(Property));
    p->fget = fget; p->fset = fset; p->fdel = fdel; p->doc = src->doc; p->name = src->name;
    return v_from_obj(p);
}
static Value prop_getter(VM *vm, Value *a, int n, Value k) { Property *p = (Property *)a[0]; return prop_copy(vm, p, a[1], p->fset, p->fdel); }
static Value prop_setter(VM *vm, Value *a, int n, Value k) { Property *p = (Property *)a[0]; return prop_copy(vm, p, p->fget, a[1], p->fdel); }
static Value prop_deleter(VM *vm, Value *a, int n, Value k) { Property *p = (Property *)a[0]; return prop_copy(vm, p, p->fget, p->fset, a[1]); }
static Value prop_fget(VM *vm, Value *a, int n, Value k) { return ((Property *)a[0])->fget; }
static Value prop_fset(VM *vm, Value *a, int n, Value k) { return ((Property *)a[0])->fset; }
static Value prop_fdel(VM *vm, Value *a, int n, Value k) { return ((Property *)a[0])->fdel; }
static Value prop_set_name(VM *vm, Value *a, int n, Value k) {
    if (n >= 3) ((Property *)a[0])->name = a[2];
    return vm->none;
}
static Value prop_doc(VM *vm, Value *a, int n, Value k) { return ((Property *)a[0])->doc; }
static Value prop_get(VM *vm, Value *a, int n, Value k) {
    Property *p = (Property *)a[0];
    if (n < 2 || a[1] == vm->none) return a[0];
    if (p->fget == vm->none) {
        if (p->name && isinst(vm, p->name, vm->t_str))
            return vm_raise(vm, vm->e_AttributeError, "property '%s' of '%s' object has no getter", str_cstr(p->name), type_name(vm, a[1]));
        return vm_raise(vm, vm->e_AttributeError, "unreadable attribute");
    }
    return vm_call1(vm, p->fget, a[1]);
}

/* super(): zero-argument form reads __class__ and the first argument of the calling frame */
static Value super_new(VM *vm, Value *a, int n, Value k) {
    Type *st = (Type *)a[0];
    Value type, obj;
    if (n == 1) {
        if (vm->nframes == 0) return vm_raise(vm, vm->e_RuntimeError, "super(): no current frame");
        Frame *fr = &vm->frames[vm->nframes - 1];
        Code *c = fr->code;
        if (c->argcount == 0 && !(c->flags & CO_VARARGS)) return vm_raise(vm, vm->e_RuntimeError, "super(): no arguments");
        obj = fr->slots[0];
        if (c->cell2arg) for (int i = 0; i < c->ncells; i++) if (c->cell2arg[i] == 0) obj = ((Cell *)fr->slots[c->nlocals - c->ncells - c->nfree + i])->v;
        if (v_is_obj(obj) && type_of(vm, obj) == vm->t_cell) obj = ((Cell *)obj)->v;
        type = VNULL;
        for (int i = 0; i < c->nfree; i++) {
            int slot = c->nlocals - c->nfree + i;
            if (strcmp(str_cstr(as_tuple(c->varnames)->items[slot]), "__class__") == 0) type = ((Cell *)fr->slots[slot])->v;
        }
        if (!type) return vm_raise(vm, vm->e_RuntimeError, "super(): __class__ cell not found");
    } else {
        type = a[1];
        obj = n > 2 ? a[2] : VNULL;
    }
    if (!isinst(vm, type, vm->t_type)) return vm_raise(vm, vm->e_TypeError, "super() argument 1 must be a type, not %s", type_name(vm, type));
    Super *s = gc_alloc(vm, st, st->size);
    s->type = (Type *)type;
    s->obj = obj;
    if (obj) {
        if (isinst(vm, obj, vm->t_type) && type_is_subtype((Type *)obj, (Type *)type)) s->objtype = (Type *)obj;
        else if (isinst(vm, obj, (Type *)type)) s->objtype = type_of(vm, obj);
        else return vm_raise(vm, vm->e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    return v_from_obj(s);
}

static Value super_getattribute(VM *vm, Value *a, int n, Value k) {
    Super *s = (Super *)a[0];
    Value name = a[1];
    if (s->objtype) {
        Tuple *m = as_tuple(s->objtype->mro);
        int64_t i = 0;
        while (i < m->n && (Type *)m->items[i] != s->type) i++;
        for (i++; i < m->n; i++) {
            Type *t = (Type *)m->items[i];
            Value d = dict_get_str(t->dict, name);
            if (!d) continue;
            Value inst = s->obj == v_from_obj(s->objtype) ? VNULL : s->obj;
            if (type_of(vm, d) == vm->t_classmethod) {
                BoundMethod *bm = gc_alloc(vm, vm->t_method, sizeof(BoundMethod));
                bm->func = ((StaticMethod *)d)->func; bm->self = v_from_obj(s->objtype);
                return v_from_obj(bm);
            }
            return descr_get(vm, d, inst, s->objtype);
        }
    }
    if (name == vm->s___class__) return v_from_obj(type_of(vm, a[0]));
    return vm_raise(vm, vm->e_AttributeError, "'super' object has no attribute '%s'", str_cstr(name));
}

static Value super_repr(VM *vm, Value *a, int n, Value k) {
    Super *s = (Super *)a[0];
    if (s->objtype) return str_printf(vm, "<super: <class '%s'>, <%s object>>", s->type->name, s->objtype->name);
    return str_printf(vm, "<super: <class '%s'>, NULL>", s->type->name);
}

void func_init(VM *vm) {
    Type *o = vm->t_object;
    vm->t_function = type_new_builtin(vm, "function", o, sizeof(Func), 0);
    vm->t_function->trace = func_trace;
    vm->t_builtin_function_or_method = type_new_builtin(vm, "builtin_function_or_method", o, sizeof(NativeFunc), 0);
    vm->t_builtin_function_or_method->trace = native_trace;
    vm->t_method = type_new_builtin(vm, "method", o, sizeof(BoundMethod), 0);
    vm->t_method->trace = method_trace;
    vm->t_cell = type_new_builtin(vm, "cell", o, sizeof(Cell), 0);
    vm->t_cell->trace = cell_trace;
    vm->t_code = type_new_builtin(vm, "code", o, sizeof(Code), 0);
    vm->t_code->trace = code_trace;
    vm->t_code->finalize = code_finalize;
    vm->t_staticmethod = type_new_builtin(vm, "staticmethod", o, sizeof(StaticMethod), TF_BASETYPE);
    vm->t_staticmethod->trace = sm_trace;
    vm->t_classmethod = type_new_builtin(vm, "classmethod", o, sizeof(StaticMethod), TF_BASETYPE);
    vm->t_classmethod->trace = sm_trace;
    vm->t_property = type_new_builtin(vm, "property", o, sizeof(Property), TF_BASETYPE);
    vm->t_property->trace = prop_trace;
    vm->t_super = type_new_builtin(vm, "super", o, sizeof(Super), TF_BASETYPE);
    vm->t_super->trace = super_trace;

    Type *f = vm->t_function;
    type_add_property(vm, f, "__name__", func_get_name, func_set_name);
    type_add_property(vm, f, "__qualname__", func_get_qualname, func_set_qualname);
    type_add_property(vm, f, "__doc__", func_get_doc, func_set_doc);
    type_add_property(vm, f, "__module__", func_get_module, func_set_module);
    type_add_property(vm, f, "__defaults__", func_get_defaults, NULL);
    type_add_property(vm, f, "__code__", func_get_code, NULL);
    type_add_property(vm, f, "__closure__", func_get_closure, NULL);
    type_add_property(vm, f, "__kwdefaults__", func_get_kwdefaults, NULL);
    type_add_property(vm, f, "__globals__", func_get_globals, NULL);
    type_add_property(vm, f, "__annotations__", func_get_annotations, NULL);
    type_add_property(vm, vm->t_cell, "cell_contents", cell_contents, NULL);
    type_add_property(vm, f, "__dict__", func_get_dict, NULL);
    type_add_method(vm, f, "__repr__", func_repr);
    type_add_method(vm, f, "__get__", func_get);
    f->dictoffset = offsetof(Func, dict);
    type_add_method(vm, vm->t_builtin_function_or_method, "__repr__", native_repr);
    type_add_property(vm, vm->t_builtin_function_or_method, "__name__", native_get_name, NULL);
    type_add_property(vm, vm->t_builtin_function_or_method, "__qualname__", native_get_qualname, NULL);
    Type *m = vm->t_method;
    type_add_method(vm, m, "__repr__", method_repr);
    type_add_method(vm, m, "__eq__", method_eq);
    type_add_method(vm, m, "__hash__", method_hash);
    type_add_property(vm, m, "__func__", method_get_func, NULL);
    type_add_property(vm, m, "__self__", method_get_self, NULL);
    type_add_property(vm, m, "__name__", method_get_name, NULL);
    type_add_property(vm, m, "__qualname__", method_get_qualname, NULL);
    type_add_property(vm, vm->t_code, "co_name", code_get_name, NULL);
    type_add_static(vm, vm->t_staticmethod, "__new__", sm_new);
    type_add_method(vm, vm->t_staticmethod, "__get__", sm_get);
    type_add_method(vm, vm->t_staticmethod, "__call__", sm_call);
    type_add_property(vm, vm->t_staticmethod, "__func__", sm_func, NULL);
    type_add_static(vm, vm->t_classmethod, "__new__", sm_new);
    type_add_method(vm, vm->t_classmethod, "__get__", cm_get);
    type_add_property(vm, vm->t_classmethod, "__func__", sm_func, NULL);
    Type *p = vm->t_property;
    type_add_static(vm, p, "__new__", prop_new);
    type_add_method(vm, p, "getter", prop_getter);
    type_add_method(vm, p, "setter", prop_setter);
    type_add_method(vm, p, "deleter", prop_deleter);
    type_add_method(vm, p, "__get__", prop_get);
    type_add_property(vm, p, "fget", prop_fget, NULL);
    type_add_property(vm, p, "fset", prop_fset, NULL);
    type_add_property(vm, p, "fdel", prop_fdel, NULL);
    type_add_method(vm, p, "__set_name__", prop_set_name);
    type_add_property(vm, p, "__doc__", prop_doc, NULL);
    type_add_static(vm, vm->t_super, "__new__", super_new);
    type_add_method(vm, vm->t_super, "__getattribute__", super_getattribute);
    type_add_method(vm, vm->t_super, "__repr__", super_repr);
}
