/* eval_support.c — small runtime helpers the interpreter loop calls: f-string field
 * formatting, the REPL's expression printing, and async generator value wrapping. */
#include "vm/vm.h"
#include "vm/containers.h"

Value format_value(VM *vm, Value v, int conv, Value spec) {
    if (conv == 1) v = vm_str(vm, v);
    else if (conv == 2) v = vm_repr(vm, v);
    else if (conv == 3) v = vm_ascii(vm, v);
    if (!v) return VNULL;
    if (!spec && type_of(vm, v) == vm->t_str) return v;
    return vm_format(vm, v, spec);
}

Value vm_print_expr(VM *vm, Value v) {
    if (v == vm->none) return vm->none;
    dict_set(vm, vm->builtins, STR(vm, "_"), v);
    Value r = vm_repr(vm, v);
    if (!r) return VNULL;
    if (vm_write_str(vm, VNULL, r) < 0) return VNULL;
    if (vm_write_str(vm, VNULL, vm->small_strs['\n']) < 0) return VNULL;
    return vm->none;
}

/* Values yielded by an async generator are wrapped so the awaiting machinery can tell them
 * from futures yielded by awaits inside it. */
Value gen_wrap_asyncgen_value(VM *vm, Value v) {
    BoundMethod *w = gc_alloc(vm, vm->t_async_generator_wrapped_value ? vm->t_async_generator_wrapped_value : vm->t_object, sizeof(BoundMethod));
    if (!w) return VNULL;
    w->func = v;
    return v_from_obj(w);
}
