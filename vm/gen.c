/* gen.c — generators, coroutines and async generators: heap frames that the interpreter
 * resumes inline (FOR_ITER, SEND) or from C (send, throw, close, next). */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/interp.h"
#include "vm/opcodes.h"
#include <string.h>

static void gen_trace(GC *gc, Obj *o) {
    Gen *g = (Gen *)o;
    gc_mark_obj(gc, g->func);   /* and through it the code and the globals */
    gc_mark_obj(gc, g->awaiter);
    if (g->func) gc_mark(gc, gen_exc_state(g));
    /* a suspended generator's live slots end at its saved sp; a running one's frame record is
     * stale (the live one is in the frame array), so scan all its slots conservatively */
    if (g->state == GEN_RUNNING) { gc_mark_conservative(gc, g->slots, (size_t)gen_nslots(g)); return; }
    Value *end = g->state == GEN_CLOSED ? g->slots : g->slots + g->sp_off;
    for (Value *p = g->slots; p < end && p < g->slots + gen_nslots(g); p++) gc_mark(gc, *p);
}

Value gen_new(VM *vm, Func *f, Value *slots, int kind) {
    Code *c = f->code;
    int n = code_gen_slots(c);
    Type *t = kind == GK_COROUTINE ? vm->t_coroutine : kind == GK_ASYNCGEN ? vm->t_async_generator : vm->t_generator;
    Gen *g = gc_alloc(vm, t, sizeof(Gen) + sizeof(Value) * n);
    if (!g) return VNULL;
    g->kind = (uint8_t)kind;
    vmemcpy(g->slots, slots, sizeof(Value) * c->nlocals);
    g->func = f;
    g->sp_off = (uint32_t)c->nlocals;
    g->ip_off = 0;
    g->state = GEN_CREATED;
    return v_from_obj(g);
}

void gen_frame_closed(VM *vm, Gen *g) {
    (void)vm;
    g->state = GEN_CLOSED;
    g->sp_off = 0;
}

static const char *kind_name(Gen *g) {
    return g->kind == GK_COROUTINE ? "coroutine" : g->kind == GK_ASYNCGEN ? "async generator" : "generator";
}

/* Copy g's saved frame record onto the frame array and mark it running. */
static Frame *enter_frame(VM *vm, Gen *g, int entry) {
    if (vm->nframes >= vm->recursion_limit) { recursion_error(vm); return NULL; }
    Frame *fr = &vm->frames[vm->nframes++];
    gen_load_frame(g, fr);
    fr->entry = entry;
    fr->saved_top = vm->sp_top;
    /* each generator has its own "exception being handled"; the caller's is kept in the
     * frame record and restored when the generator yields, returns or raises */
    fr->handled = vm->handled;
    vm->handled = gen_exc_state(g);
    g->state = GEN_RUNNING;
    return fr;
}

int gen_push_frame(VM *vm, Gen *g, Value sent, int entry) {
    if (g->state == GEN_RUNNING) {
        vm_raise(vm, vm->e_ValueError, "%s already executing", kind_name(g));
        return -1;
    }
    if (g->state == GEN_CLOSED) {
        if (g->kind == GK_COROUTINE) vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited coroutine");
        else vm_raise_value(vm, exc_new(vm, vm->e_StopIteration, NULL, 0));
        return -1;
    }
    if (g->state == GEN_CREATED && sent != vm->none) {
        vm_raise(vm, vm->e_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
        return -1;
    }
    bool started = g->state != GEN_CREATED;
    Frame *fr = enter_frame(vm, g, entry);
    if (!fr) return -1;
    if (started) *fr->sp++ = sent;
    g->awaited = 1;
    return 0;
}

Value gen_send(VM *vm, Value gv, Value v, bool *returned) {
    Gen *g = (Gen *)gv;
    *returned = false;
    if (gen_push_frame(vm, g, v, 1) < 0) {
        if (g->state == GEN_CLOSED && g->kind != GK_COROUTINE && vm_exc_is(vm, vm->e_StopIteration)) {
            vm_clear_exc(vm);
            *returned = true;
            return vm->none;
        }
        return VNULL;
    }
    Value r = vm_interpret(vm);
    if (!r) return VNULL;
    if (!vm->yielded) *returned = true;
    return r;
}

/* g's frame, on top of the frame array, suspends again where it was: its delegate yielded r. */
static Value stay_suspended(VM *vm, Gen *g, Frame *fr, Value r) {
    gen_save_frame(g, fr);
    g->state = GEN_SUSPENDED;
    check_no_exc_slot(vm, g);
    gen_set_exc_state(g, vm->handled);
    vm->handled = fr->handled;
    vm->sp_top = fr->saved_top;
    vm->nframes--;
    return r;
}

/* The delegate of fr's await / yield from finished with r outside the SEND instruction: store
 * r where SEND would and run on from SEND's target (fr->ip is the SEND loop's JUMP). */
static Value run_after_send(VM *vm, Frame *fr, Value r, bool *returned) {
    uint32_t *send = fr->code->code + INSTR_ARG(*fr->ip);
    fr->sp[-1] = r;
    fr->ip = fr->code->code + INSTR_ARG(*send);
    Value v = vm_interpret(vm);
    if (v && !vm->yielded) *returned = true;
    return v;
}

/* Raise `exc` inside the generator at its suspension point. */
Value gen_throw_into(VM *vm, Gen *g, Value exc, bool *returned) {
    *returned = false;
    if (g->state == GEN_CLOSED) { vm_raise_value(vm, exc); return VNULL; }
    if (g->state == GEN_CREATED) {
        g->state = GEN_CLOSED;
        vm_raise_value(vm, exc);
        return VNULL;
    }
    Frame *fr = enter_frame(vm, g, 1);
    if (!fr) return VNULL;
    /* The delegate (if any) sits at TOS: give it the chance to handle the exception. */
    uint32_t *nip = fr->ip;
    if (fr->sp > fr->slots + fr->code->nlocals && INSTR_OP(nip[-1]) == OP_YIELD_VALUE &&
        INSTR_ARG(nip[-1]) == 1 && v_is_obj(fr->sp[-1])) {
        Value d = fr->sp[-1];
        Type *dt = type_of(vm, d);
        if (dt == vm->t_generator || dt == vm->t_coroutine) {
            bool ret;
            Value r = gen_throw_into(vm, (Gen *)d, exc, &ret);
            if (r) return ret ? run_after_send(vm, fr, r, returned) : stay_suspended(vm, g, fr, r);
            exc = vm->exc;
            vm->exc = VNULL;
        } else {
            Value th = vm_getattr_opt(vm, d, vm->s_throw);
            if (th) {
                Value r = vm_call1(vm, th, exc);
                if (r) {
                    vm->yield_leaf = g;   /* the delegate is not a generator: resume here */
                    return stay_suspended(vm, g, fr, r);
                }
                if (vm_exc_is(vm, vm->e_StopIteration)) {
                    Value val = exc_get_attr(vm, vm->exc, vm->s_value);
                    vm_clear_exc(vm);
                    return run_after_send(vm, fr, val ? val : vm->none, returned);
                }
                exc = vm->exc;
                vm->exc = VNULL;
            }
        }
    }
    /* raise at the yield point: the interpreter's error path finds the handler */
    vm->exc = exc;
    Value v = vm_interpret(vm);   /* starts on the error path since vm->exc is set */
    if (v && !vm->yielded) *returned = true;
    return v;
}

/* ---- resuming the innermost generator of an await chain (O(1) task resume) ----
 * A task suspended deep in `await` chains is resumed at the generator that actually yielded
 * (vm->yield_leaf when the task's step ended), not at its outer coroutine: sending into the
 * outer one would only pass the value down the chain, one SEND per level. The generators
 * above the leaf stay suspended in their SEND loops; when the leaf finishes, each awaiter in
 * turn continues exactly where SEND would have gone on (gen_finish_delegate). */

/* The generator suspended in an await/yield from on g, or NULL. */
Gen *gen_awaiter(Gen *g) {
    Gen *p = g->awaiter;
    if (!p || p->state != GEN_SUSPENDED) return NULL;
    return gen_tos(p) == v_from_obj(g) ? p : NULL;
}

/* p's delegate finished outside p's frame with result r (VNULL: with the exception in
 * vm->exc): continue p as its SEND would have, storing r or raising at the await. */
Value gen_finish_delegate(VM *vm, Gen *p, Value r, bool *returned) {
    *returned = false;
    Value exc = r ? VNULL : vm->exc;
    vm->exc = VNULL;
    Frame *fr = enter_frame(vm, p, 1);
    if (!fr) return VNULL;
    if (!exc) return run_after_send(vm, fr, r, returned);
    vm->exc = exc;   /* the error path reports it at the await, as a throw() would */
    Value v = vm_interpret(vm);
    if (v && !vm->yielded) *returned = true;
    return v;
}

/* The exception being handled, as sys.exc_info() sees it: a generator that handles none
 * inherits its caller's, and a leaf resumed directly inherits its suspended awaiters'. */
Value vm_handled(VM *vm) {
    if (vm->handled && vm->handled != vm->none) return vm->handled;
    for (int32_t i = vm->nframes - 1; i >= 0; i--) {
        Frame *f = &vm->frames[i];
        if (!f->gen) continue;
        for (Gen *p = gen_awaiter(f->gen); p; p = gen_awaiter(p)) {
            Value h = gen_exc_state(p);
            if (h && h != vm->none) return h;
        }
        if (f->handled && f->handled != vm->none) return f->handled;
    }
    return VNULL;
}

Value gen_throw(VM *vm, Value gv, Value exc) {
    bool ret;
    Value r = gen_throw_into(vm, (Gen *)gv, exc, &ret);
    if (r && ret) {
        Value e = exc_new(vm, vm->e_StopIteration, &r, r == vm->none ? 0 : 1);
        return vm_raise_value(vm, e);
    }
    return r;
}

Value gen_close(VM *vm, Value gv) {
    Gen *g = (Gen *)gv;
    if (g->state == GEN_CREATED || g->state == GEN_CLOSED) { g->state = GEN_CLOSED; return vm->none; }
    Value exc = exc_new(vm, vm->e_GeneratorExit, NULL, 0);
    bool ret;
    Value r = gen_throw_into(vm, g, exc, &ret);
    if (r && !ret) {
        return vm_raise(vm, vm->e_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
    }
    if (!r) {
        if (vm_exc_is(vm, vm->e_GeneratorExit) || vm_exc_is(vm, vm->e_StopIteration)) { vm_clear_exc(vm); return vm->none; }
        return VNULL;
    }
    return vm->none;
}

/* ---- Python-level methods ---- */

static Value gen_iter_m(VM *vm, Value *a, int n, Value k) { return a[0]; }
static Value gen_next_m(VM *vm, Value *a, int n, Value k) {
    bool ret;
    Value r = gen_send(vm, a[0], vm->none, &ret);
    if (!r) return VNULL;
    if (ret) {
        Value e = exc_new(vm, vm->e_StopIteration, &r, r == vm->none ? 0 : 1);
        return vm_raise_value(vm, e);
    }
    return r;
}
static Value gen_send_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "send", n - 1, k, 1, 1) < 0) return VNULL;
    bool ret;
    Value r = gen_send(vm, a[0], a[1], &ret);
    if (!r) return VNULL;
    if (ret) {
        Value e = exc_new(vm, vm->e_StopIteration, &r, r == vm->none ? 0 : 1);
        return vm_raise_value(vm, e);
    }
    return r;
}
/* throw(typ[, val]) of a generator or of anything that acts as one: the exception instance
 * (typ called with val when it is a class), or VNULL with CPython's TypeError. */
Value vm_throw_arg(VM *vm, Value *a, int n) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "throw expected at least 1 argument, got 0");
    Value e = a[1];
    if (isinst(vm, e, vm->t_type)) {
        e = vm_call(vm, e, n > 2 && a[2] != vm->none ? &a[2] : NULL, n > 2 && a[2] != vm->none ? 1 : 0, VNULL);
        if (!e) return VNULL;
    }
    if (!isinst(vm, e, vm->e_BaseException))
        return vm_raise(vm, vm->e_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", type_name(vm, e));
    return e;
}

static Value gen_throw_m(VM *vm, Value *a, int n, Value k) {
    Value e = vm_throw_arg(vm, a, n);
    return e ? gen_throw(vm, a[0], e) : VNULL;
}
static Value gen_close_m(VM *vm, Value *a, int n, Value k) { return gen_close(vm, a[0]); }
static Value gen_repr_m(VM *vm, Value *a, int n, Value k) {
    Gen *g = (Gen *)a[0];
    return str_printf(vm, "<%s object %s at %p>", kind_name(g), str_cstr(gen_qualname(g)), (void *)a[0]);
}
static Value gen_name_m(VM *vm, Value *a, int n, Value k) { return gen_name((Gen *)a[0]); }
static Value gen_qualname_m(VM *vm, Value *a, int n, Value k) { return gen_qualname((Gen *)a[0]); }
static Value gen_running_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, ((Gen *)a[0])->state == GEN_RUNNING); }
static Value gen_suspended_m(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, ((Gen *)a[0])->state == GEN_SUSPENDED); }
static Value gen_frame_m(VM *vm, Value *a, int n, Value k) { return ((Gen *)a[0])->state == GEN_CLOSED ? vm->none : vm->true_; }
static Value gen_code_m(VM *vm, Value *a, int n, Value k) { return v_from_obj(gen_code((Gen *)a[0])); }

/* a coroutine's __await__ returns an iterator over the same frame */
static Value coro_await_m(VM *vm, Value *a, int n, Value k) {
    Value w = v_from_obj(gc_alloc(vm, vm->t_coroutine_wrapper, sizeof(BoundMethod)));
    ((BoundMethod *)w)->func = a[0];
    return w;
}
static Value cw_next(VM *vm, Value *a, int n, Value k) {
    Value c = ((BoundMethod *)a[0])->func;
    Value x[1] = { c };
    return gen_next_m(vm, x, 1, VNULL);
}
static Value cw_send(VM *vm, Value *a, int n, Value k) {
    Value x[2] = { ((BoundMethod *)a[0])->func, n > 1 ? a[1] : vm->none };
    return gen_send_m(vm, x, 2, VNULL);
}
static Value cw_throw(VM *vm, Value *a, int n, Value k) {
    Value x[3] = { ((BoundMethod *)a[0])->func, n > 1 ? a[1] : vm->none, n > 2 ? a[2] : vm->none };
    return gen_throw_m(vm, x, n, VNULL);
}
static Value cw_close(VM *vm, Value *a, int n, Value k) { return gen_close(vm, ((BoundMethod *)a[0])->func); }
static void cw_trace(GC *gc, Obj *o) { gc_mark(gc, ((BoundMethod *)o)->func); }

/* ---- awaitables and delegation to non-generator iterators ---- */

Value vm_get_awaitable(VM *vm, Value v, int where) {
    Type *t = type_of(vm, v);
    if (t == vm->t_coroutine) {
        Gen *g = (Gen *)v;
        if (g->state == GEN_RUNNING || (g->state == GEN_SUSPENDED && g->awaited == 2))
            return vm_raise(vm, vm->e_RuntimeError, "coroutine is being awaited already");
        g->awaited = 1;
        return v;
    }
    if (t->am_send) return v;   /* its own await iterator */
    Value aw = type_lookup(vm, t, vm->s___await__);
    if (!aw) {
        if (where == 1)
            return vm_raise(vm, vm->e_TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s", t->name);
        if (where == 2)
            return vm_raise(vm, vm->e_TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s", t->name);
        if (where == 3)
            return vm_raise(vm, vm->e_TypeError, "'async for' received an invalid object from __anext__: %s", t->name);
        return vm_raise(vm, vm->e_TypeError, "object %s can't be used in 'await' expression", t->name);
    }
    Value it = vm_call_dunder(vm, v, vm->s___await__, NULL, 0, NULL);
    if (!it) return VNULL;
    Type *it_t = type_of(vm, it);
    if (it_t == vm->t_coroutine)
        return vm_raise(vm, vm->e_TypeError, "__await__() returned a coroutine");
    if (!type_lookup(vm, it_t, vm->s___next__))
        return vm_raise(vm, vm->e_TypeError, "__await__() returned non-iterator of type '%s'", it_t->name);
    return it;
}

Value vm_send_nongen(VM *vm, Value it, Value v, bool *done) {
    *done = false;
    Value r;
    if (v == vm->none) {
        bool found;
        r = vm_call_dunder(vm, it, vm->s___next__, NULL, 0, &found);
        if (!found) return vm_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", type_name(vm, it));
    } else {
        r = vm_call_method(vm, it, vm->s_send, &v, 1);
    }
    if (r) return r;
    if (vm_exc_is(vm, vm->e_StopIteration)) {
        Value val = exc_get_attr(vm, vm->exc, vm->s_value);
        vm_clear_exc(vm);
        *done = true;
        return val ? val : vm->none;
    }
    return VNULL;
}

void gen_init(VM *vm) {
    Type *o = vm->t_object;
    const char *names[3] = { "generator", "coroutine", "async_generator" };
    Type **slots[3] = { &vm->t_generator, &vm->t_coroutine, &vm->t_async_generator };
    for (int i = 0; i < 3; i++) {
        Type *t = type_new_builtin(vm, names[i], o, sizeof(Gen), 0);
        t->trace = gen_trace;
        *slots[i] = t;
        type_add_method(vm, t, "send", gen_send_m);
        type_add_method(vm, t, "throw", gen_throw_m);
        type_add_method(vm, t, "close", gen_close_m);
        type_add_method(vm, t, "__repr__", gen_repr_m);
        type_add_property(vm, t, "__name__", gen_name_m, NULL);
        type_add_property(vm, t, "__qualname__", gen_qualname_m, NULL);
    }
    type_add_method(vm, vm->t_generator, "__iter__", gen_iter_m);
    type_add_method(vm, vm->t_generator, "__next__", gen_next_m);
    type_add_property(vm, vm->t_generator, "gi_running", gen_running_m, NULL);
    type_add_property(vm, vm->t_generator, "gi_suspended", gen_suspended_m, NULL);
    type_add_property(vm, vm->t_generator, "gi_frame", gen_frame_m, NULL);
    type_add_property(vm, vm->t_generator, "gi_code", gen_code_m, NULL);
    type_add_method(vm, vm->t_coroutine, "__await__", coro_await_m);
    type_add_property(vm, vm->t_coroutine, "cr_running", gen_running_m, NULL);
    type_add_property(vm, vm->t_coroutine, "cr_frame", gen_frame_m, NULL);
    type_add_property(vm, vm->t_coroutine, "cr_code", gen_code_m, NULL);
    Type *cw = type_new_builtin(vm, "coroutine_wrapper", o, sizeof(BoundMethod), 0);
    cw->trace = cw_trace;
    vm->t_coroutine_wrapper = cw;
    type_add_method(vm, cw, "__iter__", gen_iter_m);
    type_add_method(vm, cw, "__next__", cw_next);
    type_add_method(vm, cw, "send", cw_send);
    type_add_method(vm, cw, "throw", cw_throw);
    type_add_method(vm, cw, "close", cw_close);
}
