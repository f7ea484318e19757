/* vm.c — creating and destroying a VM: bootstrapping the type system, the singletons, and the
 * precise GC roots the VM owns. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/strobj.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void type_init(VM *vm);
void object_init(VM *vm);
void int_init(VM *vm);
void float_init(VM *vm);
void complex_init(VM *vm);
void func_init(VM *vm);
void gen_init(VM *vm);
void genericalias_init(VM *vm);
void asyncgen_init(VM *vm);
void asyncio_warnings_init(VM *vm) __attribute__((weak));
void asyncgen_builtins_init(VM *vm);
void module_init(VM *vm);
void exc_init(VM *vm);
void str_init(VM *vm);
void bytes_init(VM *vm);
void sys_init(VM *vm);
void type_finish_bootstrap(VM *vm);

#define VALUE_STACK_SLOTS (8u << 20)   /* reserved lazily by the OS; 64 MiB of address space */
#define MAX_FRAMES 200000

static Value none_repr(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, "None"); }
static Value notimpl_repr(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, "NotImplemented"); }
static Value ellipsis_repr(VM *vm, Value *a, int n, Value k) { return str_from_cstr(vm, "Ellipsis"); }
static Value false_bool(VM *vm, Value *a, int n, Value k) { return vm->false_; }
static Value none_new(VM *vm, Value *a, int n, Value k) { return vm->none; }

static Value make_singleton(VM *vm, const char *tname) {
    Type *t = type_new_builtin(vm, tname, vm->t_object, sizeof(Obj) + 8, 0);
    return v_from_obj(gc_alloc(vm, t, sizeof(Obj) + 8));
}

VM *vm_new(const VMConfig *cfg) {
    VM *vm = calloc(1, sizeof *vm);
    if (!vm) return NULL;
    if (cfg) vm->config = *cfg;
    int here;
    vm->stack_base = &here;   /* refined at each API entry */
    gc_init(vm);
    vm->stack = mmap(NULL, VALUE_STACK_SLOTS * sizeof(Value), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (vm->stack == MAP_FAILED) { free(vm); return NULL; }
    vm->stack_end = vm->stack + VALUE_STACK_SLOTS;
    vm->sp_top = vm->stack;
    vm->stack_hwm = vm->stack;
    vm->maxframes = MAX_FRAMES;
    vm->frames = mmap(NULL, sizeof(Frame) * MAX_FRAMES, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    vm->recursion_limit = 1000;
    vm->int_max_str_digits = 4300;

    /* The collector must not run while the type system is half built. */
    int stress = vm->config.gc_stress;
    vm->config.gc_stress = 0;
    type_init(vm);            /* object, type, str Type objects */
    dict_init(vm);
    if (!vm->interned) vm->interned = dict_new(vm);
    vm->hidden = dict_new(vm);
    tuple_init(vm);
    vm->empty_tuple = tuple_new(vm, 0);
    type_finish_bootstrap(vm);
    func_init(vm);            /* native functions must exist before any type gets methods */
    str_init(vm);
    object_init(vm);          /* object/type methods, now that strings and dicts exist */
    vm->none = make_singleton(vm, "NoneType"); vm->t_NoneType = type_of(vm, vm->none);
    vm->notimpl = make_singleton(vm, "NotImplementedType"); vm->t_NotImplementedType = type_of(vm, vm->notimpl);
    vm->ellipsis = make_singleton(vm, "ellipsis"); vm->t_ellipsis = type_of(vm, vm->ellipsis);
    type_add_method(vm, vm->t_NoneType, "__repr__", none_repr);
    type_add_method(vm, vm->t_NoneType, "__bool__", false_bool);
    type_add_static(vm, vm->t_NoneType, "__new__", none_new);
    type_add_method(vm, vm->t_NotImplementedType, "__repr__", notimpl_repr);
    type_add_method(vm, vm->t_ellipsis, "__repr__", ellipsis_repr);
#define X(n) vm->s_##n = str_intern_cstr(vm, #n);
    ASPEN_NAMES(X)
#undef X
    for (int k = 0; k < 13; k++) {
        vm->binop_names[0][k] = str_intern_cstr(vm, binop_dunder[k]);
        vm->binop_names[1][k] = str_intern_cstr(vm, binop_rdunder[k]);
        vm->binop_names[2][k] = str_intern_cstr(vm, binop_idunder[k]);
    }
    int_init(vm);             /* int, bool, True, False */
    float_init(vm);
    complex_init(vm);
    set_init(vm);
    list_init(vm);
    range_init(vm);
    iterobjs_init(vm);
    bytes_init(vm);
    gen_init(vm);
    asyncgen_init(vm);
    if (asyncio_warnings_init) asyncio_warnings_init(vm);   /* never-awaited coroutine warnings */
    exc_init(vm);
    genericalias_init(vm);
    module_init(vm);
    vm->modules = dict_new(vm);
    builtins_init(vm);
    asyncgen_builtins_init(vm);
    sys_init(vm);
    /* built-ins whose items live inline: subclasses get no dict slot (see type_new_heap) */
    Type *varsize[] = { vm->t_tuple, vm->t_str, vm->t_bytes };
    for (size_t i = 0; i < sizeof varsize / sizeof varsize[0]; i++) if (varsize[i]) varsize[i]->flags |= TF_VARSIZE;
    vm->config.gc_stress = stress;
    vm->exc = VNULL;   /* init never leaves an exception behind */
    return vm;
}

void vm_free(VM *vm) {
    if (!vm) return;
    gc_free_all(vm);
    munmap(vm->stack, VALUE_STACK_SLOTS * sizeof(Value));
    munmap(vm->frames, sizeof(Frame) * MAX_FRAMES);
    free(vm->roots.items);
    free(vm->repr_stack.items);
    free(vm->builtin_types.items);
    free(vm);
}

void loop_mark_roots(VM *vm, GC *gc) __attribute__((weak));

/* The VM's precise roots: everything reachable from here survives a collection. */
void gc_mark_roots(VM *vm, GC *gc) {
    /* the value stack up to sp_top covers whole frame extents, stale words included */
    gc_mark_conservative(gc, vm->stack, (size_t)(vm->sp_top - vm->stack));
    for (int32_t i = 0; i < vm->nframes; i++) {
        Frame *f = &vm->frames[i];
        gc_mark_obj(gc, f->code);
        gc_mark_obj(gc, f->func);
        gc_mark_obj(gc, f->globals);
        gc_mark_obj(gc, f->locals_dict);
        gc_mark_obj(gc, f->gen);
        gc_mark(gc, f->handled);
        /* slots of plain frames are on vm->stack; generator slots are traced via the gen,
         * but a running generator's live stack top is only known from the frame */
        if (f->gen) gc_mark_conservative(gc, f->slots, (size_t)gen_nslots(f->gen));
    }
    gc_mark(gc, vm->exc);
    gc_mark(gc, vm->handled);
    gc_mark_obj(gc, vm->builtins);
    gc_mark(gc, vm->builtins_mod);
    gc_mark_obj(gc, vm->modules);
    gc_mark_obj(gc, vm->interned);
    gc_mark_obj(gc, vm->hidden);
    for (int64_t i = 0; i < vm->builtin_types.n; i++) gc_mark_obj(gc, vm->builtin_types.items[i]);
    gc_mark(gc, vm->main_mod);
    gc_mark(gc, vm->sys_mod);
    gc_mark(gc, vm->path_list);
    gc_mark(gc, vm->argv_list);
    gc_mark(gc, vm->sys_stdout);
    gc_mark(gc, vm->sys_stderr);
    gc_mark(gc, vm->sys_stdin);
    gc_mark(gc, vm->asyncio_state);
    gc_mark(gc, vm->warn_registry);
#define X(n) gc_mark_obj(gc, vm->t_##n);
    ASPEN_TYPES(X)
#undef X
#define X(n, b) gc_mark_obj(gc, vm->e_##n);
    ASPEN_EXCEPTIONS(X)
#undef X
#define X(n) gc_mark(gc, vm->s_##n);
    ASPEN_NAMES(X)
#undef X
    gc_mark(gc, vm->none); gc_mark(gc, vm->true_); gc_mark(gc, vm->false_);
    gc_mark(gc, vm->notimpl); gc_mark(gc, vm->ellipsis);
    gc_mark(gc, vm->empty_tuple); gc_mark(gc, vm->empty_str);
    for (int i = 0; i < 128; i++) gc_mark(gc, vm->small_strs[i]);
    for (int i = 0; i < 256; i++) gc_mark(gc, vm->int_strs[i]);
    for (int k = 0; k < 3; k++) for (int j = 0; j < 13; j++) gc_mark(gc, vm->binop_names[k][j]);
    for (int64_t i = 0; i < vm->repr_stack.n; i++) gc_mark(gc, vm->repr_stack.items[i]);
    if (loop_mark_roots) loop_mark_roots(vm, gc);
}
