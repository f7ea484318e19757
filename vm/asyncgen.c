/* asyncgen.c — async generators: the awaitables returned by __anext__/asend/athrow/aclose.
 *
 * Inside an async generator frame, `yield v` yields a wrapped value (eval.c wraps it) while
 * awaits inside it yield the awaited future unwrapped. The awaitable drives the generator:
 * an unwrapped value passes up to the task, a wrapped one completes the awaitable with
 * StopIteration(v), and the generator returning completes it with StopAsyncIteration. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/interp.h"
Value vm_get_awaitable(VM *vm, Value v, int where);

Value gen_throw_into(VM *vm, Gen *g, Value exc, bool *returned);

enum { AS_INIT, AS_ITER, AS_DONE };
enum { OP_ASEND, OP_ATHROW, OP_ACLOSE };

typedef struct {
    Obj head;
    Value gen;       /* the async generator */
    Value value;     /* asend: value to send; athrow: exception to throw */
    int state, op;
} AsyncGenAwaitable;

static void aw_trace(GC *gc, Obj *o) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)o;
    gc_mark(gc, a->gen); gc_mark(gc, a->value);
}
static void wrapped_trace(GC *gc, Obj *o) { gc_mark(gc, ((BoundMethod *)o)->func); }

static Value stop_with(VM *vm, Value v) {
    Value e = exc_new(vm, vm->e_StopIteration, &v, v == vm->none ? 0 : 1);
    return vm_raise_value(vm, e);
}

/* Interpret what the generator produced for this awaitable. */
static Value handle_result(VM *vm, AsyncGenAwaitable *a, Value r, bool returned) {
    /* the generator stays "running" only across an await it passes up */
    Gen *g = (Gen *)a->gen;
    if (!r || returned || (!v_is_int(r) && type_of(vm, r) == vm->t_async_generator_wrapped_value)) g->running_async = 0;
    if (!r) {
        a->state = AS_DONE;
        if (a->op == OP_ACLOSE && (vm_exc_is(vm, vm->e_StopAsyncIteration) || vm_exc_is(vm, vm->e_GeneratorExit))) {
            vm_clear_exc(vm);
            return stop_with(vm, vm->none);
        }
        return VNULL;
    }
    if (returned) {
        a->state = AS_DONE;
        if (a->op == OP_ACLOSE) return stop_with(vm, vm->none);
        return vm_raise_value(vm, exc_new(vm, vm->e_StopAsyncIteration, NULL, 0));
    }
    if (!v_is_int(r) && type_of(vm, r) == vm->t_async_generator_wrapped_value) {
        a->state = AS_DONE;
        if (a->op == OP_ACLOSE) return vm_raise(vm, vm->e_RuntimeError, "async generator ignored GeneratorExit");
        return stop_with(vm, ((BoundMethod *)r)->func);
    }
    return r;   /* an await inside the generator: pass the future up */
}

static Value aw_send(VM *vm, AsyncGenAwaitable *a, Value v) {
    Gen *g = (Gen *)a->gen;
    if (a->state == AS_DONE) return vm_raise(vm, vm->e_RuntimeError, "cannot reuse already awaited %s",
                                             a->op == OP_ASEND ? "__anext__()/asend()" : a->op == OP_ATHROW ? "athrow()" : "aclose()");
    bool returned = false;
    Value r;
    if (a->state == AS_INIT) {
        if (g->running_async) {   /* another __anext__()/athrow() of it is awaiting something */
            if (a->op == OP_ASEND) return vm_raise(vm, vm->e_RuntimeError, "anext(): asynchronous generator is already running");
            a->state = AS_DONE;
            return vm_raise(vm, vm->e_RuntimeError, "%s(): asynchronous generator is already running", a->op == OP_ACLOSE ? "aclose" : "athrow");
        }
        a->state = AS_ITER;
        if (a->op == OP_ASEND) {
            if (g->state == GEN_CLOSED) { a->state = AS_DONE; return vm_raise_value(vm, exc_new(vm, vm->e_StopAsyncIteration, NULL, 0)); }
            g->running_async = 1;
            r = gen_send(vm, a->gen, v == vm->none ? a->value : v, &returned);
        } else {
            if (g->state == GEN_CLOSED || g->state == GEN_CREATED) {
                g->state = GEN_CLOSED;
                a->state = AS_DONE;
                if (a->op == OP_ACLOSE) return stop_with(vm, vm->none);
                return vm_raise_value(vm, a->value);
            }
            g->running_async = 1;
            r = gen_throw_into(vm, g, a->value, &returned);
        }
    } else {
        g->running_async = 1;
        r = gen_send(vm, a->gen, v, &returned);
    }
    return handle_result(vm, a, r, returned);
}

static Value aw_next_m(VM *vm, Value *args, int n, Value k) { return aw_send(vm, (AsyncGenAwaitable *)args[0], vm->none); }
static Value aw_send_m(VM *vm, Value *args, int n, Value k) { return aw_send(vm, (AsyncGenAwaitable *)args[0], n > 1 ? args[1] : vm->none); }
static Value aw_throw_m(VM *vm, Value *args, int n, Value k) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)args[0];
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "throw expected at least 1 argument, got 0");
    Value e = args[1];
    if (isinst(vm, e, vm->t_type)) { e = vm_call(vm, e, NULL, 0, VNULL); if (!e) return VNULL; }
    if (a->state == AS_DONE) return vm_raise_value(vm, e);
    a->state = AS_ITER;
    bool returned;
    ((Gen *)a->gen)->running_async = 1;
    Value r = gen_throw_into(vm, (Gen *)a->gen, e, &returned);
    return handle_result(vm, a, r, returned);
}
static Value aw_close_m(VM *vm, Value *args, int n, Value k) { ((AsyncGenAwaitable *)args[0])->state = AS_DONE; return vm->none; }
static Value aw_self_m(VM *vm, Value *args, int n, Value k) { return args[0]; }

static Value make_awaitable(VM *vm, Value gen, Value v, int op) {
    Type *t = op == OP_ASEND ? vm->t_async_generator_asend : vm->t_async_generator_athrow;
    AsyncGenAwaitable *a = gc_alloc(vm, t, sizeof(AsyncGenAwaitable));
    if (!a) return VNULL;
    a->gen = gen;
    a->value = v;
    a->op = op;
    return v_from_obj(a);
}

static Value ag_anext_m(VM *vm, Value *a, int n, Value k) { return make_awaitable(vm, a[0], vm->none, OP_ASEND); }
static Value ag_asend_m(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "asend", n - 1, k, 1, 1) < 0) return VNULL;
    return make_awaitable(vm, a[0], a[1], OP_ASEND);
}
static Value ag_athrow_m(VM *vm, Value *a, int n, Value k) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "athrow expected at least 1 argument, got 0");
    Value e = a[1];
    if (isinst(vm, e, vm->t_type)) {
        e = vm_call(vm, e, n > 2 && a[2] != vm->none ? &a[2] : NULL, n > 2 && a[2] != vm->none ? 1 : 0, VNULL);
        if (!e) return VNULL;
    }
    return make_awaitable(vm, a[0], e, OP_ATHROW);
}
static Value ag_aclose_m(VM *vm, Value *a, int n, Value k) {
    Value e = exc_new(vm, vm->e_GeneratorExit, NULL, 0);
    return e ? make_awaitable(vm, a[0], e, OP_ACLOSE) : VNULL;
}
static Value ag_aiter_m(VM *vm, Value *a, int n, Value k) { return a[0]; }

/* anext(it, default): an awaitable that turns StopAsyncIteration into `default`. */
typedef struct { Obj head; Value inner, dflt; int started; } AnextAwaitable;

static void anext_trace(GC *gc, Obj *o) {
    AnextAwaitable *a = (AnextAwaitable *)o;
    gc_mark(gc, a->inner); gc_mark(gc, a->dflt);
}

static Value anext_step(VM *vm, AnextAwaitable *a, Value v, Value exc) {
    if (!a->started) {
        Value it = vm_get_awaitable(vm, a->inner, 0);
        if (!it) return VNULL;
        a->inner = it;
        a->started = 1;
    }
    Value r;
    if (exc) {
        Value th = vm_getattr(vm, a->inner, vm->s_throw);
        r = th ? vm_call1(vm, th, exc) : VNULL;
    } else {
        r = vm_call_method(vm, a->inner, vm->s_send, &v, 1);
    }
    if (r) return r;
    if (vm_exc_is(vm, vm->e_StopAsyncIteration)) {
        vm_clear_exc(vm);
        return stop_with(vm, a->dflt);
    }
    return VNULL;
}
static Value anext_next_m(VM *vm, Value *a, int n, Value k) { return anext_step(vm, (AnextAwaitable *)a[0], vm->none, VNULL); }
static Value anext_send_m(VM *vm, Value *a, int n, Value k) { return anext_step(vm, (AnextAwaitable *)a[0], n > 1 ? a[1] : vm->none, VNULL); }
static Value anext_throw_m(VM *vm, Value *a, int n, Value k) {
    if (n < 2) return vm_raise(vm, vm->e_TypeError, "throw expected at least 1 argument, got 0");
    Value e = a[1];
    if (isinst(vm, e, vm->t_type)) { e = vm_call(vm, e, NULL, 0, VNULL); if (!e) return VNULL; }
    return anext_step(vm, (AnextAwaitable *)a[0], vm->none, e);
}

static Value bi_aiter(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "aiter", n, k, 1, 1) < 0) return VNULL;
    bool found;
    Value r = vm_call_dunder(vm, a[0], vm->s___aiter__, NULL, 0, &found);
    if (!found) return vm_raise(vm, vm->e_TypeError, "'%s' object is not an async iterable", type_name(vm, a[0]));
    if (r && !type_lookup(vm, type_of(vm, r), vm->s___anext__))
        return vm_raise(vm, vm->e_TypeError, "aiter() returned not an async iterator of type '%s'", type_name(vm, r));
    return r;
}

static Value bi_anext(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "anext", n, k, 1, 2) < 0) return VNULL;
    bool found;
    Value aw = vm_call_dunder(vm, a[0], vm->s___anext__, NULL, 0, &found);
    if (!found) return vm_raise(vm, vm->e_TypeError, "'%s' object is not an async iterator", type_name(vm, a[0]));
    if (!aw || n == 1) return aw;
    Type *t = (Type *)dict_get_cstr(vm, vm->hidden, "__aspen_anext_awaitable__");
    AnextAwaitable *w = gc_alloc(vm, t, sizeof(AnextAwaitable));
    if (!w) return VNULL;
    w->inner = aw;
    w->dflt = a[1];
    return v_from_obj(w);
}

void asyncgen_builtins_init(VM *vm) {
    module_add_fn(vm, vm->builtins_mod, "aiter", bi_aiter);
    module_add_fn(vm, vm->builtins_mod, "anext", bi_anext);
}

void asyncgen_init(VM *vm) {
    Type *an = type_new_builtin(vm, "anext_awaitable", vm->t_object, sizeof(AnextAwaitable), 0);
    an->trace = anext_trace;
    type_add_method(vm, an, "__await__", aw_self_m);
    type_add_method(vm, an, "__iter__", aw_self_m);
    type_add_method(vm, an, "__next__", anext_next_m);
    type_add_method(vm, an, "send", anext_send_m);
    type_add_method(vm, an, "throw", anext_throw_m);
    dict_set_cstr(vm, vm->hidden, "__aspen_anext_awaitable__", v_from_obj(an));
    Type *o = vm->t_object;
    vm->t_async_generator_wrapped_value = type_new_builtin(vm, "async_generator_wrapped_value", o, sizeof(BoundMethod), 0);
    vm->t_async_generator_wrapped_value->trace = wrapped_trace;
    Type **ts[2] = { &vm->t_async_generator_asend, &vm->t_async_generator_athrow };
    const char *names[2] = { "async_generator_asend", "async_generator_athrow" };
    for (int i = 0; i < 2; i++) {
        Type *t = type_new_builtin(vm, names[i], o, sizeof(AsyncGenAwaitable), 0);
        t->trace = aw_trace;
        type_add_method(vm, t, "__await__", aw_self_m);
        type_add_method(vm, t, "__iter__", aw_self_m);
        type_add_method(vm, t, "__next__", aw_next_m);
        type_add_method(vm, t, "send", aw_send_m);
        type_add_method(vm, t, "throw", aw_throw_m);
        type_add_method(vm, t, "close", aw_close_m);
        *ts[i] = t;
    }
    Type *ag = vm->t_async_generator;
    type_add_method(vm, ag, "__aiter__", ag_aiter_m);
    type_add_method(vm, ag, "__anext__", ag_anext_m);
    type_add_method(vm, ag, "asend", ag_asend_m);
    type_add_method(vm, ag, "athrow", ag_athrow_m);
    type_add_method(vm, ag, "aclose", ag_aclose_m);
}
