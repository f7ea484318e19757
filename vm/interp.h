/* interp.h — what frame.c, eval.c and gen.c share. */
#ifndef ASPEN_INTERP_H
#define ASPEN_INTERP_H
#include "vm/vm.h"

Value unbound_local(VM *vm, Code *c, int slot);
Value free_var_error(VM *vm, Code *c, int slot);
Value name_error(VM *vm, Value name);
void init_cells(VM *vm, Func *f, Value *slots);
bool stack_room(VM *vm, Value *base, int need);
Value recursion_error(VM *vm);
int push_call_frame(VM *vm, Func *f, Value *args, int nargs, Value kwnames, int entry);
Value call_func(VM *vm, Func *f, Value *args, int nargs, Value kwnames);
Value class_body_run(VM *vm, Value func, Dict *ns);
Value descr_get(VM *vm, Value d, Value obj, Type *owner);
Value type_getattr(VM *vm, Type *t, Value name, bool suppress);
Value vm_call_dunder(VM *vm, Value self, Value name, Value *args, int nargs, bool *found);
Value type_new_heap(VM *vm, Type *meta, Value name, Value bases, Dict *ns);

/* Generators: push the generator's frame on the frame array to run it inline. `sent` is
 * pushed as the result of the pending yield (ignored for a fresh generator). Returns -1 when
 * the generator cannot be resumed (exception set). */
int gen_push_frame(VM *vm, struct Gen *g, Value sent, int entry);
/* O(1) resume of await chains (gen.c): the generator awaiting g (NULL if none), and continuing
 * that awaiter after its delegate finished with r (VNULL: raised vm->exc). */
struct Gen *gen_awaiter(struct Gen *g);
Value gen_finish_delegate(VM *vm, struct Gen *p, Value r, bool *returned);
#endif
