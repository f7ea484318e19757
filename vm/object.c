/* object.c — the object protocol (repr, str, hash, truth, comparison, arithmetic dispatch,
 * attributes, items, iteration, len) and the methods of `object` itself.
 *
 * Every operation looks the dunder up on the receiver's type, so built-in types (which register
 * native dunders) and classes behave the same; callers keep fast paths in front of this. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/strobj.h"
#include "vm/opcodes.h"
#include "vm/numobj.h"
#include <stdarg.h>
#include <string.h>

const char *const binop_dunder[13] = {"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__", "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"};
const char *const binop_rdunder[13] = {"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__", "__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__", "__rfloordiv__"};
const char *const binop_idunder[13] = {"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"};
const char *const binop_symbol[13] = {"+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"};
static const char *const cmp_dunder[6] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
static const int cmp_swapped[6] = {CMP_EQ, CMP_NOTEQ, CMP_GT, CMP_GTE, CMP_LT, CMP_LTE};
static const char *const cmp_symbol[6] = {"==", "!=", "<", "<=", ">", ">="};

/* C stack guard: native recursion (repr of nested lists, deep __eq__ chains) must become
 * RecursionError, not a segfault. */
static int cstack_check(VM *vm) {
    char here;
    if (vm->stack_base && !vm->raising && (char *)vm->stack_base - &here > (6 << 20)) {
        vm_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

Value vm_call_dunder(VM *vm, Value self, Value name, Value *args, int nargs, bool *found) {
    Value f = type_lookup(vm, type_of(vm, self), name);
    if (!f) { if (found) *found = false; return VNULL; }
    if (found) *found = true;
    Value buf[4];
    buf[0] = self;
    for (int i = 0; i < nargs && i < 3; i++) buf[i + 1] = args[i];
    Type *ft = type_of(vm, f);
    if (ft == vm->t_function || ft == vm->t_builtin_function_or_method)
        return vm_call(vm, f, buf, nargs + 1, VNULL);
    if (ft == vm->t_staticmethod) return vm_call(vm, ((StaticMethod *)f)->func, args, nargs, VNULL);
    Value bound = generic_getattr(vm, self, name, false);
    if (!bound) return VNULL;
    return vm_call(vm, bound, args, nargs, VNULL);
}

/* ---- repr / str ---- */

Value vm_repr(VM *vm, Value v) {
    if (v_is_int(v)) return int_to_str(vm, v, 10);
    Type *t = type_of(vm, v);
    if (t == vm->t_str) return str_repr(vm, v);
    if (t == vm->t_float) return float_repr(vm, float_val(v));
    if (cstack_check(vm)) return VNULL;
    bool found;
    Value r = vm_call_dunder(vm, v, vm->s___repr__, NULL, 0, &found);
    if (!r) return VNULL;
    if (!isinst(vm, r, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__repr__ returned non-string (type %s)", type_name(vm, r));
    return r;
}

Value vm_str(VM *vm, Value v) {
    if (v_is_int(v)) return int_to_str(vm, v, 10);
    Type *t = type_of(vm, v);
    if (t == vm->t_str) return v;
    if (t == vm->t_float) return float_repr(vm, float_val(v));
    if (cstack_check(vm)) return VNULL;
    Value r = vm_call_dunder(vm, v, vm->s___str__, NULL, 0, NULL);
    if (!r) return VNULL;
    if (!isinst(vm, r, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__str__ returned non-string (type %s)", type_name(vm, r));
    return r;
}

Value vm_ascii(VM *vm, Value v) {
    Value r = vm_repr(vm, v);
    if (!r) return VNULL;
    Str *s = as_str(r);
    if (s->cplen == s->len) return r;
    StrBuf sb; sb_init(&sb);
    for (int64_t i = 0; i < s->len;) {
        int n; uint32_t cp = utf8_decode(s->data + i, &n);
        if (cp < 128) sb_addc(&sb, (char)cp);
        else if (cp < 256) sb_printf(&sb, "\\x%02x", cp);
        else if (cp < 65536) sb_printf(&sb, "\\u%04x", cp);
        else sb_printf(&sb, "\\U%08x", cp);
        i += n;
    }
    Value out = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    return out;
}

Value vm_format(VM *vm, Value v, Value spec) {
    if (!spec) spec = vm->empty_str;
    Value a[1] = { spec };
    Value r = vm_call_dunder(vm, v, vm->s___format__, a, 1, NULL);
    if (!r) return VNULL;
    if (!isinst(vm, r, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "__format__ must return a str, not %s", type_name(vm, r));
    return r;
}

int vm_repr_enter(VM *vm, Value v) {
    for (int64_t i = 0; i < vm->repr_stack.n; i++) if (vm->repr_stack.items[i] == v) return 1;
    if (vm->repr_stack.n == vm->repr_stack.cap) {
        vm->repr_stack.cap = vm->repr_stack.cap ? vm->repr_stack.cap * 2 : 16;
        vm->repr_stack.items = realloc(vm->repr_stack.items, vm->repr_stack.cap * sizeof(Value));
    }
    vm->repr_stack.items[vm->repr_stack.n++] = v;
    return 0;
}

void vm_repr_leave(VM *vm, Value v) {
    for (int64_t i = vm->repr_stack.n; i-- > 0;)
        if (vm->repr_stack.items[i] == v) {
            memmove(&vm->repr_stack.items[i], &vm->repr_stack.items[i + 1], (vm->repr_stack.n - i - 1) * sizeof(Value));
            vm->repr_stack.n--;
            return;
        }
}

/* ---- hash / truth ---- */

int vm_hash(VM *vm, Value v, int64_t *out) {
    if (v_is_int(v)) { *out = int_hash(v); return 0; }
    Type *t = type_of(vm, v);
    if (t == vm->t_str) { *out = str_hash(as_str(v)); return 0; }
    if (t == vm->t_tuple) return tuple_hash(vm, v, out);
    Value f = type_lookup(vm, t, vm->s___hash__);
    if (!f || f == vm->none) {
        vm_raise(vm, vm->e_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    Value r = vm_call_dunder(vm, v, vm->s___hash__, NULL, 0, NULL);
    if (!r) return -1;
    if (!int_check(vm, r)) {
        vm_raise(vm, vm->e_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* like CPython: a result that fits a machine word is used as is, a bigger one is hashed */
    int64_t h;
    if (v_is_int(r)) h = v_int(r);
    else if (type_of(vm, r) == vm->t_bool) h = r == vm->true_;
    else if (!int_to_i64(r, &h)) h = int_hash(r);
    if (h == -1) h = -2;
    *out = h;
    return 0;
}

int vm_truthy(VM *vm, Value v) {
    if (v == vm->true_) return 1;
    if (v == vm->false_ || v == vm->none) return 0;
    if (v_is_int(v)) return v_int(v) != 0;
    Type *t = type_of(vm, v);
    if (t == vm->t_str) return as_str(v)->len != 0;
    if (t == vm->t_list) return as_list(v)->n != 0;
    if (t == vm->t_tuple) return as_tuple(v)->n != 0;
    if (t == vm->t_float) return float_val(v) != 0.0;
    if (t == vm->t_dict) return dict_len((Dict *)v) != 0;
    Value f = type_lookup(vm, t, vm->s___bool__);
    if (f) {
        Value r = vm_call_dunder(vm, v, vm->s___bool__, NULL, 0, NULL);
        if (!r) return -1;
        if (r == vm->true_) return 1;
        if (r == vm->false_) return 0;
        vm_raise(vm, vm->e_TypeError, "__bool__ should return bool, returned %s", type_name(vm, r));
        return -1;
    }
    f = type_lookup(vm, t, vm->s___len__);
    if (f) {
        int64_t n = vm_len(vm, v);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

/* ---- comparison ---- */

static Value try_cmp(VM *vm, Value a, Value b, int op, bool *found) {
    return vm_call_dunder(vm, a, str_intern_cstr(vm, cmp_dunder[op]), &b, 1, found);
}

Value vm_richcmp(VM *vm, Value a, Value b, int op) {
    if (v_is_int(a) && v_is_int(b)) {
        int64_t x = v_int(a), y = v_int(b);
        bool r = op == CMP_EQ ? x == y : op == CMP_NOTEQ ? x != y : op == CMP_LT ? x < y :
                 op == CMP_LTE ? x <= y : op == CMP_GT ? x > y : x >= y;
        return vm_bool(vm, r);
    }
    if (cstack_check(vm)) return VNULL;
    Type *ta = type_of(vm, a), *tb = type_of(vm, b);
    bool found;
    bool reflected_first = false;
    if (ta != tb && type_is_subtype(tb, ta) && type_lookup(vm, tb, str_intern_cstr(vm, cmp_dunder[cmp_swapped[op]]))) {
        reflected_first = true;
        Value r = try_cmp(vm, b, a, cmp_swapped[op], &found);
        if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    }
    Value r = try_cmp(vm, a, b, op, &found);
    if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    if (!reflected_first) {
        r = try_cmp(vm, b, a, cmp_swapped[op], &found);
        if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    }
    if (op == CMP_EQ) return vm_bool(vm, a == b);
    if (op == CMP_NOTEQ) return vm_bool(vm, a != b);
    return vm_raise(vm, vm->e_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_symbol[op], ta->name, tb->name);
}

int vm_richcmp_bool(VM *vm, Value a, Value b, int op) {
    Value r = vm_richcmp(vm, a, b, op);
    if (!r) return -1;
    if (r == vm->true_) return 1;
    if (r == vm->false_) return 0;
    return vm_truthy(vm, r);
}

int vm_eq(VM *vm, Value a, Value b) {
    if (a == b) return 1;
    if (v_is_int(a) && v_is_int(b)) return 0;
    Type *ta = type_of(vm, a);
    if (ta == vm->t_str && type_of(vm, b) == vm->t_str) return str_eq(as_str(a), as_str(b));
    return vm_richcmp_bool(vm, a, b, CMP_EQ);
}

/* ---- arithmetic ---- */

static Value binop_error(VM *vm, int op, Value a, Value b) {
    bool inplace = op & NB_INPLACE;
    int k = op & 15;
    if (k == OP_POW && !inplace)
        return vm_raise(vm, vm->e_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", type_name(vm, a), type_name(vm, b));
    const char *sym = k == OP_POW ? "**" : binop_symbol[k];
    return vm_raise(vm, vm->e_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                    sym, inplace ? "=" : "", type_name(vm, a), type_name(vm, b));
}

static Value call_binary(VM *vm, Value self, Value name, Value other, bool *found) {
    return vm_call_dunder(vm, self, name, &other, 1, found);
}

Value vm_binop(VM *vm, int op, Value a, Value b) {
    int k = op & 15;
    /* exact str + str: skips the dunder lookup and the call (string building lives here) */
    if (k == OP_ADD && v_is_obj(a) && v_is_obj(b) && v_obj(a)->type == vm->t_str && v_obj(b)->type == vm->t_str)
        return str_concat(vm, a, b);
    if (int_check(vm, a) && int_check(vm, b) && k != OP_MATMULT) return int_binop(vm, k, a, b);
    Type *ta = type_of(vm, a), *tb = type_of(vm, b);
    if ((ta == vm->t_float || ta == vm->t_int) && (tb == vm->t_float || tb == vm->t_int)) {
        Value r = float_binop(vm, k, a, b);
        if (r != vm->notimpl) return r;
    }
    if (cstack_check(vm)) return VNULL;
    bool found;
    if (op & NB_INPLACE) {
        Value r = call_binary(vm, a, vm->binop_names[2][k], b, &found);
        if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    }
    Value lname = vm->binop_names[0][k], rname = vm->binop_names[1][k];
    bool rfirst = ta != tb && type_is_subtype(tb, ta) && type_lookup(vm, tb, rname) &&
                  type_lookup(vm, tb, rname) != type_lookup(vm, ta, rname);
    if (rfirst) {
        Value r = call_binary(vm, b, rname, a, &found);
        if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    }
    Value r = call_binary(vm, a, lname, b, &found);
    if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    if (ta != tb && !rfirst) {
        r = call_binary(vm, b, rname, a, &found);
        if (found) { if (!r) return VNULL; if (r != vm->notimpl) return r; }
    }
    return binop_error(vm, op, a, b);
}

Value vm_unaryop(VM *vm, int op, Value a) {
    if (op == UOP_NOT) {
        int t = vm_truthy(vm, a);
        return t < 0 ? VNULL : vm_bool(vm, !t);
    }
    if (v_is_int(a)) {
        int64_t x = v_int(a);
        if (op == UOP_USUB) return int_from_i64(vm, -x);
        if (op == UOP_UADD) return a;
        return v_from_int(~x);
    }
    Value name = op == UOP_USUB ? vm->s___neg__ : op == UOP_UADD ? vm->s___pos__ : vm->s___invert__;
    bool found;
    Value r = vm_call_dunder(vm, a, name, NULL, 0, &found);
    if (found) return r;
    const char *sym = op == UOP_USUB ? "-" : op == UOP_UADD ? "+" : "~";
    return vm_raise(vm, vm->e_TypeError, "bad operand type for unary %s: '%s'", sym, type_name(vm, a));
}

/* ---- attributes ---- */

/* Instances of subclasses of str, tuple and bytes keep their dict in the word after their
 * items (their allocators reserve it), since the items' length varies per object. */
Dict **var_dict_slot(VM *vm, Obj *o) {
    Type *l = o->type->layout;
    size_t end;
    if (l == vm->t_str) end = sizeof(Str) + (size_t)((Str *)o)->len + 1;
    else if (l == vm->t_tuple) end = sizeof(Tuple) + (size_t)((Tuple *)o)->n * sizeof(Value);
    else end = (size_t)(((Bytes *)o)->data - (uint8_t *)o) + (size_t)((Bytes *)o)->n + 1;
    return (Dict **)((char *)o + ((end + 7) & ~(size_t)7));
}

Dict **instance_dict_slot(VM *vm, Value obj) {
    if (v_is_int(obj)) return NULL;
    Type *t = type_of(vm, obj);
    if (t->dictoffset) return (Dict **)((char *)obj + t->dictoffset);
    return (t->flags & TF_VARDICT) ? var_dict_slot(vm, (Obj *)obj) : NULL;
}

static bool is_data_descriptor(VM *vm, Value d) {
    if (v_is_int(d)) return false;
    Type *t = type_of(vm, d);
    if (t == vm->t_property) return true;
    if (!(t->flags & TF_HEAPTYPE)) return false;
    return type_lookup(vm, t, vm->s___set__) || type_lookup(vm, t, vm->s___delete__);
}

static Value bind_method(VM *vm, Value f, Value self) {
    BoundMethod *m = gc_alloc(vm, vm->t_method, sizeof(BoundMethod));
    if (!m) return VNULL;
    m->func = f;
    m->self = self;
    return v_from_obj(m);
}

/* Apply the descriptor protocol to a class attribute found for `obj` (VNULL obj: via class). */
Value descr_get(VM *vm, Value d, Value obj, Type *owner) {
    if (v_is_int(d)) return d;
    Type *t = type_of(vm, d);
    if (t == vm->t_function) return obj ? bind_method(vm, d, obj) : d;
    if (t == vm->t_builtin_function_or_method) {
        NativeFunc *nf = (NativeFunc *)d;
        return (obj && (nf->flags & 1)) ? bind_method(vm, d, obj) : d;
    }
    if (t == vm->t_staticmethod) return ((StaticMethod *)d)->func;
    if (t == vm->t_classmethod) return bind_method(vm, ((StaticMethod *)d)->func, v_from_obj(owner));
    if (t == vm->t_property) {
        if (!obj) return d;
        Property *p = (Property *)d;
        if (!p->fget || p->fget == vm->none) {
            if (p->name && isinst(vm, p->name, vm->t_str))
                return vm_raise(vm, vm->e_AttributeError, "property '%s' of '%s' object has no getter", str_cstr(p->name), type_name(vm, obj));
            return vm_raise(vm, vm->e_AttributeError, "property object has no getter");
        }
        return vm_call1(vm, p->fget, obj);
    }
    if (t->flags & TF_HEAPTYPE) {
        Value g = type_lookup(vm, t, vm->s___get__);
        if (g) {
            Value a[3] = { d, obj ? obj : vm->none, v_from_obj(owner) };
            return vm_call(vm, g, a, 3, VNULL);
        }
    }
    return d;
}

static Value attr_error(VM *vm, Value obj, Value name) {
    vm_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", type_name(vm, obj), str_cstr(name));
    Value e = vm->exc;
    if (e) { exc_set_attr(vm, e, vm->s_name, name); exc_set_attr(vm, e, vm->s_obj, obj); vm->exc = e; }
    return VNULL;
}

Value generic_getattr(VM *vm, Value obj, Value name, bool suppress) {
    Type *t = type_of(vm, obj);
    Value d = type_lookup(vm, t, name);
    if (d && is_data_descriptor(vm, d)) return descr_get(vm, d, obj, t);
    Dict **slot = instance_dict_slot(vm, obj);
    if (slot && *slot) {
        Value v = dict_get_str(*slot, name);
        if (v) return v;
    }
    if (d) return descr_get(vm, d, obj, t);
    if (name == vm->s___class__) return v_from_obj(t);
    if (name == vm->s___dict__ && slot) {
        if (!*slot) *slot = dict_new(vm);
        return v_from_obj(*slot);
    }
    if (t->flags & TF_HAS_GETATTR) {
        Value ga = type_lookup(vm, t, vm->s___getattr__);
        if (ga) {
            Value r = vm_call_dunder(vm, obj, vm->s___getattr__, &name, 1, NULL);
            if (!r && suppress && vm_exc_is(vm, vm->e_AttributeError)) vm_clear_exc(vm);
            return r;
        }
    }
    if (suppress) return VNULL;
    return attr_error(vm, obj, name);
}

Value type_getattr(VM *vm, Type *t, Value name, bool suppress) {
    Type *meta = type_of(vm, v_from_obj(t));
    /* type's own data descriptors win over the class dict, as in CPython */
    if (name == vm->s___name__) return t->name_v;
    if (name == vm->s___qualname__) return t->qualname;
    if (name == vm->s___mro__) return t->mro;
    if (name == vm->s___bases__) return t->bases;
    if (name == vm->s___base__) return t->base ? v_from_obj(t->base) : vm->none;
    if (name == vm->s___dict__) return dict_copy(vm, t->dict);
    if (name == vm->s___class__) return v_from_obj(meta);
    if (name == vm->s___module__) {
        Value m = dict_get_str(t->dict, name);
        if (m) return m;
        return t->module ? t->module : str_from_cstr(vm, "builtins");
    }
    Value md = type_lookup(vm, meta, name);
    if (md && is_data_descriptor(vm, md)) return descr_get(vm, md, v_from_obj(t), meta);
    Value d = type_lookup(vm, t, name);
    if (d) return descr_get(vm, d, VNULL, t);
    if (name == vm->s___doc__) return vm->none;
    if (md) return descr_get(vm, md, v_from_obj(t), meta);
    if (suppress) return VNULL;
    return vm_raise(vm, vm->e_AttributeError, "type object '%s' has no attribute '%s'", t->name, str_cstr(name));
}

static Value module_getattr(VM *vm, Module *m, Value name, bool suppress) {
    Value v = dict_get_str(m->dict, name);
    if (!v) { int r = dict_get(vm, m->dict, name, &v); if (r <= 0) v = VNULL; }
    if (v) return v;
    if (name == vm->s___dict__) return v_from_obj(m->dict);
    Value d = type_lookup(vm, vm->t_module, name);
    if (d) return descr_get(vm, d, v_from_obj(m), vm->t_module);
    if (suppress) return VNULL;
    return vm_raise(vm, vm->e_AttributeError, "module '%s' has no attribute '%s'", str_cstr(m->name), str_cstr(name));
}

static Value getattr_impl(VM *vm, Value obj, Value name, bool suppress) {
    Type *t = type_of(vm, obj);
    if (t == vm->t_module) return module_getattr(vm, (Module *)obj, name, suppress);
    if (t->layout == vm->t_type) return type_getattr(vm, (Type *)obj, name, suppress);
    if (t == vm->t_super) {
        Value ga = type_lookup(vm, t, vm->s___getattribute__);
        Value a[2] = { obj, name };
        Value r = vm_call(vm, ga, a, 2, VNULL);
        if (!r && suppress && vm_exc_is(vm, vm->e_AttributeError)) vm_clear_exc(vm);
        return r;
    }
    if (t->flags & TF_HEAPTYPE) {
        Value ga = type_lookup(vm, t, vm->s___getattribute__);
        if (ga && type_of(vm, ga) == vm->t_function) {
            Value r = vm_call_dunder(vm, obj, vm->s___getattribute__, &name, 1, NULL);
            if (!r && vm_exc_is(vm, vm->e_AttributeError) && (t->flags & TF_HAS_GETATTR)) {
                vm_clear_exc(vm);
                r = vm_call_dunder(vm, obj, vm->s___getattr__, &name, 1, NULL);
            }
            if (!r && suppress && vm_exc_is(vm, vm->e_AttributeError)) vm_clear_exc(vm);
            return r;
        }
    }
    return generic_getattr(vm, obj, name, suppress);
}

Value vm_getattr(VM *vm, Value obj, Value name) { return getattr_impl(vm, obj, name, false); }

Value vm_getattr_opt(VM *vm, Value obj, Value name) {
    Value r = getattr_impl(vm, obj, name, true);
    if (!r && vm_exc_is(vm, vm->e_AttributeError)) vm_clear_exc(vm);
    return r;
}

Value vm_getattr_cstr(VM *vm, Value obj, const char *name) {
    return vm_getattr(vm, obj, str_intern_cstr(vm, name));
}

/* obj.__class__ = cls (object.__class__'s setter): only between script classes whose
 * instances share a layout, as CPython's compatible_for_assignment demands. */
static int set_class(VM *vm, Value obj, Type *t, Value v) {
    if (!v) { vm_raise(vm, vm->e_TypeError, "can't delete __class__ attribute"); return -1; }
    if (!isinst(vm, v, vm->t_type)) {
        vm_raise(vm, vm->e_TypeError, "__class__ must be set to a class, not '%s' object", type_name(vm, v));
        return -1;
    }
    Type *nt = (Type *)v;
    if (!(t->flags & TF_HEAPTYPE) || !(nt->flags & TF_HEAPTYPE)) {
        vm_raise(vm, vm->e_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (nt->layout != t->layout || nt->size != t->size || nt->dictoffset != t->dictoffset ||
        (nt->flags & TF_VARDICT) != (t->flags & TF_VARDICT) || nt->trace != t->trace || nt->on_collect != t->on_collect) {
        vm_raise(vm, vm->e_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", nt->name, t->name);
        return -1;
    }
    ((Obj *)obj)->type = nt;
    return 0;
}

int generic_setattr(VM *vm, Value obj, Value name, Value v) {
    Type *t = type_of(vm, obj);
    Value d = type_lookup(vm, t, name);
    if (name == vm->s___class__ && !d) return set_class(vm, obj, t, v);
    if (d && is_data_descriptor(vm, d)) {
        Type *dt = type_of(vm, d);
        if (dt == vm->t_property) {
            Property *p = (Property *)d;
            Value f = v ? p->fset : p->fdel;
            if (!f || f == vm->none) {
                vm_raise(vm, vm->e_AttributeError, "property '%s' of '%s' object has no %s",
                         str_cstr(p->name && isinst(vm, p->name, vm->t_str) ? p->name : name), t->name, v ? "setter" : "deleter");
                return -1;
            }
            Value a[2] = { obj, v };
            return vm_call(vm, f, a, v ? 2 : 1, VNULL) ? 0 : -1;
        }
        Value a[3] = { d, obj, v };
        Value m = type_lookup(vm, dt, v ? vm->s___set__ : vm->s___delete__);
        if (!m) { vm_raise(vm, vm->e_AttributeError, "__delete__"); return -1; }
        return vm_call(vm, m, a, v ? 3 : 2, VNULL) ? 0 : -1;
    }
    Dict **slot = instance_dict_slot(vm, obj);
    if (!slot) {
        if (d) vm_raise(vm, vm->e_AttributeError, "'%s' object attribute '%s' is read-only", t->name, str_cstr(name));
        else vm_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", t->name, str_cstr(name));
        return -1;
    }
    if (!*slot) { *slot = dict_new(vm); if (!*slot) return -1; }
    if (v) return dict_set(vm, *slot, name, v);
    int r = dict_del(vm, *slot, name);
    if (r == 0) { attr_error(vm, obj, name); return -1; }
    return r < 0 ? -1 : 0;
}

int vm_setattr(VM *vm, Value obj, Value name, Value v) {
    Type *t = type_of(vm, obj);
    if (t == vm->t_module) {
        Module *m = (Module *)obj;
        if (v) return dict_set(vm, m->dict, name, v);
        int r = dict_del(vm, m->dict, name);
        if (r == 0) { vm_raise(vm, vm->e_AttributeError, "%s", str_cstr(name)); return -1; }
        return r < 0 ? -1 : 0;
    }
    if (t->layout == vm->t_type) {
        Type *cls = (Type *)obj;
        if (!(cls->flags & TF_HEAPTYPE)) {
            vm_raise(vm, vm->e_TypeError, "cannot set '%s' attribute of immutable type '%s'", str_cstr(name), cls->name);
            return -1;
        }
        type_modified(vm, cls);
        if (name == vm->s___getattr__) cls->flags |= TF_HAS_GETATTR;
        if (v) return dict_set(vm, cls->dict, name, v);
        int r = dict_del(vm, cls->dict, name);
        if (r == 0) { vm_raise(vm, vm->e_AttributeError, "type object '%s' has no attribute '%s'", cls->name, str_cstr(name)); return -1; }
        return r < 0 ? -1 : 0;
    }
    if (t->flags & TF_HEAPTYPE) {
        Value sa = type_lookup(vm, t, v ? vm->s___setattr__ : vm->s___delattr__);
        if (sa && type_of(vm, sa) == vm->t_function) {
            Value a[3] = { obj, name, v };
            return vm_call(vm, sa, a, v ? 3 : 2, VNULL) ? 0 : -1;
        }
    }
    return generic_setattr(vm, obj, name, v);
}

/* ---- items, containment, iteration, len ---- */

Value vm_getitem(VM *vm, Value obj, Value key) {
    bool found;
    Value r = vm_call_dunder(vm, obj, vm->s___getitem__, &key, 1, &found);
    if (found) return r;
    if (isinst(vm, obj, vm->t_type)) {
        Value cg = type_getattr(vm, (Type *)obj, vm->s___class_getitem__, true);
        if (cg) return vm_call1(vm, cg, key);
        if (vm->exc) return VNULL;
        if (vm->exc) return VNULL;
        return vm_raise(vm, vm->e_TypeError, "type '%s' is not subscriptable", ((Type *)obj)->name);
    }
    return vm_raise(vm, vm->e_TypeError, "'%s' object is not subscriptable", type_name(vm, obj));
}

int vm_setitem(VM *vm, Value obj, Value key, Value v) {
    if (v_is_obj(obj) && ((Obj *)obj)->type == vm->t_dict)   /* exact dicts: no __delitem__ call */
        return v ? dict_set(vm, (Dict *)obj, key, v) : dict_delitem(vm, (Dict *)obj, key);
    bool found;
    Value a[2] = { key, v };
    Value r = vm_call_dunder(vm, obj, v ? vm->s___setitem__ : vm->s___delitem__, a, v ? 2 : 1, &found);
    if (found) return r ? 0 : -1;
    if (v) vm_raise(vm, vm->e_TypeError, "'%s' object does not support item assignment", type_name(vm, obj));
    else vm_raise(vm, vm->e_TypeError, "'%s' object doesn't support item deletion", type_name(vm, obj));
    return -1;
}

int vm_contains(VM *vm, Value c, Value item) {
    bool found;
    Value r = vm_call_dunder(vm, c, vm->s___contains__, &item, 1, &found);
    if (found) return r ? vm_truthy(vm, r) : -1;
    Type *t = type_of(vm, c);
    if (!type_lookup(vm, t, vm->s___iter__) && !type_lookup(vm, t, vm->s___getitem__)) {
        vm_raise(vm, vm->e_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Value it = vm_iter(vm, c);
    if (!it) return -1;
    for (;;) {
        Value x = vm_next(vm, it);
        if (!x) return vm->exc ? -1 : 0;
        int e = vm_eq(vm, x, item);
        if (e) return e;
    }
}

Value vm_iter(VM *vm, Value v) {
    Type *t = type_of(vm, v);
    Value f = type_lookup(vm, t, vm->s___iter__);
    if (f && f != vm->none) {
        Value it = vm_call_dunder(vm, v, vm->s___iter__, NULL, 0, NULL);
        if (!it) return VNULL;
        if (!type_lookup(vm, type_of(vm, it), vm->s___next__))
            return vm_raise(vm, vm->e_TypeError, "iter() returned non-iterator of type '%s'", type_name(vm, it));
        return it;
    }
    if (!f && type_lookup(vm, t, vm->s___getitem__)) return seq_iter_new(vm, v);
    return vm_raise(vm, vm->e_TypeError, "'%s' object is not iterable", t->name);
}

Value vm_next(VM *vm, Value it) {
    /* a loop in C (sum(iter(int, 1)), bytes(map(f, huge))) runs no bytecode: each item it
     * takes is a step, so a step budget bounds it too */
    if (__builtin_expect(vm->config.step_budget != 0, 0) && ++vm->steps > vm->config.step_budget)
        return vm_budget_exhausted(vm);
    Type *t = type_of(vm, it);
    if (t == vm->t_generator) {
        bool ret;
        Value r = gen_send(vm, it, vm->none, &ret);
        if (!r) return VNULL;
        return ret ? VNULL : r;
    }
    /* the built-in iterators (dict, set, enumerate, zip, ...): their C hook, no __next__ call */
    bool found;
    Value r = iterobj_next(vm, it, &found);
    if (!found) {
        r = vm_call_dunder(vm, it, vm->s___next__, NULL, 0, &found);
        if (!found) return vm_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", t->name);
    }
    if (!r && vm->exc && vm_exc_is(vm, vm->e_StopIteration)) vm_clear_exc(vm);
    return r;
}

int64_t vm_len(VM *vm, Value v) {
    Type *t = type_of(vm, v);
    if (t == vm->t_str) return as_str(v)->cplen;
    if (t == vm->t_list) return as_list(v)->n;
    if (t == vm->t_tuple) return as_tuple(v)->n;
    if (t == vm->t_dict) return dict_len((Dict *)v);
    bool found;
    Value r = vm_call_dunder(vm, v, vm->s___len__, NULL, 0, &found);
    if (!found) { vm_raise(vm, vm->e_TypeError, "object of type '%s' has no len()", t->name); return -1; }
    if (!r) return -1;
    if (!int_check(vm, r)) {
        vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, r));
        return -1;
    }
    int64_t n;
    if (vm_index(vm, r, &n) < 0) return -1;
    if (n < 0) { vm_raise(vm, vm->e_ValueError, "__len__() should return >= 0"); return -1; }
    return n;
}

Value vm_to_list(VM *vm, Value iterable) {
    Value l = list_new(vm, 0);
    if (!l || list_extend(vm, l, iterable) < 0) return VNULL;
    return l;
}

Value vm_to_tuple(VM *vm, Value iterable) {
    if (type_of(vm, iterable) == vm->t_tuple) return iterable;
    Value l = vm_to_list(vm, iterable);
    if (!l) return VNULL;
    List *L = as_list(l);
    if (!L->n) return vm->empty_tuple;
    Value t = tuple_new(vm, L->n);
    if (!t) return VNULL;
    memcpy(as_tuple(t)->items, L->items, sizeof(Value) * L->n);
    return t;
}

int vm_index(VM *vm, Value v, int64_t *out) {
    if (v_is_int(v)) { *out = v_int(v); return 0; }
    Type *t = type_of(vm, v);
    if (t == vm->t_bool) { *out = v == vm->true_; return 0; }
    if (int_is(vm, v)) {
        if (int_to_i64(v, out)) return 0;
        vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    bool found;
    Value r = vm_call_dunder(vm, v, vm->s___index__, NULL, 0, &found);
    if (!found) {
        vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", t->name);
        return -1;
    }
    if (!r) return -1;
    if (!int_is(vm, r)) {
        vm_raise(vm, vm->e_TypeError, "__index__ returned non-int (type %s)", type_name(vm, r));
        return -1;
    }
    return vm_index(vm, r, out);
}

bool vm_callable(VM *vm, Value v) {
    if (v_is_int(v)) return false;
    Type *t = type_of(vm, v);
    if (t == vm->t_function || t == vm->t_builtin_function_or_method || t == vm->t_method) return true;
    if (t->layout == vm->t_type) return true;
    return type_lookup(vm, t, vm->s___call__) != VNULL;
}

int vm_isinstance(VM *vm, Value obj, Value cls) {
    if (isinst(vm, cls, vm->t_tuple)) {
        Tuple *tp = as_tuple(cls);
        for (int64_t i = 0; i < tp->n; i++) {
            int r = vm_isinstance(vm, obj, tp->items[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!isinst(vm, cls, vm->t_type)) {
        vm_raise(vm, vm->e_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    Type *ct = type_of(vm, cls);
    if (ct != vm->t_type) {
        Value ic = type_lookup(vm, ct, vm->s___instancecheck__);
        if (ic) {
            Value a[2] = { cls, obj };
            Value r = vm_call(vm, ic, a, 2, VNULL);
            return r ? vm_truthy(vm, r) : -1;
        }
    }
    return isinst(vm, obj, (Type *)cls);
}

int vm_issubclass(VM *vm, Value cls, Value base) {
    if (isinst(vm, base, vm->t_tuple)) {
        Tuple *tp = as_tuple(base);
        for (int64_t i = 0; i < tp->n; i++) {
            int r = vm_issubclass(vm, cls, tp->items[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!isinst(vm, cls, vm->t_type)) {
        vm_raise(vm, vm->e_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!isinst(vm, base, vm->t_type)) {
        vm_raise(vm, vm->e_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return type_is_subtype((Type *)cls, (Type *)base);
}

Value vm_dir(VM *vm, Value obj) {
    Value names = set_new(vm, vm->t_set);
    Dict **slot = instance_dict_slot(vm, obj);
    int64_t pos;
    Value k, v;
    if (type_of(vm, obj) == vm->t_module) {
        pos = 0;
        while (dict_next(((Module *)obj)->dict, &pos, &k, &v)) set_add(vm, names, k);
    } else {
        if (slot && *slot) { pos = 0; while (dict_next(*slot, &pos, &k, &v)) set_add(vm, names, k); }
        Type *t = isinst(vm, obj, vm->t_type) ? (Type *)obj : type_of(vm, obj);
        Tuple *m = as_tuple(t->mro);
        for (int64_t i = 0; i < m->n; i++) {
            pos = 0;
            while (dict_next(((Type *)m->items[i])->dict, &pos, &k, &v)) set_add(vm, names, k);
        }
    }
    Value l = vm_to_list(vm, names);
    if (!l) return VNULL;
    return list_sort(vm, l, VNULL, false) ? l : VNULL;
}

/* ---- object's own methods ---- */

static Value object_new_m(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *t = (Type *)args[0];
    if (nargs > 1 || kwnames) {
        Value init = type_lookup(vm, t, vm->s___init__);
        Value newf = type_lookup(vm, t, vm->s___new__);
        bool new_is_obj = newf && type_of(vm, newf) == vm->t_staticmethod && ((StaticMethod *)newf)->func == vm->object_new;
        if (!new_is_obj) return vm_raise(vm, vm->e_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (init == vm->object_init) return vm_raise(vm, vm->e_TypeError, "%s() takes no arguments", t->name);
    }
    if (!t->size) return vm_raise(vm, vm->e_TypeError, "cannot create '%s' instances", t->name);
    if (t->flags & TF_ABSTRACT_NEW) return vm_raise(vm, vm->e_TypeError, "cannot create '%s' instances", t->name);
    Obj *o = gc_alloc(vm, t, t->size);
    return o ? v_from_obj(o) : VNULL;
}

static Value object_init_m(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs > 1 || kwnames) {
        Type *t = type_of(vm, args[0]);
        Value init = type_lookup(vm, t, vm->s___init__);
        if (init != vm->object_init) return vm_raise(vm, vm->e_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        return vm_raise(vm, vm->e_TypeError, "%s() takes no arguments", t->name);
    }
    return vm->none;
}

static Value object_repr_m(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *t = type_of(vm, args[0]);
    const char *mod = t->module ? str_cstr(t->module) : NULL;
    if (mod && strcmp(mod, "builtins") != 0)
        return str_printf(vm, "<%s.%s object at %p>", mod, str_cstr(t->qualname), (void *)args[0]);
    return str_printf(vm, "<%s object at %p>", str_cstr(t->qualname), (void *)args[0]);
}

static Value object_str_m(VM *vm, Value *args, int nargs, Value kwnames) { return vm_repr(vm, args[0]); }

static Value object_hash_m(VM *vm, Value *args, int nargs, Value kwnames) {
    return v_from_int((int64_t)(args[0] >> 4));
}

static Value object_eq_m(VM *vm, Value *args, int nargs, Value kwnames) {
    return args[0] == args[1] ? vm->true_ : vm->notimpl;
}

static Value object_ne_m(VM *vm, Value *args, int nargs, Value kwnames) {
    Value r = vm_richcmp(vm, args[0], args[1], CMP_EQ);
    if (!r || r == vm->notimpl) return r;
    int t = vm_truthy(vm, r);
    return t < 0 ? VNULL : vm_bool(vm, !t);
}

static Value object_cmp_notimpl(VM *vm, Value *args, int nargs, Value kwnames) { return vm->notimpl; }

static Value object_setattr_m(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__setattr__", nargs, kwnames, 3, 3) < 0) return VNULL;
    return generic_setattr(vm, args[0], args[1], args[2]) < 0 ? VNULL : vm->none;
}
static Value object_delattr_m(VM *vm, Value *args, int nargs, Value kwnames) {
    return generic_setattr(vm, args[0], args[1], VNULL) < 0 ? VNULL : vm->none;
}
static Value object_getattribute_m(VM *vm, Value *args, int nargs, Value kwnames) {
    if (!isinst(vm, args[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", type_name(vm, args[1]));
    return generic_getattr(vm, args[0], str_intern(vm, args[1]), false);
}

static Value object_format_m(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs > 1 && isinst(vm, args[1], vm->t_str) && as_str(args[1])->len)
        return vm_raise(vm, vm->e_TypeError, "unsupported format string passed to %s.__format__", type_name(vm, args[0]));
    return vm_str(vm, args[0]);
}

static Value object_init_subclass_m(VM *vm, Value *args, int nargs, Value kwnames) { return vm->none; }
static Value object_dir_m(VM *vm, Value *args, int nargs, Value kwnames) { return vm_dir(vm, args[0]); }

static Value type_repr_m(VM *vm, Value *args, int nargs, Value kwnames) {
    Type *t = (Type *)args[0];
    if (t->module && strcmp(str_cstr(t->module), "builtins") != 0)
        return str_printf(vm, "<class '%s.%s'>", str_cstr(t->module), str_cstr(t->qualname));
    return str_printf(vm, "<class '%s'>", str_cstr(t->qualname));
}

static Value type_mro_m(VM *vm, Value *args, int nargs, Value kwnames) {
    return vm_to_list(vm, ((Type *)args[0])->mro);
}

static Value type_subclasses_m(VM *vm, Value *args, int nargs, Value kwnames) { return list_new(vm, 0); }

static Value type_call_m(VM *vm, Value *args, int nargs, Value kwnames) {
    return type_call(vm, (Type *)args[0], args + 1, nargs - 1, kwnames);
}

static Value type_new_m(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs == 2) return v_from_obj(type_of(vm, args[1]));
    if (nargs != 4) return vm_raise(vm, vm->e_TypeError, "type() takes 1 or 3 arguments");
    Value type_new_heap(VM *vm, Type *meta, Value name, Value bases, Dict *ns);
    return type_new_heap(vm, (Type *)args[0], args[1], args[2], (Dict *)dict_copy(vm, (Dict *)args[3]));
}
static Value type_init_m(VM *vm, Value *args, int nargs, Value kwnames) { return vm->none; }

void object_init(VM *vm) {
    Type *o = vm->t_object;
    type_add_static(vm, o, "__new__", object_new_m);
    vm->object_new = ((StaticMethod *)dict_get_cstr(vm, o->dict, "__new__"))->func;
    type_add_method(vm, o, "__init__", object_init_m);
    vm->object_init = dict_get_cstr(vm, o->dict, "__init__");
    type_add_method(vm, o, "__repr__", object_repr_m);
    type_add_method(vm, o, "__str__", object_str_m);
    type_add_method(vm, o, "__hash__", object_hash_m);
    type_add_method(vm, o, "__eq__", object_eq_m);
    type_add_method(vm, o, "__ne__", object_ne_m);
    type_add_method(vm, o, "__lt__", object_cmp_notimpl);
    type_add_method(vm, o, "__le__", object_cmp_notimpl);
    type_add_method(vm, o, "__gt__", object_cmp_notimpl);
    type_add_method(vm, o, "__ge__", object_cmp_notimpl);
    type_add_method(vm, o, "__setattr__", object_setattr_m);
    type_add_method(vm, o, "__delattr__", object_delattr_m);
    type_add_method(vm, o, "__getattribute__", object_getattribute_m);
    type_add_method(vm, o, "__format__", object_format_m);
    type_add_method(vm, o, "__dir__", object_dir_m);
    type_add_classmethod(vm, o, "__init_subclass__", object_init_subclass_m);
    Type *t = vm->t_type;
    type_add_method(vm, t, "__repr__", type_repr_m);
    type_add_method(vm, t, "mro", type_mro_m);
    type_add_method(vm, t, "__subclasses__", type_subclasses_m);
    type_add_method(vm, t, "__call__", type_call_m);
    type_add_static(vm, t, "__new__", type_new_m);
    type_add_method(vm, t, "__init__", type_init_m);
}
