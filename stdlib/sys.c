/* sys.c — the sys module (argv, path, version, exit, recursion limit, int digit limit) and the
 * standard stream objects (a minimal text file over a C FILE*). */
#include "vm/vm.h"
#include "vm/containers.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

typedef struct { Obj head; FILE *fp; Value name; int closed; } TextFile;


static void tf_trace(GC *gc, Obj *o) { gc_mark(gc, ((TextFile *)o)->name); }

static Value tf_write(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "write", n - 1, k, 1, 1) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "write() argument must be str, not %s", type_name(vm, a[1]));
    TextFile *f = (TextFile *)a[0];
    if (f->closed) return vm_raise(vm, vm->e_ValueError, "I/O operation on closed file.");
    fwrite(as_str(a[1])->data, 1, as_str(a[1])->len, f->fp);
    if (f->fp == stderr) fflush(f->fp);
    return int_from_i64(vm, as_str(a[1])->cplen);
}
static Value tf_flush(VM *vm, Value *a, int n, Value k) { fflush(((TextFile *)a[0])->fp); return vm->none; }
static Value tf_readline(VM *vm, Value *a, int n, Value k) {
    TextFile *f = (TextFile *)a[0];
    fflush(stdout);
    char *line = NULL; size_t cap = 0;
    ssize_t len = getline(&line, &cap, f->fp);
    Value r = len < 0 ? vm->empty_str : str_new(vm, line, (size_t)len);
    free(line);
    return r;
}
static Value tf_fileno(VM *vm, Value *a, int n, Value k) { return v_from_int(fileno(((TextFile *)a[0])->fp)); }
static Value tf_isatty(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, 0); }

static Value make_stream(VM *vm, FILE *fp, const char *name) {
    TextFile *f = gc_alloc(vm, vm->t_stdstream, sizeof(TextFile));
    f->fp = fp;
    f->name = str_from_cstr(vm, name);
    return v_from_obj(f);
}

static Value sys_exit(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "exit", n, k, 0, 1) < 0) return VNULL;
    Value e = exc_new(vm, vm->e_SystemExit, a, n);
    return vm_raise_value(vm, e);
}
static Value sys_getrecursionlimit(VM *vm, Value *a, int n, Value k) { return v_from_int(vm->recursion_limit); }
static Value sys_setrecursionlimit(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "setrecursionlimit", n, k, 1, 1) < 0) return VNULL;
    if (!v_is_int(a[0])) return vm_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", type_name(vm, a[0]));
    int64_t l = v_int(a[0]);
    if (l < 1) return vm_raise(vm, vm->e_ValueError, "recursion limit must be greater or equal than 1");
    if (l > 190000) l = 190000;
    vm->recursion_limit = (int32_t)l;
    return vm->none;
}
static Value sys_get_int_max(VM *vm, Value *a, int n, Value k) { return v_from_int(vm->int_max_str_digits); }
static Value sys_set_int_max(VM *vm, Value *a, int n, Value k) {
    if (n < 1 || !v_is_int(a[0])) return vm_raise(vm, vm->e_TypeError, "an integer is required");
    int64_t v = v_int(a[0]);
    if (v != 0 && v < 640) return vm_raise(vm, vm->e_ValueError, "maxdigits must be 0 or larger than 640");
    vm->int_max_str_digits = (int32_t)v;
    return vm->none;
}
static Value sys_exc_info(VM *vm, Value *a, int n, Value k) {
    Value e = vm_handled(vm);
    if (!e) return tuple_pack(vm, 3, vm->none, vm->none, vm->none);
    Value tb = ((ExcObj *)e)->traceback;
    return tuple_pack(vm, 3, v_from_obj(type_of(vm, e)), e, tb ? tb : vm->none);
}
static Value sys_exception(VM *vm, Value *a, int n, Value k) {
    Value e = vm_handled(vm);
    return e ? e : vm->none;
}
static Value sys_intern(VM *vm, Value *a, int n, Value k) { return str_intern(vm, a[0]); }

void sys_init(VM *vm) {
    Type *t_textfile = vm->t_stdstream = type_new_builtin(vm, "TextIOWrapper", vm->t_object, sizeof(TextFile), 0);
    t_textfile->trace = tf_trace;
    type_add_method(vm, t_textfile, "write", tf_write);
    type_add_method(vm, t_textfile, "flush", tf_flush);
    type_add_method(vm, t_textfile, "readline", tf_readline);
    type_add_method(vm, t_textfile, "fileno", tf_fileno);
    type_add_method(vm, t_textfile, "isatty", tf_isatty);
    Value m = module_new(vm, "sys");
    vm->sys_mod = m;
    vm->sys_stdout = make_stream(vm, stdout, "<stdout>");
    vm->sys_stderr = make_stream(vm, stderr, "<stderr>");
    vm->sys_stdin = make_stream(vm, stdin, "<stdin>");
    module_add(vm, m, "stdout", vm->sys_stdout);
    module_add(vm, m, "stderr", vm->sys_stderr);
    module_add(vm, m, "stdin", vm->sys_stdin);
    module_add(vm, m, "__stdout__", vm->sys_stdout);
    module_add(vm, m, "__stderr__", vm->sys_stderr);
    vm->path_list = list_new(vm, 4);
    vm->argv_list = list_new(vm, 4);
    module_add(vm, m, "path", vm->path_list);
    module_add(vm, m, "argv", vm->argv_list);
    module_add(vm, m, "modules", v_from_obj(vm->modules));
    module_add(vm, m, "version", str_from_cstr(vm, "3.11.7 (Aspen 0.1)"));
    module_add(vm, m, "platform", str_from_cstr(vm, "linux"));
    module_add(vm, m, "maxsize", int_from_i64(vm, INT64_MAX));
    module_add(vm, m, "byteorder", str_from_cstr(vm, "little"));
    module_add(vm, m, "version_info", tuple_pack(vm, 5, v_from_int(3), v_from_int(11), v_from_int(7), str_from_cstr(vm, "final"), v_from_int(0)));
    module_add(vm, m, "implementation", str_from_cstr(vm, "aspen"));
    module_add_fn(vm, m, "exit", sys_exit);
    module_add_fn(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    module_add_fn(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    module_add_fn(vm, m, "get_int_max_str_digits", sys_get_int_max);
    module_add_fn(vm, m, "set_int_max_str_digits", sys_set_int_max);
    module_add_fn(vm, m, "exc_info", sys_exc_info);
    module_add_fn(vm, m, "exception", sys_exception);
    module_add_fn(vm, m, "intern", sys_intern);
    const char *ap = getenv("ASPEN_PATH");
    (void)ap;
}
