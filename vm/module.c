/* module.c — module objects, compiling and running source, and `import`: native modules from
 * the registry, stdlib modules written in Aspen (embedded at build time), and .as files beside
 * the script or on ASPEN_PATH / sys.path. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/interp.h"
#include "lang/ast.h"
#include "lang/compiler.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct { const char *name; const char *src; size_t len; } aspen_embedded_modules[];

typedef Value (*ModuleInit)(VM *vm);
Value math_module_init(VM *vm);
Value time_module_init(VM *vm);
Value random_module_init(VM *vm);
Value datetime_module_init(VM *vm);
Value asyncio_native_init(VM *vm);
Value sys_module_get(VM *vm);

static void module_trace(GC *gc, Obj *o) { gc_mark_obj(gc, ((Module *)o)->dict); gc_mark(gc, ((Module *)o)->name); }

static Value module_repr(VM *vm, Value *a, int n, Value k) {
    Module *m = (Module *)a[0];
    Value f = dict_get_str(m->dict, vm->s___file__);
    if (f && isinst(vm, f, vm->t_str)) return str_printf(vm, "<module '%s' from '%s'>", str_cstr(m->name), str_cstr(f));
    return str_printf(vm, "<module '%s' (built-in)>", str_cstr(m->name));
}

void module_init(VM *vm) {
    vm->t_module = type_new_builtin(vm, "module", vm->t_object, sizeof(Module), TF_BASETYPE);
    vm->t_module->trace = module_trace;
    vm->t_module->dictoffset = offsetof(Module, dict);
    type_add_method(vm, vm->t_module, "__repr__", module_repr);
}

Value module_new(VM *vm, const char *name) {
    Module *m = gc_alloc(vm, vm->t_module, sizeof(Module));
    if (!m) return VNULL;
    m->dict = dict_new(vm);
    m->name = str_from_cstr(vm, name);
    dict_set(vm, m->dict, vm->s___name__, m->name);
    dict_set(vm, m->dict, vm->s___doc__, vm->none);
    return v_from_obj(m);
}

void module_add(VM *vm, Value mod, const char *name, Value v) {
    dict_set(vm, ((Module *)mod)->dict, str_intern_cstr(vm, name), v);
}

void module_add_fn(VM *vm, Value mod, const char *name, NativeFn fn) {
    module_add(vm, mod, name, native_new(vm, name, fn, VNULL));
}

/* ---- compiling and running source ---- */

static Value compile_source(VM *vm, const char *src, size_t len, const char *filename, int mode);

static Value syntax_error_value(VM *vm, SyntaxErr *err, const char *filename, const char *src, size_t len) {
    Type *t = vm->e_SyntaxError;
    if (err->kind && strcmp(err->kind, "RecursionError") == 0) return vm_raise(vm, vm->e_RecursionError, "%s", err->msg);
    if (err->kind && strcmp(err->kind, "IndentationError") == 0) t = vm->e_IndentationError;
    if (err->kind && strcmp(err->kind, "TabError") == 0) t = vm->e_TabError;
    Value text = vm->none;
    if (src && err->line > 0) {
        const char *p = src, *end = src + len;
        for (int l = 1; l < err->line && p < end; l++) {
            const char *nl = memchr(p, '\n', end - p);
            if (!nl) { p = end; break; }
            p = nl + 1;
        }
        const char *e = memchr(p, '\n', end - p);
        size_t ll = e ? (size_t)(e - p + 1) : (size_t)(end - p);
        if (p < end) text = str_new(vm, p, ll);
    }
    Value det = tuple_new(vm, 6);
    as_tuple(det)->items[0] = str_from_cstr(vm, filename);
    as_tuple(det)->items[1] = v_from_int(err->line);
    as_tuple(det)->items[2] = v_from_int(err->col);
    as_tuple(det)->items[3] = text;
    as_tuple(det)->items[4] = v_from_int(err->end_line ? err->end_line : err->line);
    as_tuple(det)->items[5] = v_from_int(err->end_col ? err->end_col : err->col);
    Value args[2] = { str_from_cstr(vm, err->msg), det };
    Value e = type_call(vm, t, args, 2, VNULL);
    if (!e) return VNULL;
    return vm_raise_value(vm, e);
}

Value vm_compile(VM *vm, const char *src, size_t len, const char *filename, int mode) {
    /* compiling needs memory proportional to the source, and the compiler does not expect an
     * allocation to fail: the embedder's memory limit applies to running code, not here */
    size_t limit = vm->config.memory_limit;
    vm->config.memory_limit = 0;
    Value r = compile_source(vm, src, len, filename, mode);
    vm->config.memory_limit = limit;
    return r;
}

static Value compile_source(VM *vm, const char *src, size_t len, const char *filename, int mode) {
    Arena *a = arena_new();
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Node *mod = mode == COMPILE_EVAL ? NULL : parse_module(a, src, len, filename, &err);
    if (mode == COMPILE_EVAL) {
        Node *e = parse_expression(a, src, len, filename, &err);
        if (e) {
            mod = arena_alloc(a, sizeof(Node));
            mod->kind = N_MODULE;
            Node *st = arena_alloc(a, sizeof(Node));
            st->kind = N_EXPR; st->line = e->line; st->u.ret.value = e;
            mod->u.module.body.items = arena_alloc(a, sizeof(Node *));
            mod->u.module.body.items[0] = st;
            mod->u.module.body.n = 1;
        }
    }
    Value code = VNULL;
    if (mod) code = compile_module(vm, a, mod, filename, mode, &err);
    arena_free(a);
    if (!code) return syntax_error_value(vm, &err, filename, src, len);
    return code;
}

Value vm_exec_source(VM *vm, const char *src, size_t len, const char *filename, Dict *globals) {
    Value code = vm_compile(vm, src, len, filename, COMPILE_EXEC);
    if (!code) return VNULL;
    return vm_run_code(vm, (Code *)code, globals, NULL);
}

Value vm_load_file(VM *vm, const char *path, char **out_src, size_t *out_len) {
    FILE *f = fopen(path, "rb");
    if (!f) return vm_raise(vm, vm->e_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) { cap = cap ? cap * 2 : 8192; buf = realloc(buf, cap); }
        size_t r = fread(buf + len, 1, cap - len - 1, f);
        len += r;
        if (r == 0) break;
    }
    fclose(f);
    buf[len] = 0;
    *out_src = buf;
    *out_len = len;
    return vm->none;
}

/* ---- import ---- */

static Value find_module_file(VM *vm, const char *name, char *path, size_t pathsz) {
    char rel[512];
    snprintf(rel, sizeof rel, "%s", name);
    for (char *p = rel; *p; p++) if (*p == '.') *p = '/';
    List *sp = vm->path_list ? as_list(vm->path_list) : NULL;
    for (int64_t i = 0; sp && i < sp->n; i++) {
        Value d = sp->items[i];
        if (!isinst(vm, d, vm->t_str)) continue;
        const char *dir = str_cstr(d);
        snprintf(path, pathsz, "%s%s%s.as", dir, *dir ? "/" : "", rel);
        FILE *f = fopen(path, "rb");
        if (f) { fclose(f); return vm->true_; }
        snprintf(path, pathsz, "%s%s%s/__init__.as", dir, *dir ? "/" : "", rel);
        f = fopen(path, "rb");
        if (f) { fclose(f); return vm->true_; }
    }
    return VNULL;
}

static Value run_module_source(VM *vm, const char *name, const char *src, size_t len, const char *filename) {
    Value mod = module_new(vm, name);
    if (!mod) return VNULL;
    Dict *d = ((Module *)mod)->dict;
    if (filename) dict_set(vm, d, vm->s___file__, str_from_cstr(vm, filename));
    dict_set(vm, d, vm->s___builtins__, vm->builtins_mod);
    dict_set(vm, vm->modules, str_from_cstr(vm, name), mod);
    Value r = vm_exec_source(vm, src, len, filename ? filename : name, d);
    if (!r) { dict_del(vm, vm->modules, str_from_cstr(vm, name)); return VNULL; }
    return mod;
}

static Value load_module(VM *vm, const char *name) {
    Value key = str_from_cstr(vm, name);
    Value m;
    if (dict_get(vm, vm->modules, key, &m) == 1) return m;
    ModuleInit init = NULL;
    if (strcmp(name, "math") == 0) init = math_module_init;
    else if (strcmp(name, "time") == 0) init = time_module_init;
    else if (strcmp(name, "random") == 0) init = random_module_init;
    else if (strcmp(name, "datetime") == 0) init = datetime_module_init;
    else if (strcmp(name, "_asyncio") == 0) init = asyncio_native_init;
    if (strcmp(name, "sys") == 0) return vm->sys_mod;
    if (strcmp(name, "builtins") == 0) return vm->builtins_mod;
    if (init) {
        m = init(vm);
        if (!m) return VNULL;
        dict_set(vm, vm->modules, key, m);
        return m;
    }
    for (int i = 0; aspen_embedded_modules[i].name; i++)
        if (strcmp(aspen_embedded_modules[i].name, name) == 0)
            return run_module_source(vm, name, aspen_embedded_modules[i].src, aspen_embedded_modules[i].len, NULL);
    char path[1024];
    if (find_module_file(vm, name, path, sizeof path)) {
        char *src; size_t len;
        if (!vm_load_file(vm, path, &src, &len)) return VNULL;
        Value r = run_module_source(vm, name, src, len, path);
        free(src);
        return r;
    }
    Value msg = str_printf(vm, "No module named '%s'", name);
    Value e = exc_new(vm, vm->e_ModuleNotFoundError, &msg, 1);
    if (e) exc_set_attr(vm, e, vm->s_name, key);
    return vm_raise_value(vm, e);
}

Value vm_import(VM *vm, Value name, Value fromlist, int level, Dict *globals) {
    const char *full = str_cstr(name);
    if (level == 0 && vm->import_check && vm->import_check(vm, full, globals) < 0) return VNULL;
    if (level > 0) {
        Value pkg = dict_get_str(globals, vm->s___name__);
        char buf[512];
        snprintf(buf, sizeof buf, "%s", pkg ? str_cstr(pkg) : "");
        for (int i = 0; i < level; i++) { char *dot = strrchr(buf, '.'); if (dot) *dot = 0; else if (i) buf[0] = 0; }
        char nb[1024];
        snprintf(nb, sizeof nb, "%s%s%s", buf, *buf && *full ? "." : "", full);
        return load_module(vm, nb);
    }
    /* load each dotted prefix; return the top package unless a fromlist is given */
    char buf[512];
    Value top = VNULL, last = VNULL;
    const char *p = full;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - full) : strlen(full);
        snprintf(buf, sizeof buf, "%.*s", (int)l, full);
        last = load_module(vm, buf);
        if (!last) return VNULL;
        if (!top) top = last;
        if (!dot) break;
        p = dot + 1;
    }
    if (fromlist != vm->none && as_tuple(fromlist)->n) return last;
    return top;
}

Value vm_import_from(VM *vm, Value mod, Value name) {
    Value v = vm_getattr_opt(vm, mod, name);
    if (v) return v;
    if (vm->exc) return VNULL;
    Value mn = isinst(vm, mod, vm->t_module) ? ((Module *)mod)->name : STR(vm, "?");
    /* maybe a submodule */
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", str_cstr(mn), str_cstr(name));
    Value m;
    if (dict_get(vm, vm->modules, str_from_cstr(vm, buf), &m) == 1) return m;
    Value f = isinst(vm, mod, vm->t_module) ? dict_get_str(((Module *)mod)->dict, vm->s___file__) : VNULL;
    if (f) vm_raise(vm, vm->e_ImportError, "cannot import name '%s' from '%s' (%s)", str_cstr(name), str_cstr(mn), str_cstr(f));
    else vm_raise(vm, vm->e_ImportError, "cannot import name '%s' from '%s' (unknown location)", str_cstr(name), str_cstr(mn));
    Value e = vm->exc;
    if (e) { exc_set_attr(vm, e, vm->s_name, mn); exc_set_attr(vm, e, STR(vm, "path"), f ? f : vm->none); vm->exc = e; }
    return VNULL;
}

int vm_import_star(VM *vm, Value mod, Dict *ns) {
    if (!isinst(vm, mod, vm->t_module)) return 0;
    Dict *d = ((Module *)mod)->dict;
    Value all = dict_get_str(d, vm->s___all__);
    if (all) {
        Value it = vm_iter(vm, all);
        if (!it) return -1;
        for (;;) {
            Value k = vm_next(vm, it);
            if (!k) return vm->exc ? -1 : 0;
            Value v = vm_getattr(vm, mod, k);
            if (!v || dict_set(vm, ns, k, v) < 0) return -1;
        }
    }
    int64_t pos = 0; Value k, v;
    while (dict_next(d, &pos, &k, &v))
        if (isinst(vm, k, vm->t_str) && str_cstr(k)[0] != '_') dict_set(vm, ns, k, v);
    return 0;
}
