/* genericalias.c — `list[int]` and friends (types.GenericAlias): what annotations evaluate to.
 * Aspen does not check types; the alias only has to print, compare and call like CPython's. */
#include "vm/vm.h"
#include "vm/containers.h"
#include <string.h>

typedef struct { Obj head; Value origin, args; } GenericAlias;

static Type *alias_type(VM *vm) {
    Value t = dict_get_cstr(vm, vm->hidden, "__aspen_generic_alias__");
    return t ? (Type *)t : NULL;
}

static void ga_trace(GC *gc, Obj *o) { gc_mark(gc, ((GenericAlias *)o)->origin); gc_mark(gc, ((GenericAlias *)o)->args); }

static Value repr_item(VM *vm, Value v) {
    if (v == vm->ellipsis) return str_from_cstr(vm, "...");
    if (isinst(vm, v, vm->t_type)) {
        Type *t = (Type *)v;
        if (t->module && isinst(vm, t->module, vm->t_str) && strcmp(str_cstr(t->module), "builtins") != 0)
            return str_printf(vm, "%s.%s", str_cstr(t->module), str_cstr(t->qualname));
        return t->qualname;
    }
    return vm_repr(vm, v);
}

static Value ga_repr(VM *vm, Value *a, int n, Value k) {
    GenericAlias *g = (GenericAlias *)a[0];
    StrBuf sb; sb_init(&sb);
    Value o = repr_item(vm, g->origin);
    if (!o) return VNULL;
    sb_adds(&sb, str_cstr(o));
    sb_addc(&sb, '[');
    Tuple *t = as_tuple(g->args);
    if (t->n == 0) sb_adds(&sb, "()");
    for (int64_t i = 0; i < t->n; i++) {
        Value r = repr_item(vm, t->items[i]);
        if (!r) { sb_free(&sb); return VNULL; }
        if (i) sb_adds(&sb, ", ");
        sb_adds(&sb, str_cstr(r));
    }
    sb_addc(&sb, ']');
    Value out = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return out;
}

static Value ga_call(VM *vm, Value *a, int n, Value k) {
    return vm_call(vm, ((GenericAlias *)a[0])->origin, a + 1, n - 1, k);
}

static Value ga_eq(VM *vm, Value *a, int n, Value k) {
    if (type_of(vm, a[1]) != type_of(vm, a[0])) return vm->notimpl;
    GenericAlias *x = (GenericAlias *)a[0], *y = (GenericAlias *)a[1];
    if (x->origin != y->origin) return vm->false_;
    int r = vm_eq(vm, x->args, y->args);
    return r < 0 ? VNULL : vm_bool(vm, r);
}

static Value ga_getattr(VM *vm, Value *a, int n, Value k) {
    GenericAlias *g = (GenericAlias *)a[0];
    const char *name = str_cstr(a[1]);
    if (!strcmp(name, "__origin__")) return g->origin;
    if (!strcmp(name, "__args__")) return g->args;
    return vm_getattr(vm, g->origin, a[1]);
}

static Value class_getitem(VM *vm, Value *a, int n, Value k) {
    Type *t = alias_type(vm);
    GenericAlias *g = gc_alloc(vm, t, sizeof(GenericAlias));
    if (!g) return VNULL;
    g->origin = a[0];
    g->args = isinst(vm, a[1], vm->t_tuple) ? a[1] : tuple_pack(vm, 1, a[1]);
    return v_from_obj(g);
}

void genericalias_init(VM *vm) {
    Type *t = type_new_builtin(vm, "GenericAlias", vm->t_object, sizeof(GenericAlias), 0);
    t->trace = ga_trace;
    t->module = str_from_cstr(vm, "types");
    type_add_method(vm, t, "__repr__", ga_repr);
    type_add_method(vm, t, "__call__", ga_call);
    type_add_method(vm, t, "__eq__", ga_eq);
    type_add_method(vm, t, "__getattr__", ga_getattr);
    t->flags |= TF_HAS_GETATTR;
    dict_set_cstr(vm, vm->hidden, "__aspen_generic_alias__", v_from_obj(t));
    Type *generic[] = { vm->t_list, vm->t_dict, vm->t_tuple, vm->t_set, vm->t_frozenset, vm->t_type };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        type_add_classmethod(vm, generic[i], "__class_getitem__", class_getitem);
}
