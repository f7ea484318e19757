/* builtins.c — the builtins module: print, len, isinstance and friends, and the built-in
 * type names. Each function parses its arguments with CPython's messages. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/complexobj.h"
#include "vm/interp.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The current sys.stdout / sys.stdin: scripts may rebind them, so read the sys module's dict
 * each time. VNULL when sys has no such attribute; None stays None. */
static Value sys_stream(VM *vm, const char *name, Value fallback) {
    if (!vm->sys_mod) return fallback;
    Value v = dict_get_str(((Module *)vm->sys_mod)->dict, str_intern_cstr(vm, name));
    return v;
}

int vm_write_str(VM *vm, Value file, Value s) {
    if (!file || file == vm->none) file = sys_stream(vm, "stdout", vm->sys_stdout);
    if (!file || file == vm->none) return 0;
    Value r = vm_call_method(vm, file, vm->s_write, &s, 1);
    return r ? 0 : -1;
}

static Value bi_print(VM *vm, Value *a, int n, Value k) {
    Value sep = VNULL, end = VNULL, file = VNULL, flush = VNULL;
    int nk = k ? (int)as_tuple(k)->n : 0;
    for (int i = 0; i < nk; i++) {
        const char *kn = str_cstr(as_tuple(k)->items[i]);
        Value v = a[n + i];
        if (!strcmp(kn, "sep")) sep = v;
        else if (!strcmp(kn, "end")) end = v;
        else if (!strcmp(kn, "file")) file = v;
        else if (!strcmp(kn, "flush")) flush = v;
        else return vm_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for print()", kn);
    }
    if (sep && sep != vm->none && !isinst(vm, sep, vm->t_str)) return vm_raise(vm, vm->e_TypeError, "sep must be None or a string, not %s", type_name(vm, sep));
    if (end && end != vm->none && !isinst(vm, end, vm->t_str)) return vm_raise(vm, vm->e_TypeError, "end must be None or a string, not %s", type_name(vm, end));
    bool fl = false;
    if (flush) { int t = vm_truthy(vm, flush); if (t < 0) return VNULL; fl = t; }
    return vm_print(vm, a, n, sep, end, file, fl);
}

Value vm_print(VM *vm, Value *args, int nargs, Value sep, Value end, Value file, bool flush) {
    if (!sep || sep == vm->none) sep = vm->small_strs[' '];
    if (!end || end == vm->none) end = vm->small_strs['\n'];
    Value out = file && file != vm->none ? file : sys_stream(vm, "stdout", vm->sys_stdout);
    if (!out || out == vm->none) return vm->none;   /* CPython: print() to a missing stdout is a no-op */
    Value write = vm_getattr(vm, out, vm->s_write);
    if (!write) return VNULL;
    for (int i = 0; i < nargs; i++) {
        if (i && !vm_call1(vm, write, sep)) return VNULL;
        Value s = vm_str(vm, args[i]);
        if (!s || !vm_call1(vm, write, s)) return VNULL;
    }
    if (!vm_call1(vm, write, end)) return VNULL;
    if (flush && !vm_call_method(vm, out, vm->s_flush, NULL, 0)) return VNULL;
    return vm->none;
}

static Value bi_len(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "len", n, k, 1, 1) < 0) return VNULL;
    int64_t l = vm_len(vm, a[0]);
    return l < 0 ? VNULL : int_from_i64(vm, l);
}
static Value bi_repr(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "repr", n, k, 1, 1) < 0) return VNULL;
    return vm_repr(vm, a[0]);
}
static Value bi_ascii(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "ascii", n, k, 1, 1) < 0) return VNULL;
    return vm_ascii(vm, a[0]);
}
static Value bi_isinstance(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "isinstance", n, k, 2, 2) < 0) return VNULL;
    int r = vm_isinstance(vm, a[0], a[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}
static Value bi_issubclass(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "issubclass", n, k, 2, 2) < 0) return VNULL;
    int r = vm_issubclass(vm, a[0], a[1]);
    return r < 0 ? VNULL : vm_bool(vm, r);
}
static Value bi_id(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "id", n, k, 1, 1) < 0) return VNULL;
    return int_from_i64(vm, (int64_t)(a[0] >> (v_is_int(a[0]) ? 0 : 0)));
}
static Value bi_hash(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "hash", n, k, 1, 1) < 0) return VNULL;
    int64_t h;
    if (vm_hash(vm, a[0], &h) < 0) return VNULL;
    return int_from_i64(vm, h);
}
static Value bi_callable(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "callable", n, k, 1, 1) < 0) return VNULL;
    return vm_bool(vm, vm_callable(vm, a[0]));
}
static Value bi_getattr(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "getattr", n, k, 2, 3) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
    Value name = str_intern(vm, a[1]);
    if (n == 3) {
        Value r = vm_getattr_opt(vm, a[0], name);
        if (r) return r;
        if (vm->exc) return VNULL;
        return a[2];
    }
    return vm_getattr(vm, a[0], name);
}
static Value bi_setattr(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "setattr", n, k, 3, 3) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
    return vm_setattr(vm, a[0], str_intern(vm, a[1]), a[2]) < 0 ? VNULL : vm->none;
}
static Value bi_delattr(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "delattr", n, k, 2, 2) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
    return vm_setattr(vm, a[0], str_intern(vm, a[1]), VNULL) < 0 ? VNULL : vm->none;
}
static Value bi_hasattr(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "hasattr", n, k, 2, 2) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
    Value r = vm_getattr_opt(vm, a[0], str_intern(vm, a[1]));
    if (!r && vm->exc) return VNULL;
    return vm_bool(vm, r != VNULL);
}
static Value bi_iter(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "iter", n, k, 1, 2) < 0) return VNULL;
    if (n == 2) {
        if (!vm_callable(vm, a[0])) return vm_raise(vm, vm->e_TypeError, "iter(v, w): v must be callable");
        return callable_iter_new(vm, a[0], a[1]);
    }
    return vm_iter(vm, a[0]);
}
static Value bi_next(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "next", n, k, 1, 2) < 0) return VNULL;
    if (!type_lookup(vm, type_of(vm, a[0]), vm->s___next__))
        return vm_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", type_name(vm, a[0]));
    if (type_of(vm, a[0]) == vm->t_generator) {
        /* a generator's return value travels in StopIteration.value */
        bool ret;
        Value r = gen_send(vm, a[0], vm->none, &ret);
        if (!r) return VNULL;
        if (!ret) return r;
        if (n == 2) return a[1];
        return vm_raise_value(vm, exc_new(vm, vm->e_StopIteration, &r, r == vm->none ? 0 : 1));
    }
    Value r = vm_next(vm, a[0]);
    if (r) return r;
    if (vm->exc) return VNULL;
    if (n == 2) return a[1];
    return vm_raise_value(vm, exc_new(vm, vm->e_StopIteration, NULL, 0));
}
static Value bi_build_class(VM *vm, Value *a, int n, Value k) { return type_build_class(vm, a, n, k); }
static Value bi_dir(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "dir", n, k, 0, 1) < 0) return VNULL;
    if (n == 0) {
        Frame *fr = &vm->frames[vm->nframes - 1];
        Dict *d = fr->locals_dict ? fr->locals_dict : fr->globals;
        Value l = list_new(vm, 0);
        int64_t p = 0; Value key, v;
        while (dict_next(d, &p, &key, &v)) list_append(vm, l, key);
        return list_sort(vm, l, VNULL, false) ? l : VNULL;
    }
    /* A script's own __dir__ wins; its result is listed and sorted as CPython does. */
    Value name = str_intern_cstr(vm, "__dir__");
    Type *t = type_of(vm, a[0]);
    Value f = type_lookup(vm, t, name);
    if (!isinst(vm, a[0], vm->t_type) && f && f != type_lookup(vm, vm->t_object, name) && t != vm->t_module) {
        Value r = vm_call_dunder(vm, a[0], name, NULL, 0, NULL);
        if (!r) return VNULL;
        Value l = vm_to_list(vm, r);
        if (!l) return VNULL;
        if (l == r) l = list_copy(vm, l);
        return list_sort(vm, l, VNULL, false) ? l : VNULL;
    }
    return vm_dir(vm, a[0]);
}
static Value bi_globals(VM *vm, Value *a, int n, Value k) { return v_from_obj(vm->frames[vm->nframes - 1].globals); }
static Value bi_locals(VM *vm, Value *a, int n, Value k) {
    Frame *fr = &vm->frames[vm->nframes - 1];
    if (fr->locals_dict) return v_from_obj(fr->locals_dict);
    if (!(fr->code->flags & CO_NEWLOCALS)) return v_from_obj(fr->globals);
    Dict *d = dict_new(vm);
    Code *c = fr->code;
    for (int i = 0; i < c->nlocals; i++) {
        Value v = fr->slots[i];
        if (i >= c->nlocals - c->ncells - c->nfree && v) v = ((Cell *)v)->v;
        if (v) dict_set(vm, d, as_tuple(c->varnames)->items[i], v);
    }
    return v_from_obj(d);
}
static Value bi_vars(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "vars", n, k, 0, 1) < 0) return VNULL;
    if (n == 0) return bi_locals(vm, a, n, k);
    Value d = vm_getattr_opt(vm, a[0], vm->s___dict__);
    if (!d) return vm->exc ? VNULL : vm_raise(vm, vm->e_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}
/* input([prompt]): the prompt goes to sys.stdout (flushed), the line comes from
 * sys.stdin.readline() without its newline; an empty read is EOFError. */
static Value bi_input(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "input", n, k, 0, 1) < 0) return VNULL;
    Value in = sys_stream(vm, "stdin", vm->sys_stdin), out = sys_stream(vm, "stdout", vm->sys_stdout);
    if (!in || in == vm->none) return vm_raise(vm, vm->e_RuntimeError, "input(): lost sys.stdin");
    if (!out || out == vm->none) return vm_raise(vm, vm->e_RuntimeError, "input(): lost sys.stdout");
    Value err = sys_stream(vm, "stderr", vm->sys_stderr);
    if (err && err != vm->none) {
        bool found;
        if (!vm_call_method_opt(vm, err, vm->s_flush, NULL, 0, &found) && vm->exc) vm_clear_exc(vm);
    }
    if (n == 1) {
        Value s = vm_str(vm, a[0]);
        if (!s || vm_write_str(vm, out, s) < 0) return VNULL;
    }
    bool found;
    if (!vm_call_method_opt(vm, out, vm->s_flush, NULL, 0, &found) && vm->exc) vm_clear_exc(vm);
    Value line = vm_call_method(vm, in, vm->s_readline, NULL, 0);
    if (!line) return VNULL;
    if (!isinst(vm, line, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "object.readline() returned non-string");
    Str *s = as_str(line);
    if (s->len == 0) return vm_raise(vm, vm->e_EOFError, "EOF when reading a line");
    size_t l = s->len;
    if (s->data[l - 1] == '\n') l--;
    return str_new(vm, s->data, l);
}
/* exec/eval: without explicit namespaces the code sees the caller's globals and a snapshot of
 * its locals (writes to a function's locals do not come back, as in CPython). */
static Value bi_exec_eval(VM *vm, Value *a, int n, Value k, int mode) {
    const char *fname = mode ? "eval" : "exec";
    if (vm_check_args(vm, fname, n, k, 1, 3) < 0) return VNULL;
    bool is_bytes = isinst(vm, a[0], vm->t_bytes);
    if (!isinst(vm, a[0], vm->t_str) && !is_bytes && type_of(vm, a[0]) != vm->t_code)
        return vm_raise(vm, vm->e_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    Value gv = n > 1 ? a[1] : vm->none, lv = n > 2 ? a[2] : vm->none;
    if (gv != vm->none && !isinst(vm, gv, vm->t_dict))
        return mode ? vm_raise(vm, vm->e_TypeError, "globals must be a dict")
                    : vm_raise(vm, vm->e_TypeError, "exec() globals must be a dict, not %s", type_name(vm, gv));
    if (lv != vm->none && !isinst(vm, lv, vm->t_dict))
        return mode ? vm_raise(vm, vm->e_TypeError, "locals must be a mapping")
                    : vm_raise(vm, vm->e_TypeError, "locals must be a mapping or None, not %s", type_name(vm, lv));
    Dict *g, *l;
    if (gv != vm->none) {
        g = (Dict *)gv;
        l = lv != vm->none ? (Dict *)lv : g;
    } else {
        g = vm->frames[vm->nframes - 1].globals;
        if (lv != vm->none) l = (Dict *)lv;
        else {
            Value lo = bi_locals(vm, NULL, 0, VNULL);
            if (!lo) return VNULL;
            l = (Dict *)lo;
        }
    }
    Value code = a[0];
    if (!(type_of(vm, code) == vm->t_code)) {
        const char *src = is_bytes ? (const char *)((Bytes *)code)->data : str_cstr(code);
        size_t len = is_bytes ? (size_t)((Bytes *)code)->n : (size_t)as_str(code)->len;
        if (strlen(src) != len) return vm_raise(vm, vm->e_ValueError, "source code string cannot contain null bytes");
        code = vm_compile(vm, src, len, "<string>", mode);
        if (!code) return VNULL;
    }
    if (!dict_get_str(g, vm->s___builtins__)) dict_set(vm, g, vm->s___builtins__, vm->builtins_mod);
    Value r = vm_run_code(vm, (Code *)code, g, l);
    if (!r) return VNULL;
    return mode ? r : vm->none;
}
static Value bi_exec(VM *vm, Value *a, int n, Value k) { return bi_exec_eval(vm, a, n, k, 0); }
static Value bi_eval(VM *vm, Value *a, int n, Value k) { return bi_exec_eval(vm, a, n, k, 1); }
static Value bi_compile(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "source", "filename", "mode", "flags", "dont_inherit", "optimize", NULL };
    Value o[6];
    if (vm_parse_args(vm, "compile", a, n, k, names, 3, 0, o) < 0) return VNULL;
    bool is_bytes = isinst(vm, o[0], vm->t_bytes);
    if (!isinst(vm, o[0], vm->t_str) && !is_bytes)
        return vm_raise(vm, vm->e_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    if (!isinst(vm, o[1], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(vm, o[1]));
    if (!isinst(vm, o[2], vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "compile() argument 'mode' must be str, not %s", type_name(vm, o[2]));
    const char *mode = str_cstr(o[2]);
    int m = !strcmp(mode, "eval") ? 1 : !strcmp(mode, "single") ? 2 : !strcmp(mode, "exec") ? 0 : -1;
    if (m < 0) return vm_raise(vm, vm->e_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    const char *src = is_bytes ? (const char *)((Bytes *)o[0])->data : str_cstr(o[0]);
    size_t len = is_bytes ? (size_t)((Bytes *)o[0])->n : (size_t)as_str(o[0])->len;
    if (strlen(src) != len) return vm_raise(vm, vm->e_ValueError, "source code string cannot contain null bytes");
    return vm_compile(vm, src, len, str_cstr(o[1]), m);
}

void builtins_extra_init(VM *vm, Value mod) __attribute__((weak));
/* The other parts of the builtins module (stdlib/builtins_num.c, builtins_iter.c, fileio.c). */
void builtins_num_init(VM *vm, Value m);
void builtins_iter_init(VM *vm, Value m);
void fileio_init(VM *vm, Value m);

void builtins_init(VM *vm) {
    Value m = module_new(vm, "builtins");
    vm->builtins_mod = m;
    vm->builtins = ((Module *)m)->dict;
    module_add_fn(vm, m, "print", bi_print);
    module_add_fn(vm, m, "len", bi_len);
    module_add_fn(vm, m, "repr", bi_repr);
    module_add_fn(vm, m, "ascii", bi_ascii);
    module_add_fn(vm, m, "isinstance", bi_isinstance);
    module_add_fn(vm, m, "issubclass", bi_issubclass);
    module_add_fn(vm, m, "id", bi_id);
    module_add_fn(vm, m, "hash", bi_hash);
    module_add_fn(vm, m, "callable", bi_callable);
    module_add_fn(vm, m, "getattr", bi_getattr);
    module_add_fn(vm, m, "setattr", bi_setattr);
    module_add_fn(vm, m, "delattr", bi_delattr);
    module_add_fn(vm, m, "hasattr", bi_hasattr);
    module_add_fn(vm, m, "iter", bi_iter);
    module_add_fn(vm, m, "next", bi_next);
    module_add_fn(vm, m, "dir", bi_dir);
    module_add_fn(vm, m, "globals", bi_globals);
    module_add_fn(vm, m, "locals", bi_locals);
    module_add_fn(vm, m, "vars", bi_vars);
    module_add_fn(vm, m, "input", bi_input);
    module_add_fn(vm, m, "exec", bi_exec);
    module_add_fn(vm, m, "eval", bi_eval);
    module_add_fn(vm, m, "compile", bi_compile);
    module_add_fn(vm, m, "__build_class__", bi_build_class);
    module_add(vm, m, "None", vm->none);
    module_add(vm, m, "True", vm->true_);
    module_add(vm, m, "False", vm->false_);
    module_add(vm, m, "NotImplemented", vm->notimpl);
    module_add(vm, m, "Ellipsis", vm->ellipsis);
    module_add(vm, m, "__debug__", vm->true_);
    Type *types[] = { vm->t_object, vm->t_type, vm->t_int, vm->t_bool, vm->t_float, vm->t_str, vm->t_bytes,
                      vm->t_bytearray, vm->t_tuple, vm->t_list, vm->t_dict, vm->t_set, vm->t_frozenset,
                      vm->t_range, vm->t_slice, vm->t_property, vm->t_staticmethod, vm->t_classmethod,
                      vm->t_super, vm->t_enumerate, vm->t_zip, vm->t_map, vm->t_filter, vm->t_reversed };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i]) module_add(vm, m, types[i]->name, v_from_obj(types[i]));
    module_add(vm, m, "complex", v_from_obj(complex_type(vm)));
#define X(n, b) if (strcmp(#n, "CancelledError") && strcmp(#n, "InvalidStateError")) module_add(vm, m, #n, v_from_obj(vm->e_##n));
    ASPEN_EXCEPTIONS(X)
#undef X
    module_add(vm, m, "EnvironmentError", v_from_obj(vm->e_OSError));
    module_add(vm, m, "IOError", v_from_obj(vm->e_OSError));
    builtins_num_init(vm, m);
    builtins_iter_init(vm, m);
    fileio_init(vm, m);
    if (builtins_extra_init) builtins_extra_init(vm, m);
}
