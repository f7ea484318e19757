/* frame.c — frames: binding call arguments to slots (CPython's rules and messages), pushing
 * frames for calls, and the entry points that run a frame from C (function calls, class
 * bodies, module code). The loop itself is in eval.c. */
#include "vm/vm.h"
#include "vm/opcodes.h"
#include "vm/containers.h"
#include "vm/strobj.h"
#include "vm/interp.h"
#include <string.h>


int vm_line_of(Code *c, uint32_t *ip) {
    int64_t i = ip - c->code - 1;
    if (i < 0) i = 0;
    if (i >= c->ncode) i = c->ncode - 1;
    return c->ncode ? c->lines[i] : c->firstline;
}

Value unbound_local(VM *vm, Code *c, int slot) {
    Value name = as_tuple(c->varnames)->items[slot];
    return vm_raise(vm, vm->e_UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value", str_cstr(name));
}

Value free_var_error(VM *vm, Code *c, int slot) {
    Value name = as_tuple(c->varnames)->items[slot];
    return vm_raise(vm, vm->e_NameError,
                    "cannot access free variable '%s' where it is not associated with a value in enclosing scope", str_cstr(name));
}

Value name_error(VM *vm, Value name) {
    vm_raise(vm, vm->e_NameError, "name '%s' is not defined", str_cstr(name));
    Value e = vm->exc;
    if (!e) return VNULL;
    /* what the traceback's "Did you mean" needs: the names visible where it was raised */
    exc_set_attr(vm, e, vm->s_name, name);
    if (vm->nframes) {
        Frame *fr = &vm->frames[vm->nframes - 1];
        Value locs = list_new(vm, 0);
        if (fr->code->flags & CO_NEWLOCALS)
            for (int i = 0; i < fr->code->nlocals; i++) list_append(vm, locs, as_tuple(fr->code->varnames)->items[i]);
        exc_set_attr(vm, e, STR(vm, "__aspen_locals__"), locs);
        exc_set_attr(vm, e, STR(vm, "__aspen_globals__"), v_from_obj(fr->locals_dict ? fr->locals_dict : fr->globals));
    }
    vm->exc = e;
    return VNULL;
}

/* Bind call arguments into a fresh frame's slots (CPython's rules and messages). */
static Value fname_of(Func *f) { return f->code->qualname; }

static int too_many_positional(VM *vm, Func *f, int nargs, int nkwonly_given) {
    Code *c = f->code;
    int ndef = f->defaults ? (int)as_tuple(f->defaults)->n : 0;
    const char *fn = str_cstr(fname_of(f));
    char kwpart[64] = "";
    if (nkwonly_given)
        snprintf(kwpart, sizeof kwpart, " positional argument%s (and %d keyword-only argument%s)",
                 nargs == 1 ? "" : "s", nkwonly_given, nkwonly_given == 1 ? "" : "s");
    if (ndef) {
        if (nkwonly_given)
            vm_raise(vm, vm->e_TypeError, "%s() takes from %d to %d positional arguments but %d%s were given", fn, c->argcount - ndef, c->argcount, nargs, kwpart);
        else
            vm_raise(vm, vm->e_TypeError, "%s() takes from %d to %d positional arguments but %d %s given", fn, c->argcount - ndef, c->argcount, nargs, nargs == 1 ? "was" : "were");
    } else if (nkwonly_given) {
        vm_raise(vm, vm->e_TypeError, "%s() takes %d positional argument%s but %d%s were given", fn, c->argcount, c->argcount == 1 ? "" : "s", nargs, kwpart);
    } else {
        vm_raise(vm, vm->e_TypeError, "%s() takes %d positional argument%s but %d %s given", fn, c->argcount, c->argcount == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
    }
    return -1;
}

static int missing_args(VM *vm, Func *f, Value *slots, int from, int to, const char *kind) {
    Code *c = f->code;
    Value names[256]; int n = 0;
    for (int i = from; i < to && n < 256; i++) if (!slots[i]) names[n++] = as_tuple(c->varnames)->items[i];
    StrBuf sb; sb_init(&sb);
    for (int i = 0; i < n; i++) {
        if (i) sb_adds(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_printf(&sb, "'%s'", str_cstr(names[i]));
    }
    vm_raise(vm, vm->e_TypeError, "%s() missing %d required %s argument%s: %s", str_cstr(fname_of(f)), n, kind, n == 1 ? "" : "s", sb.data);
    sb_free(&sb);
    return -1;
}

int vm_bind_args(VM *vm, Func *f, Value *args, int nargs, Value kwnames, Value *slots) {
    Code *c = f->code;
    int argc = c->argcount, kwonly = c->kwonlyargcount;
    int total = argc + kwonly;
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    Value kwvals[nkw > 0 ? nkw : 1];
    vmemcpy(kwvals, args + nargs, sizeof(Value) * nkw);  /* slots may alias args */
    /* slots usually alias args (zero-copy calls): keep a copy before clearing them */
    Value posbuf[nargs > 0 ? nargs : 1];
    vmemcpy(posbuf, args, sizeof(Value) * nargs);
    Value *pos = posbuf;
    for (int i = 0; i < c->nlocals; i++) slots[i] = VNULL;
    int ncopy = nargs < argc ? nargs : argc;
    for (int i = 0; i < ncopy; i++) slots[i] = pos[i];
    int slot_i = total;
    if (c->flags & CO_VARARGS) {
        int extra = nargs > argc ? nargs - argc : 0;
        Value t = extra ? tuple_new(vm, extra) : vm->empty_tuple;
        if (!t) return -1;
        for (int i = 0; i < extra; i++) as_tuple(t)->items[i] = pos[argc + i];
        slots[slot_i++] = t;
    } else if (nargs > argc) {
        int kwonly_given = 0;
        for (int k = 0; k < nkw; k++)
            for (int j = argc; j < total; j++)
                if (str_eq(as_str(as_tuple(kwnames)->items[k]), as_str(as_tuple(c->varnames)->items[j]))) kwonly_given++;
        return too_many_positional(vm, f, nargs, kwonly_given);
    }
    Value kwdict = VNULL;
    if (c->flags & CO_VARKEYWORDS) {
        kwdict = dict_new_v(vm);
        if (!kwdict) return -1;
        slots[slot_i++] = kwdict;
    }
    for (int k = 0; k < nkw; k++) {
        Value name = as_tuple(kwnames)->items[k];
        int j;
        for (j = c->posonlyargcount; j < total; j++) {
            Value pn = as_tuple(c->varnames)->items[j];
            if (pn == name || str_eq(as_str(pn), as_str(name))) break;
        }
        if (j < total) {
            if (slots[j]) {
                vm_raise(vm, vm->e_TypeError, "%s() got multiple values for argument '%s'", str_cstr(fname_of(f)), str_cstr(name));
                return -1;
            }
            slots[j] = kwvals[k];
        } else if (kwdict) {
            if (dict_set(vm, (Dict *)kwdict, name, kwvals[k]) < 0) return -1;
        } else {
            for (j = 0; j < c->posonlyargcount; j++)
                if (str_eq(as_str(as_tuple(c->varnames)->items[j]), as_str(name))) {
                    vm_raise(vm, vm->e_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", str_cstr(fname_of(f)), str_cstr(name));
                    return -1;
                }
            vm_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", str_cstr(fname_of(f)), str_cstr(name));
            return -1;
        }
    }
    if (nargs < argc) {
        int ndef = f->defaults ? (int)as_tuple(f->defaults)->n : 0;
        int first_def = argc - ndef;
        for (int i = nargs; i < argc; i++)
            if (!slots[i] && i >= first_def) slots[i] = as_tuple(f->defaults)->items[i - first_def];
        for (int i = nargs; i < argc; i++)
            if (!slots[i]) return missing_args(vm, f, slots, nargs, argc, "positional");
    }
    if (kwonly) {
        for (int i = argc; i < total; i++) {
            if (slots[i]) continue;
            Value d = VNULL;
            if (f->kwdefaults) dict_get(vm, (Dict *)f->kwdefaults, as_tuple(c->varnames)->items[i], &d);
            if (d) slots[i] = d;
        }
        for (int i = argc; i < total; i++)
            if (!slots[i]) return missing_args(vm, f, slots, argc, total, "keyword-only");
    }
    return 0;
}

/* Fill closure cells and wrap arguments that are cells. */
void init_cells(VM *vm, Func *f, Value *slots) {
    Code *c = f->code;
    int cellbase = c->nlocals - c->ncells - c->nfree;
    for (int i = 0; i < c->ncells; i++) {
        Cell *cell = gc_alloc(vm, vm->t_cell, sizeof(Cell));
        int a = c->cell2arg ? c->cell2arg[i] : -1;
        cell->v = a >= 0 ? slots[a] : VNULL;
        slots[cellbase + i] = v_from_obj(cell);
    }
    for (int i = 0; i < c->nfree; i++)
        slots[cellbase + c->ncells + i] = as_tuple(f->closure)->items[i];
}

bool stack_room(VM *vm, Value *base, int need) {
    if (base + need > vm->stack_hwm) vm->stack_hwm = base + need;
    return base + need + 64 < vm->stack_end;
}

Value recursion_error(VM *vm) {
    return vm_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
}

/* Push a frame for calling f with args located at `args` on the VM stack (they become the
 * first slots when binding allows). Returns 0, or -1 with an exception. */
int push_call_frame(VM *vm, Func *f, Value *args, int nargs, Value kwnames, int entry) {
    Code *c = f->code;
    if (vm->nframes >= vm->recursion_limit + 50 || vm->nframes >= vm->maxframes - 1) { recursion_error(vm); return -1; }
    if (vm->nframes >= vm->recursion_limit) { recursion_error(vm); return -1; }
    if (!stack_room(vm, args, c->nlocals + c->stacksize)) { recursion_error(vm); return -1; }
    Value *slots = args;
    /* binding allocates (*args tuple, **kwargs dict, cells): the slots must already be inside
     * the scanned part of the value stack */
    Value *saved_top = vm->sp_top;
    Value *extent = slots + c->nlocals + c->stacksize;
    if (extent > vm->sp_top) {   /* stale words there are scanned conservatively */
        vm->sp_top = extent;
        if (extent > vm->stack_hwm) vm->stack_hwm = extent;
    }
    if (!kwnames && nargs == c->argcount && !c->kwonlyargcount && !(c->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
        /* the common case: exact positional arguments are already in place */
        for (int i = nargs; i < c->nlocals; i++) slots[i] = VNULL;
    } else if (vm_bind_args(vm, f, args, nargs, kwnames, slots) < 0) { vm->sp_top = saved_top; return -1; }
    if (c->ncells || c->nfree) init_cells(vm, f, slots);
    Frame *fr = &vm->frames[vm->nframes++];
    fr->saved_top = saved_top;
    fr->code = c;
    fr->func = f;
    fr->globals = f->globals;
    fr->locals_dict = NULL;
    fr->slots = slots;
    fr->sp = slots + c->nlocals;
    fr->ip = c->code;
    fr->gen = NULL;
    fr->entry = entry;
    fr->handled = VNULL;
    return 0;
}

/* ---- calls from C ---- */

Value call_func(VM *vm, Func *f, Value *args, int nargs, Value kwnames) {
    Code *c = f->code;
    int nkw = kwnames ? (int)as_tuple(kwnames)->n : 0;
    if (c->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        Value *tmp = vm->sp_top;
        if (!stack_room(vm, tmp, c->nlocals + nargs + nkw)) return recursion_error(vm);
        vmemcpy(tmp, args, sizeof(Value) * (nargs + nkw));
        vm->sp_top = tmp + (c->nlocals > nargs + nkw ? c->nlocals : nargs + nkw);
        int r = vm_bind_args(vm, f, tmp, nargs, kwnames, tmp);
        if (r == 0 && (c->ncells || c->nfree)) init_cells(vm, f, tmp);
        Value g = r < 0 ? VNULL : gen_new(vm, f, tmp, c->flags & CO_COROUTINE ? GK_COROUTINE : c->flags & CO_GENERATOR ? GK_GENERATOR : GK_ASYNCGEN);
        vm->sp_top = tmp;
        return g;
    }
    Value *base = vm->sp_top;
    if (!stack_room(vm, base, c->nlocals + c->stacksize + nargs + nkw)) return recursion_error(vm);
    vmemcpy(base, args, sizeof(Value) * (nargs + nkw));
    vm->sp_top = base + nargs + nkw;
    if (push_call_frame(vm, f, base, nargs, kwnames, 1) < 0) { vm->sp_top = base; return VNULL; }
    Value r = vm_interpret(vm);
    vm->sp_top = base;
    return r;
}

/* Run a class body: the function's code with `ns` as its namespace. */
Value class_body_run(VM *vm, Value func, Dict *ns) {
    Func *f = (Func *)func;
    Code *c = f->code;
    Value *base = vm->sp_top;
    if (vm->nframes >= vm->recursion_limit) return recursion_error(vm);
    if (!stack_room(vm, base, c->nlocals + c->stacksize)) return recursion_error(vm);
    for (int i = 0; i < c->nlocals; i++) base[i] = VNULL;
    if (c->ncells || c->nfree) init_cells(vm, f, base);
    vm->sp_top = base + c->nlocals;
    Frame *fr = &vm->frames[vm->nframes++];
    memset(fr, 0, sizeof *fr);
    fr->code = c; fr->func = f; fr->globals = f->globals; fr->locals_dict = ns;
    fr->slots = base; fr->sp = base + c->nlocals; fr->ip = c->code; fr->entry = 1;
    fr->saved_top = base; vm->sp_top = base + c->nlocals + c->stacksize;
    Value r = vm_interpret(vm);
    vm->sp_top = base;
    return r;
}

Value vm_run_code(VM *vm, Code *code, Dict *globals, Dict *locals) {
    Value *base = vm->sp_top;
    if (vm->nframes >= vm->recursion_limit) return recursion_error(vm);
    if (!stack_room(vm, base, code->nlocals + code->stacksize)) return recursion_error(vm);
    for (int i = 0; i < code->nlocals; i++) base[i] = VNULL;
    vm->sp_top = base + code->nlocals;
    Frame *fr = &vm->frames[vm->nframes++];
    memset(fr, 0, sizeof *fr);
    fr->code = code; fr->globals = globals; fr->locals_dict = locals;
    fr->slots = base; fr->sp = base + code->nlocals; fr->ip = code->code; fr->entry = 1;
    fr->saved_top = base; vm->sp_top = base + code->nlocals + code->stacksize;
    Value r = vm_interpret(vm);
    vm->sp_top = base;
    return r;
}
