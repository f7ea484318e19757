/* api.c — the public embedding API (vm/aspen.h): a thin layer over the VM's internals that
 * owns the slot stack, handles, native-module trampolines, the import allow-list, per-entry
 * step budgets and the error report text.
 *
 * GC discipline: C never holds an unrooted object across an allocation here. Values a host can
 * reach live in the slot stack or the handle table, two lists pushed onto vm->roots for the
 * VM's whole life. The collector also scans the C stack conservatively from vm->stack_base
 * down; a host may call us from any stack depth, so every outermost entry (api_depth == 0)
 * re-points stack_base at its own frame. Entries that hold fresh objects across further
 * allocations do their work in a noinline `*_impl` function, so those locals sit in a deeper
 * frame than the base on every ABI (on AArch64 a function's own locals lie above its frame
 * address). */
#include "vm/aspen.h"
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/opcodes.h"
#include "lang/compiler.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

VM *vm_new(const VMConfig *cfg);          /* vm/vm.c (not in vm.h) */
void vm_free(VM *vm);

/* The asyncio C core, when linked in (stdlib/asyncio/). Weak: the API builds without it. */
int loop_run_once(VM *vm, int64_t timeout_ns) __attribute__((weak));
int loop_epoll_fd(VM *vm) __attribute__((weak));

struct AspHandle {
    int64_t index;                 /* into AspVM.handles */
    AspHandle *prev, *next;        /* all live handles, freed by asp_free */
};

struct AspVM {
    VM *vm;
    Value slots;                   /* list: the slot stack; the current frame is [base, n) */
    int64_t base;
    Value handles;                 /* list: handle values; released entries hold None */
    int64_t *free_idx; int64_t nfree, capfree;
    AspHandle *live;
    Type *native_type;             /* carries an AspNativeFn as a native function's self */
    uint64_t step_budget;
    char **allowed;                /* NULL: every module may be imported */
    char **defined;                /* modules defined by asp_define_module: always allowed */
    char *err_type, *err_msg;
};

/* The receiver of every native function defined through the API. */
typedef struct {
    Obj head;
    AspNativeFn fn;
    AspVM *avm;
    Value name;
} NativeData;

static void native_data_trace(GC *gc, Obj *o) { gc_mark(gc, ((NativeData *)o)->name); }

/* Outermost entries re-point the conservative scan's base at the current frame. */
#define ENTER(a) VM *vm = (a)->vm; if (vm->api_depth++ == 0) vm->stack_base = __builtin_frame_address(0)
#define LEAVE() (vm->api_depth--)

/* ---- small helpers ---- */

static char *dupstr(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static char **dup_strv(const char *const *v) {
    size_t n = 0;
    while (v[n]) n++;
    char **out = calloc(n + 1, sizeof *out);
    if (!out) return NULL;
    for (size_t i = 0; i < n; i++) if (!(out[i] = dupstr(v[i]))) return out;
    return out;
}

static void free_strv(char **v) {
    for (size_t i = 0; v && v[i]; i++) free(v[i]);
    free(v);
}

static bool strv_has(char **v, const char *s, size_t n) {
    for (size_t i = 0; v && v[i]; i++) if (strlen(v[i]) == n && memcmp(v[i], s, n) == 0) return true;
    return false;
}

static Value *slot_ptr(AspVM *a, int slot) {
    List *l = as_list(a->slots);
    if (slot < 0 || a->base + slot >= l->n) return NULL;
    return &l->items[a->base + slot];
}

static Value get_slot(AspVM *a, int slot) {
    Value *p = slot_ptr(a, slot);
    return p ? *p : VNULL;
}

static void set_slot(AspVM *a, int slot, Value v) {
    Value *p = slot_ptr(a, slot);
    if (p) *p = v;
}

static void set_error_text(AspVM *a, const char *type, const char *msg) {
    free(a->err_type); free(a->err_msg);
    a->err_type = dupstr(type);
    a->err_msg = dupstr(msg);
}

/* Formats `exc` as the CLI prints it. The limits are lifted meanwhile: reporting a
 * MemoryError or a spent budget must not fail for the same reason. */
static void record_exception(AspVM *a, Value exc) {
    VM *vm = a->vm;
    size_t lim = vm->config.memory_limit;
    uint64_t budget = vm->config.step_budget;
    Value pending = vm->exc;
    vm->config.memory_limit = 0;
    vm->config.step_budget = 0;
    vm->exc = VNULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) { vm_print_exception(vm, exc, f); fclose(f); }
    set_error_text(a, ((Obj *)exc)->type->name, buf ? buf : "");
    free(buf);
    vm->exc = pending;
    vm->config.memory_limit = lim;
    vm->config.step_budget = budget;
}

static void flush_streams(VM *vm) {
    Value pending = vm->exc;
    vm->exc = VNULL;
    if (vm->sys_stdout) vm_call_method(vm, vm->sys_stdout, vm->s_flush, NULL, 0);
    vm->exc = VNULL;
    if (vm->sys_stderr) vm_call_method(vm, vm->sys_stderr, vm->s_flush, NULL, 0);
    vm->exc = pending;
}

/* A run entry starts; at the top level it gets a fresh step budget and a clean error. */
static void run_begin(AspVM *a) {
    VM *vm = a->vm;
    if (vm->api_depth == 1) {
        vm->steps = 0;
        vm->config.step_budget = a->step_budget;
        vm->budget_spent = 0;
        vm_clear_exc(vm);
        set_error_text(a, "", "");
    }
}

/* Turns the outcome of a run into an AspResult. At the top level the exception is consumed
 * (its text kept); inside a native it stays pending so that it propagates into the script. */
static AspResult run_end(AspVM *a, bool ok, bool syntax) {
    VM *vm = a->vm;
    bool top = vm->api_depth == 1;
    bool budget_spent = top && a->step_budget && vm->config.step_budget == 0;
    if (top) flush_streams(vm);
    if (ok) return ASP_OK;
    Value exc = vm->exc;
    if (!exc) { set_error_text(a, "SystemError", "SystemError: error return without exception set\n"); return ASP_ERROR; }
    record_exception(a, exc);
    AspResult r = ASP_ERROR;
    if (syntax) r = ASP_SYNTAX_ERROR;
    else if (isinst(vm, exc, vm->e_MemoryError)) r = ASP_NOMEM;
    else if (budget_spent) r = ASP_BUDGET;
    if (top) vm_clear_exc(vm);
    return r;
}

/* An error the API itself detects (no such global, not a list ...): raised like any other. */
static AspResult api_fail(AspVM *a, AspResult r) {
    VM *vm = a->vm;
    if (!vm->exc) return r;
    if (isinst(vm, vm->exc, vm->e_MemoryError)) r = ASP_NOMEM;
    record_exception(a, vm->exc);
    if (vm->api_depth == 1) vm_clear_exc(vm);
    return r;
}

static Value lookup_module(VM *vm, const char *name) {
    if (!name || strcmp(name, "__main__") == 0) return vm->main_mod;
    if (strcmp(name, "sys") == 0) return vm->sys_mod;           /* never in sys.modules */
    if (strcmp(name, "builtins") == 0) return vm->builtins_mod;
    Value key = str_from_cstr(vm, name), m;
    if (!key) return VNULL;
    return dict_get(vm, vm->modules, key, &m) == 1 ? m : VNULL;
}

/* ---- creation ---- */

static Value make_list_root(VM *vm) {
    Value l = list_new(vm, 16);
    if (l) vm_push_root(vm, l);
    return l;
}

static Value str_list(VM *vm, int n, const char *const *items, bool empty_if_none) {
    Value l = list_new(vm, n > 0 ? n : 1);
    if (!l) return VNULL;
    for (int i = 0; i < n; i++) {
        Value s = str_from_cstr(vm, items[i]);
        if (!s || list_append(vm, l, s) < 0) return VNULL;
    }
    if (n == 0 && empty_if_none && list_append(vm, l, vm->empty_str) < 0) return VNULL;
    return l;
}

static __attribute__((noinline)) bool new_impl(AspVM *a, const AspConfig *cfg) {
    VM *vm = a->vm;
    a->slots = make_list_root(vm);
    a->handles = make_list_root(vm);
    a->native_type = type_new_builtin(vm, "aspen_native", vm->t_object, sizeof(NativeData), 0);
    if (!a->slots || !a->handles || !a->native_type) return false;
    vm_push_root(vm, v_from_obj(a->native_type));
    a->native_type->trace = native_data_trace;
    if (list_append(vm, a->slots, vm->none) < 0) return false;   /* slot 0 is always there */

    int n = 0;
    while (cfg->module_path && cfg->module_path[n]) n++;
    Value path = str_list(vm, n, cfg->module_path, false);
    Value argv = str_list(vm, cfg->argc, cfg->argv, true);
    if (!path || !argv || list_extend(vm, vm->path_list, path) < 0 ||
        list_extend(vm, vm->argv_list, argv) < 0) return false;

    Value mod = module_new(vm, "__main__");
    if (!mod) return false;
    vm->main_mod = mod;
    Dict *d = ((Module *)mod)->dict;
    if (dict_set(vm, d, vm->s___builtins__, vm->builtins_mod) < 0 ||
        dict_set(vm, vm->modules, vm->s___main__, mod) < 0) return false;
    if (cfg->allowed_modules && !(a->allowed = dup_strv(cfg->allowed_modules))) return false;
    a->step_budget = cfg->step_budget;
    return !vm->exc;
}

AspVM *asp_new(const AspConfig *cfg) {
    static const AspConfig defaults;
    if (!cfg) cfg = &defaults;
    AspVM *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    /* The limits apply once the VM is built: start-up is not the script's allocation. */
    VMConfig vc = { .virtual_time = cfg->virtual_time };
    const char *stress = getenv("ASPEN_GC_STRESS");   /* the same test switch as the CLI's */
    vc.gc_stress = stress && strcmp(stress, "1") == 0;
    /* vm/type.c bootstraps through a static table: VMs must not be born concurrently. The
     * lock is the API's only process-wide object; it guards creation, not any VM's state. */
    static pthread_mutex_t birth = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&birth);
    a->vm = vm_new(&vc);
    pthread_mutex_unlock(&birth);
    if (!a->vm) { free(a); return NULL; }
    ENTER(a);
    bool ok = new_impl(a, cfg);
    if (ok && cfg->memory_limit && gc_heap_bytes(vm) > cfg->memory_limit) ok = false;
    LEAVE();
    if (!ok) { asp_free(a); return NULL; }
    vm->config.memory_limit = cfg->memory_limit;
    set_error_text(a, "", "");
    return a;
}

void asp_free(AspVM *a) {
    if (!a) return;
    VM *vm = a->vm;
    if (vm->api_depth++ == 0) vm->stack_base = __builtin_frame_address(0);
    flush_streams(vm);
    vm->api_depth--;
    for (AspHandle *h = a->live, *next; h; h = next) { next = h->next; free(h); }
    vm_free(vm);
    free_strv(a->allowed);
    free_strv(a->defined);
    free(a->free_idx);
    free(a->err_type);
    free(a->err_msg);
    free(a);
}

/* ---- the import allow-list ----
 * Until vm/module.c calls a hook on every import, the script's own import statements are
 * checked before it runs: each IMPORT_NAME of an absolute name, in the module body and every
 * nested code object. Imports made by modules the script loads are not seen here. */

static bool module_allowed(AspVM *a, const char *name) {
    if (!a->allowed) return true;
    size_t n = strcspn(name, ".");
    return strv_has(a->allowed, name, n) || strv_has(a->defined, name, n);
}

static bool import_level_is_relative(Code *c, int32_t i) {
    if (i < 2 || INSTR_OP(c->code[i - 2]) != OP_LOAD_CONST) return false;
    uint32_t k = INSTR_ARG(c->code[i - 2]);
    return k < (uint32_t)c->nconsts && v_is_int(c->consts[k]) && v_int(c->consts[k]) > 0;
}

/* Returns false with ModuleNotFoundError raised (pointing at the import) for a refused one. */
static bool check_imports(AspVM *a, Code *c) {
    VM *vm = a->vm;
    for (int32_t i = 0; i < c->ncode; i++) {
        if (INSTR_OP(c->code[i]) != OP_IMPORT_NAME || import_level_is_relative(c, i)) continue;
        const char *name = str_cstr(c->names[INSTR_ARG(c->code[i])]);
        if (module_allowed(a, name)) continue;
        Value msg = str_printf(vm, "import of '%.*s' is not allowed", (int)strcspn(name, "."), name);
        Value e = msg ? exc_new(vm, vm->e_ModuleNotFoundError, &msg, 1) : VNULL;
        if (!e) return false;
        exc_add_traceback(vm, e, c, c->lines ? c->lines[i] : c->firstline);
        vm_raise_value(vm, e);
        return false;
    }
    for (int32_t k = 0; k < c->nconsts; k++)
        if (v_is_obj(c->consts[k]) && type_of(vm, c->consts[k]) == vm->t_code &&
            !check_imports(a, (Code *)c->consts[k])) return false;
    return true;
}

/* ---- running code ---- */

static __attribute__((noinline)) AspResult run_impl(AspVM *a, const char *src, size_t len, const char *filename) {
    VM *vm = a->vm;
    /* The compiler does not survive allocation failure (it assumes gc_alloc succeeds), so
     * the limit is lifted while it runs: its allocations are bounded by the host's source. */
    size_t lim = vm->config.memory_limit;
    vm->config.memory_limit = 0;
    Value code = vm_compile(vm, src, len, filename, COMPILE_EXEC);
    vm->config.memory_limit = lim;
    if (!code) return run_end(a, false, true);
    if (!check_imports(a, (Code *)code)) return run_end(a, false, false);
    Dict *globals = ((Module *)vm->main_mod)->dict;
    Value r = vm_run_code(vm, (Code *)code, globals, NULL);
    return run_end(a, r != VNULL, false);
}

AspResult asp_run_string(AspVM *a, const char *src, const char *filename) {
    ENTER(a);
    run_begin(a);
    AspResult r = run_impl(a, src, strlen(src), filename ? filename : "<string>");
    LEAVE();
    return r;
}

static __attribute__((noinline)) AspResult run_file_impl(AspVM *a, const char *path) {
    VM *vm = a->vm;
    char *src = NULL;
    size_t len = 0;
    if (!vm_load_file(vm, path, &src, &len)) return run_end(a, false, false);
    Dict *globals = ((Module *)vm->main_mod)->dict;
    Value f = str_from_cstr(vm, path);
    AspResult r = (!f || dict_set(vm, globals, vm->s___file__, f) < 0)
                      ? run_end(a, false, false) : run_impl(a, src, len, path);
    free(src);
    return r;
}

AspResult asp_run_file(AspVM *a, const char *path) {
    ENTER(a);
    run_begin(a);
    AspResult r = run_file_impl(a, path);
    LEAVE();
    return r;
}

const char *asp_error_type(AspVM *a) { return a->err_type ? a->err_type : ""; }
const char *asp_error_message(AspVM *a) { return a->err_msg ? a->err_msg : ""; }

void asp_clear_error(AspVM *a) {
    vm_clear_exc(a->vm);
    set_error_text(a, "", "");
}

/* ---- slots ---- */

AspResult asp_ensure_slots(AspVM *a, int n) {
    ENTER(a);
    AspResult r = ASP_OK;
    while (as_list(a->slots)->n - a->base < n)
        if (list_append(vm, a->slots, vm->none) < 0) { r = api_fail(a, ASP_NOMEM); break; }
    LEAVE();
    return r;
}

int asp_slot_count(AspVM *a) { return (int)(as_list(a->slots)->n - a->base); }

void asp_set_slot_none(AspVM *a, int slot) { set_slot(a, slot, a->vm->none); }
void asp_set_slot_bool(AspVM *a, int slot, bool value) { set_slot(a, slot, vm_bool(a->vm, value)); }

/* Stores a freshly made value; VNULL means its allocation raised. */
static AspResult store_new(AspVM *a, int slot, Value v) {
    if (v) { set_slot(a, slot, v); return ASP_OK; }
    set_slot(a, slot, a->vm->none);
    return api_fail(a, ASP_NOMEM);
}

AspResult asp_set_slot_int(AspVM *a, int slot, int64_t value) {
    ENTER(a);
    AspResult r = store_new(a, slot, int_from_i64(vm, value));
    LEAVE();
    return r;
}

AspResult asp_set_slot_float(AspVM *a, int slot, double value) {
    ENTER(a);
    AspResult r = store_new(a, slot, float_new(vm, value));
    LEAVE();
    return r;
}

AspResult asp_set_slot_string_len(AspVM *a, int slot, const char *utf8, size_t len) {
    ENTER(a);
    AspResult r;
    if (!utf8_valid(utf8, len)) {
        set_slot(a, slot, vm->none);
        vm_raise(vm, vm->e_UnicodeDecodeError, "invalid UTF-8 passed to asp_set_slot_string");
        r = api_fail(a, ASP_ERROR);
    } else {
        r = store_new(a, slot, str_new(vm, utf8, len));
    }
    LEAVE();
    return r;
}

AspResult asp_set_slot_string(AspVM *a, int slot, const char *utf8) {
    return asp_set_slot_string_len(a, slot, utf8, strlen(utf8));
}

void asp_copy_slot(AspVM *a, int dst, int src) {
    Value v = get_slot(a, src);
    if (v) set_slot(a, dst, v);
}

AspType asp_get_slot_type(AspVM *a, int slot) {
    VM *vm = a->vm;
    Value v = get_slot(a, slot);
    if (!v || v == vm->none) return ASP_TYPE_NONE;
    if (v == vm->true_ || v == vm->false_) return ASP_TYPE_BOOL;
    if (isinst(vm, v, vm->t_int)) return ASP_TYPE_INT;
    if (isinst(vm, v, vm->t_float)) return ASP_TYPE_FLOAT;
    if (isinst(vm, v, vm->t_str)) return ASP_TYPE_STRING;
    if (isinst(vm, v, vm->t_list)) return ASP_TYPE_LIST;
    if (isinst(vm, v, vm->t_tuple)) return ASP_TYPE_TUPLE;
    if (isinst(vm, v, vm->t_dict)) return ASP_TYPE_DICT;
    return ASP_TYPE_OTHER;
}

int64_t asp_get_slot_int(AspVM *a, int slot) {
    ENTER(a);
    Value v = get_slot(a, slot);
    int64_t out = 0;
    if (v && v_is_int(v)) out = v_int(v);
    else if (v && isinst(vm, v, vm->t_int)) {
        Value pending = vm->exc;
        vm->exc = VNULL;
        if (vm_index(vm, v, &out) < 0) out = int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
        vm->exc = pending;
    }
    LEAVE();
    return out;
}

double asp_get_slot_float(AspVM *a, int slot) {
    VM *vm = a->vm;
    Value v = get_slot(a, slot);
    double d = 0.0;
    if (!v) return d;
    if (isinst(vm, v, vm->t_float)) return float_val(v);
    if (isinst(vm, v, vm->t_int)) {
        Value pending = vm->exc;
        vm->exc = VNULL;
        if (int_to_double(vm, v, &d) < 0) d = 0.0;   /* too large for a double */
        vm->exc = pending;
    }
    return d;
}

bool asp_get_slot_bool(AspVM *a, int slot) {
    ENTER(a);
    Value v = get_slot(a, slot);
    Value pending = vm->exc;
    vm->exc = VNULL;
    int t = v ? vm_truthy(vm, v) : 0;
    vm->exc = pending;
    LEAVE();
    return t > 0;
}

const char *asp_get_slot_string(AspVM *a, int slot, size_t *len) {
    Value v = get_slot(a, slot);
    if (!v || !isinst(a->vm, v, a->vm->t_str)) return NULL;
    if (len) *len = (size_t)as_str(v)->len;
    return str_cstr(v);
}

AspResult asp_slot_to_string(AspVM *a, int slot) {
    ENTER(a);
    Value v = get_slot(a, slot);
    AspResult r = ASP_ERROR;
    if (v) {
        Value s = vm_str(vm, v);
        if (s) { set_slot(a, slot, s); r = ASP_OK; }
        else r = api_fail(a, ASP_ERROR);
    }
    LEAVE();
    return r;
}

/* ---- lists and dicts ---- */

AspResult asp_set_slot_new_list(AspVM *a, int slot) {
    ENTER(a);
    AspResult r = store_new(a, slot, list_new(vm, 0));
    LEAVE();
    return r;
}

AspResult asp_set_slot_new_dict(AspVM *a, int slot) {
    ENTER(a);
    AspResult r = store_new(a, slot, dict_new_v(vm));
    LEAVE();
    return r;
}

static bool slot_is(AspVM *a, int slot, Type *t) {
    Value v = get_slot(a, slot);
    return v && isinst(a->vm, v, t);
}

static AspResult type_fail(AspVM *a, const char *what, int slot) {
    VM *vm = a->vm;
    Value v = get_slot(a, slot);
    vm_raise(vm, vm->e_TypeError, "slot %d holds '%s', not %s", slot, v ? type_name(vm, v) : "nothing", what);
    return api_fail(a, ASP_ERROR);
}

AspResult asp_list_append(AspVM *a, int list_slot, int elem_slot) {
    ENTER(a);
    AspResult r = ASP_OK;
    Value e = get_slot(a, elem_slot);
    if (!slot_is(a, list_slot, vm->t_list) || !e) r = type_fail(a, "a list", list_slot);
    else if (list_append(vm, get_slot(a, list_slot), e) < 0) r = api_fail(a, ASP_NOMEM);
    LEAVE();
    return r;
}

int64_t asp_list_count(AspVM *a, int slot) {
    VM *vm = a->vm;
    Value v = get_slot(a, slot);
    if (v && isinst(vm, v, vm->t_list)) return as_list(v)->n;
    if (v && isinst(vm, v, vm->t_tuple)) return as_tuple(v)->n;
    return -1;
}

AspResult asp_list_get(AspVM *a, int list_slot, int64_t index, int dst_slot) {
    ENTER(a);
    AspResult r = ASP_OK;
    Value v = get_slot(a, list_slot);
    bool is_list = v && isinst(vm, v, vm->t_list);
    if (!is_list && !(v && isinst(vm, v, vm->t_tuple))) r = type_fail(a, "a list or tuple", list_slot);
    else {
        int64_t n = is_list ? as_list(v)->n : as_tuple(v)->n;
        int64_t i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            vm_raise(vm, vm->e_IndexError, "%s index out of range", is_list ? "list" : "tuple");
            r = api_fail(a, ASP_ERROR);
        } else {
            set_slot(a, dst_slot, is_list ? as_list(v)->items[i] : as_tuple(v)->items[i]);
        }
    }
    LEAVE();
    return r;
}

AspResult asp_dict_set(AspVM *a, int dict_slot, int key_slot, int value_slot) {
    ENTER(a);
    AspResult r = ASP_OK;
    Value k = get_slot(a, key_slot), v = get_slot(a, value_slot);
    if (!slot_is(a, dict_slot, vm->t_dict) || !k || !v) r = type_fail(a, "a dict", dict_slot);
    else if (dict_set(vm, (Dict *)get_slot(a, dict_slot), k, v) < 0) r = api_fail(a, ASP_ERROR);
    LEAVE();
    return r;
}

AspResult asp_dict_get(AspVM *a, int dict_slot, int key_slot, int dst_slot) {
    ENTER(a);
    AspResult r = ASP_OK;
    Value k = get_slot(a, key_slot), out = VNULL;
    int found;
    if (!slot_is(a, dict_slot, vm->t_dict) || !k) r = type_fail(a, "a dict", dict_slot);
    else if ((found = dict_get(vm, (Dict *)get_slot(a, dict_slot), k, &out)) < 0) r = api_fail(a, ASP_ERROR);
    else if (found == 0) {
        Value key = k;
        vm_raise_value(vm, exc_new(vm, vm->e_KeyError, &key, 1));
        r = api_fail(a, ASP_ERROR);
    } else set_slot(a, dst_slot, out);
    LEAVE();
    return r;
}

/* ---- globals ---- */

static __attribute__((noinline)) AspResult get_global_impl(AspVM *a, const char *module, const char *name, int slot) {
    VM *vm = a->vm;
    Value m = lookup_module(vm, module);
    if (!m) {
        if (!vm->exc) vm_raise(vm, vm->e_ModuleNotFoundError, "No module named '%s'", module);
        return api_fail(a, ASP_ERROR);
    }
    Value key = str_intern_cstr(vm, name), v = VNULL;
    if (!key) return api_fail(a, ASP_NOMEM);
    int found = isinst(vm, m, vm->t_module) ? dict_get(vm, ((Module *)m)->dict, key, &v) : 0;
    if (found < 0) return api_fail(a, ASP_ERROR);
    if (found == 0) {
        if (m == vm->main_mod) vm_raise(vm, vm->e_NameError, "name '%s' is not defined", name);
        else vm_raise(vm, vm->e_AttributeError, "module '%s' has no attribute '%s'", module, name);
        return api_fail(a, ASP_ERROR);
    }
    set_slot(a, slot, v);
    return ASP_OK;
}

AspResult asp_get_global(AspVM *a, const char *module, const char *name, int slot) {
    ENTER(a);
    AspResult r = get_global_impl(a, module, name, slot);
    LEAVE();
    return r;
}

static __attribute__((noinline)) AspResult set_global_impl(AspVM *a, const char *module, const char *name, int slot) {
    VM *vm = a->vm;
    Value m = lookup_module(vm, module), v = get_slot(a, slot);
    if (!m || !isinst(vm, m, vm->t_module)) {
        if (!vm->exc) vm_raise(vm, vm->e_ModuleNotFoundError, "No module named '%s'", module);
        return api_fail(a, ASP_ERROR);
    }
    if (!v) return ASP_ERROR;
    Value key = str_intern_cstr(vm, name);
    if (!key || dict_set(vm, ((Module *)m)->dict, key, v) < 0) return api_fail(a, ASP_NOMEM);
    return ASP_OK;
}

AspResult asp_set_global(AspVM *a, const char *module, const char *name, int slot) {
    ENTER(a);
    AspResult r = set_global_impl(a, module, name, slot);
    LEAVE();
    return r;
}

/* ---- calls ---- */

static __attribute__((noinline)) AspResult call_impl(AspVM *a, int argc) {
    VM *vm = a->vm;
    if (argc < 0 || asp_slot_count(a) < argc + 1) {
        vm_raise(vm, vm->e_SystemError, "asp_call: %d arguments need %d slots", argc, argc + 1);
        return run_end(a, false, false);
    }
    Value buf[8];
    Value *args = argc <= 8 ? buf : malloc(sizeof(Value) * (size_t)argc);
    if (!args) { vm_nomem(vm); return run_end(a, false, false); }
    /* copies: a native called meanwhile may grow (and move) the slot stack; the originals
     * stay in the slots, which keeps them alive */
    for (int i = 0; i < argc; i++) args[i] = get_slot(a, i + 1);
    Value r = vm_call(vm, get_slot(a, 0), args, argc, VNULL);
    if (args != buf) free(args);
    set_slot(a, 0, r ? r : vm->none);
    return run_end(a, r != VNULL, false);
}

AspResult asp_call_slot(AspVM *a, int argc) {
    ENTER(a);
    run_begin(a);
    AspResult r = call_impl(a, argc);
    LEAVE();
    return r;
}

static __attribute__((noinline)) AspResult call_named_impl(AspVM *a, const char *callable, int argc) {
    const char *dot = strrchr(callable, '.');
    AspResult r;
    if (dot) {
        size_t n = (size_t)(dot - callable);
        char *mod = malloc(n + 1);
        if (!mod) { vm_nomem(a->vm); return run_end(a, false, false); }
        memcpy(mod, callable, n);
        mod[n] = 0;
        r = get_global_impl(a, mod, dot + 1, 0);
        free(mod);
    } else {
        r = get_global_impl(a, NULL, callable, 0);
    }
    if (r != ASP_OK) return r;
    return call_impl(a, argc);
}

AspResult asp_call(AspVM *a, const char *callable, int argc) {
    ENTER(a);
    run_begin(a);
    AspResult r = asp_ensure_slots(a, 1) == ASP_OK ? call_named_impl(a, callable, argc) : ASP_NOMEM;
    LEAVE();
    return r;
}

/* ---- native functions and modules ---- */

/* Every API-defined native goes through here: it gives the C function a fresh slot frame
 * holding (None, args...) on top of the caller's slots, and takes slot 0 as the result. */
static Value native_trampoline(VM *vm, Value *args, int nargs, Value kwnames) {
    NativeData *d = (NativeData *)args[0];
    AspVM *a = d->avm;
    if (kwnames && as_tuple(kwnames)->n)
        return vm_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", str_cstr(d->name));
    int64_t saved_base = a->base, frame = as_list(a->slots)->n;
    if (list_append(vm, a->slots, vm->none) < 0) return VNULL;
    for (int i = 1; i < nargs; i++)
        if (list_append(vm, a->slots, args[i]) < 0) { as_list(a->slots)->n = frame; return VNULL; }
    a->base = frame;
    vm->api_depth++;
    d->fn(a, nargs - 1);
    vm->api_depth--;
    Value r = vm->exc ? VNULL : as_list(a->slots)->items[frame];
    as_list(a->slots)->n = frame;
    a->base = saved_base;
    return r;
}

static bool remember_defined(AspVM *a, const char *name) {
    size_t n = 0;
    while (a->defined && a->defined[n]) n++;
    if (strv_has(a->defined, name, strlen(name))) return true;
    char **v = realloc(a->defined, (n + 2) * sizeof *v);
    if (!v) return false;
    a->defined = v;
    v[n] = dupstr(name);
    v[n + 1] = NULL;
    return v[n] != NULL;
}

static __attribute__((noinline)) AspResult define_impl(AspVM *a, const char *name, const AspModuleDef *defs) {
    VM *vm = a->vm;
    Value m = lookup_module(vm, name);
    if (!m || !isinst(vm, m, vm->t_module)) {
        vm_clear_exc(vm);
        Value key = str_from_cstr(vm, name);
        m = key ? module_new(vm, name) : VNULL;
        if (!m || dict_set(vm, vm->modules, key, m) < 0) return api_fail(a, ASP_NOMEM);
    }
    Dict *md = ((Module *)m)->dict;
    for (const AspModuleDef *e = defs; e && e->name; e++) {
        NativeData *d = gc_alloc(vm, a->native_type, sizeof(NativeData));
        if (!d) return api_fail(a, ASP_NOMEM);
        d->fn = e->fn;
        d->avm = a;
        d->name = str_intern_cstr(vm, e->name);
        Value f = d->name ? native_new(vm, str_cstr(d->name), native_trampoline, v_from_obj(d)) : VNULL;
        if (!f || dict_set(vm, md, d->name, f) < 0) return api_fail(a, ASP_NOMEM);
    }
    if (!remember_defined(a, name)) { vm_nomem(vm); return api_fail(a, ASP_NOMEM); }
    return ASP_OK;
}

AspResult asp_define_module(AspVM *a, const char *name, const AspModuleDef *defs) {
    ENTER(a);
    AspResult r = define_impl(a, name, defs);
    LEAVE();
    return r;
}

static Type *exception_class(VM *vm, const char *type_name) {
    Value t = type_name ? dict_get_cstr(vm, vm->builtins, type_name) : VNULL;
    if (t && v_is_obj(t) && type_of(vm, t) == vm->t_type && (((Type *)t)->flags & TF_EXCEPTION))
        return (Type *)t;
    return vm->e_RuntimeError;
}

void asp_raise(AspVM *a, const char *type_name, const char *message) {
    ENTER(a);
    vm_raise(vm, exception_class(vm, type_name), "%s", message ? message : "");
    if (vm->api_depth == 1) api_fail(a, ASP_ERROR);   /* no script to raise into: just report */
    LEAVE();
}

/* ---- handles ---- */

AspHandle *asp_new_handle(AspVM *a, int slot) {
    ENTER(a);
    Value v = get_slot(a, slot);
    AspHandle *h = v ? malloc(sizeof *h) : NULL;
    if (h && a->nfree) {
        h->index = a->free_idx[--a->nfree];
        as_list(a->handles)->items[h->index] = v;
    } else if (h) {
        h->index = as_list(a->handles)->n;
        if (list_append(vm, a->handles, v) < 0) { vm_clear_exc(vm); free(h); h = NULL; }
    }
    if (h) {
        h->prev = NULL;
        h->next = a->live;
        if (a->live) a->live->prev = h;
        a->live = h;
    }
    LEAVE();
    return h;
}

void asp_set_slot_handle(AspVM *a, int slot, AspHandle *h) {
    if (h) set_slot(a, slot, as_list(a->handles)->items[h->index]);
}

void asp_release_handle(AspVM *a, AspHandle *h) {
    if (!h) return;
    as_list(a->handles)->items[h->index] = a->vm->none;
    if (a->nfree == a->capfree) {
        int64_t cap = a->capfree ? a->capfree * 2 : 16;
        int64_t *v = realloc(a->free_idx, (size_t)cap * sizeof *v);
        if (v) { a->free_idx = v; a->capfree = cap; }
    }
    if (a->nfree < a->capfree) a->free_idx[a->nfree++] = h->index;   /* else: the index leaks */
    if (h->prev) h->prev->next = h->next; else a->live = h->next;
    if (h->next) h->next->prev = h->prev;
    free(h);
}

/* ---- the event loop and futures ---- */

AspResult asp_loop_run_once(AspVM *a, int timeout_ms) {
    ENTER(a);
    run_begin(a);
    AspResult r;
    if (!loop_run_once) {
        vm_raise(vm, vm->e_RuntimeError, "asp_loop_run_once: this build has no asyncio event loop core");
        r = run_end(a, false, false);
    } else {
        int64_t ns = timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000;
        r = run_end(a, loop_run_once(vm, ns) >= 0, false);
    }
    LEAVE();
    return r;
}

int asp_loop_fd(AspVM *a) {
    return loop_epoll_fd ? loop_epoll_fd(a->vm) : -1;
}

/* The loop a new future belongs to: the running one, else asyncio.get_event_loop(). */
static __attribute__((noinline)) Value current_loop(VM *vm) {
    Value name = str_from_cstr(vm, "asyncio");
    Value mod = name ? vm_import(vm, name, vm->none, 0, ((Module *)vm->main_mod)->dict) : VNULL;
    if (!mod) return VNULL;
    Value get = vm_getattr_cstr(vm, mod, "_get_running_loop");
    Value loop = get ? vm_call0(vm, get) : VNULL;
    if (loop && loop != vm->none) return loop;
    if (!loop) vm_clear_exc(vm);
    get = vm_getattr_cstr(vm, mod, "get_event_loop");
    return get ? vm_call0(vm, get) : VNULL;
}

static __attribute__((noinline)) AspResult future_new_impl(AspVM *a, int slot) {
    VM *vm = a->vm;
    Value loop = current_loop(vm);
    Value mk = loop ? vm_getattr_cstr(vm, loop, "create_future") : VNULL;
    Value fut = mk ? vm_call0(vm, mk) : VNULL;
    if (fut) set_slot(a, slot, fut);
    return run_end(a, fut != VNULL, false);
}

AspResult asp_future_new(AspVM *a, int slot) {
    ENTER(a);
    run_begin(a);
    AspResult r = future_new_impl(a, slot);
    LEAVE();
    return r;
}

static __attribute__((noinline)) AspResult future_call(AspVM *a, int future_slot, const char *method, Value arg) {
    VM *vm = a->vm;
    Value fut = get_slot(a, future_slot);
    Value m = fut && arg ? vm_getattr_cstr(vm, fut, method) : VNULL;
    Value r = m ? vm_call1(vm, m, arg) : VNULL;
    return run_end(a, r != VNULL, false);
}

AspResult asp_future_set_result(AspVM *a, int future_slot, int value_slot) {
    ENTER(a);
    run_begin(a);
    AspResult r = future_call(a, future_slot, "set_result", get_slot(a, value_slot));
    LEAVE();
    return r;
}

static __attribute__((noinline)) AspResult future_exc_impl(AspVM *a, int future_slot, const char *type_name, const char *message) {
    VM *vm = a->vm;
    Value msg = str_from_cstr(vm, message ? message : "");
    Value e = msg ? exc_new(vm, exception_class(vm, type_name), &msg, 1) : VNULL;
    if (!e) return run_end(a, false, false);
    return future_call(a, future_slot, "set_exception", e);
}

AspResult asp_future_set_exception(AspVM *a, int future_slot, const char *type_name, const char *message) {
    ENTER(a);
    run_begin(a);
    AspResult r = future_exc_impl(a, future_slot, type_name, message);
    LEAVE();
    return r;
}
