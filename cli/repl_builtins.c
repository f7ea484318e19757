/* repl_builtins.c — the builtins CPython's `site` module adds for people at a prompt: exit and
 * quit (objects whose repr says how to leave and whose call raises SystemExit) and help (a short
 * text, or an object's docstring). Installed through the builtins_extra_init hook that
 * stdlib/builtins.c calls when it is linked in, so every run of the `aspen` command has them. */
#include "cli/repl.h"
#include "vm/containers.h"
#include <string.h>

typedef struct { Obj head; Value name; } Quitter;

static void quitter_trace(GC *gc, Obj *o) { gc_mark(gc, ((Quitter *)o)->name); }

static Value quitter_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__repr__", nargs - 1, kwnames, 0, 0) < 0) return VNULL;
    return str_printf(vm, "Use %s() or Ctrl-D (i.e. EOF) to exit", str_cstr(((Quitter *)args[0])->name));
}

static Value quitter_call(VM *vm, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = { "code", NULL };
    Value code[1];
    if (vm_parse_args(vm, "__call__", args + 1, nargs - 1, kwnames, names, 0, 0, code) < 0) return VNULL;
    Value a = code[0] ? code[0] : vm->none;
    Value e = exc_new(vm, vm->e_SystemExit, &a, 1);
    CHECK(e);
    return vm_raise_value(vm, e);
}

static const char help_text[] =
    "Welcome to Aspen, a subset of Python 3.11 with asyncio built in.\n"
    "\n"
    "Type an expression to see its value; `_` holds the last one. A statement runs as soon\n"
    "as it is complete; a block (if, for, def, ...) ends with an empty line.\n"
    "`await` works at the prompt: try `import asyncio` then `await asyncio.sleep(1)`.\n"
    "help(x) shows x's documentation, dir(x) its attributes.\n"
    "Up and Down recall earlier lines, Tab completes names, Ctrl-C interrupts,\n"
    "exit() or Ctrl-D leaves.\n";

static const char *help_kind(VM *vm, Value obj) {
    Type *t = type_of(vm, obj);
    if (t == vm->t_function) return "function";
    if (t == vm->t_builtin_function_or_method) return "built-in function";
    if (t == vm->t_method) return "method";
    if (t == vm->t_module) return "module";
    if (isinst(vm, obj, vm->t_type)) return "class";
    return NULL;
}

/* help(obj): a heading and the docstring, a small cousin of pydoc's page. */
static Value help_on(VM *vm, Value obj) {
    const char *kind = help_kind(vm, obj);
    Value name = kind ? vm_getattr_opt(vm, obj, vm->s___name__) : VNULL;
    vm_clear_exc(vm);
    Value doc = vm_getattr_opt(vm, obj, vm->s___doc__);
    vm_clear_exc(vm);
    StrBuf sb; sb_init(&sb);
    if (kind && name && isinst(vm, name, vm->t_str)) sb_printf(&sb, "Help on %s %s:\n\n", kind, str_cstr(name));
    else sb_printf(&sb, "Help on %s object:\n\n", type_name(vm, obj));
    if (doc && !v_is_int(doc) && isinst(vm, doc, vm->t_str) && as_str(doc)->len) {
        const char *p = str_cstr(doc);
        while (*p) {   /* indent each line of the docstring by four spaces */
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            sb_adds(&sb, "    ");
            sb_add(&sb, p, n);
            sb_addc(&sb, '\n');
            p += n + (nl ? 1 : 0);
        }
    } else {
        sb_adds(&sb, "    (no documentation)\n");
    }
    Value s = str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    CHECK(s);
    if (vm_write_str(vm, VNULL, s) < 0) return VNULL;
    return vm->none;
}

static Value helper_call(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "help", nargs - 1, kwnames, 0, 1) < 0) return VNULL;
    if (nargs == 2) return help_on(vm, args[1]);
    if (vm_write_str(vm, VNULL, str_from_cstr(vm, help_text)) < 0) return VNULL;
    return vm->none;
}

static Value helper_repr(VM *vm, Value *args, int nargs, Value kwnames) {
    if (vm_check_args(vm, "__repr__", nargs - 1, kwnames, 0, 0) < 0) return VNULL;
    return str_from_cstr(vm, "Type help() for interactive help, or help(object) for help about object.");
}

static void add_quitter(VM *vm, Value mod, Type *t, const char *name) {
    Quitter *q = gc_alloc(vm, t, sizeof(Quitter));
    if (!q) return;
    q->name = str_from_cstr(vm, name);
    module_add(vm, mod, name, v_from_obj(q));
}

void builtins_extra_init(VM *vm, Value mod) {
    Type *qt = type_new_builtin(vm, "Quitter", vm->t_object, sizeof(Quitter), 0);
    if (!qt) return;
    qt->trace = quitter_trace;
    qt->module = str_from_cstr(vm, "_sitebuiltins");
    type_add_method(vm, qt, "__repr__", quitter_repr);
    type_add_method(vm, qt, "__call__", quitter_call);
    add_quitter(vm, mod, qt, "exit");
    add_quitter(vm, mod, qt, "quit");
    Type *ht = type_new_builtin(vm, "_Helper", vm->t_object, sizeof(Obj), 0);
    if (!ht) return;
    ht->module = str_from_cstr(vm, "_sitebuiltins");
    type_add_method(vm, ht, "__repr__", helper_repr);
    type_add_method(vm, ht, "__call__", helper_call);
    Obj *h = gc_alloc(vm, ht, sizeof(Obj));
    if (h) module_add(vm, mod, "help", v_from_obj(h));
}
