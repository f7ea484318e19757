/* eval.c — the bytecode interpreter loop.
 *
 * Script-to-script calls never recurse in C: CALL pushes a Frame and the loop goes on, RETURN
 * pops it. Generators resumed by FOR_ITER or SEND run inline the same way (their Frame record
 * is copied into the frame array; their slots stay on the heap). The loop returns to its C
 * caller only when a frame marked `entry` ends or yields: that is how native code calls into
 * scripts (vm_call) and resumes generators (gen_send). */
#include "vm/vm.h"
#include "vm/opcodes.h"
#include "vm/containers.h"
#include "vm/strobj.h"
#include "vm/interp.h"
#include <string.h>
#include <stdlib.h>

/* GCC 12's SLP vectorizer packs the stack and instruction pointers into one vector register
 * at the dispatch point all opcodes share, which adds four instructions to every dispatch
 * (16% of all instructions on fib). Aligning the opcode labels makes the loop's speed less
 * hostage to where unrelated handlers happen to fall (adding handlers had cost fib 7%).
 * Clang does neither and does not know the pragma. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-slp-vectorize", "align-labels=16")
#endif

Value exc_stop_value(VM *vm, Value exc);
Value vm_import_from(VM *vm, Value mod, Value name);
int vm_import_star(VM *vm, Value mod, Dict *ns);
Value vm_unpack_error(VM *vm, int64_t expected, int64_t got, bool at_least);
Value exc_match_group(VM *vm, Value exc, Value type, Value *rest);   /* except* split */
Value exc_prep_reraise_star(VM *vm, Value orig, Value raised_list);
Value gen_wrap_asyncgen_value(VM *vm, Value v);
Value vm_get_awaitable(VM *vm, Value v, int where);
Value vm_send_nongen(VM *vm, Value it, Value v, bool *done);
Value vm_print_expr(VM *vm, Value v);
void gen_frame_closed(VM *vm, struct Gen *g);
Value format_value(VM *vm, Value v, int conv, Value spec);
int check_exc_match_type(VM *vm, Value t);

/* The inline cache of the instruction just fetched (ip is one past it). A cache is 64 bytes,
 * so the byte distance of ip into the code scales by a shift, not a multiply. */
static inline AttrCache *cache_at(Code *co, uint32_t *ip) {
    _Static_assert(sizeof(AttrCache) == 16 * sizeof(uint32_t), "cache_at scales by 16");
    return (AttrCache *)((char *)co->caches + ((char *)ip - (char *)co->code) * 16) - 1;
}

/* Remember, for this instruction, how attribute `name` resolved on obj's type (see AttrCache).
 * AC_INSTANCE / AC_NONE: plain heap-type instance whose class has no attribute `name` and no
 * custom __getattribute__/__setattr__, so the instance dict is the whole story.
 * AC_METHOD: the class attribute is a plain function or method descriptor. */
static void attr_cache_fill(VM *vm, Code *co, uint32_t *ip, Value obj, Value name, int kind) {
    if (v_is_int(obj)) return;
    Type *t = ((Obj *)obj)->type;
    if (kind != AC_METHOD) {
        /* the fast paths read ((Instance *)obj)->dict: no load of the offset on the way to it */
        if (!(t->flags & TF_HEAPTYPE) || t->dictoffset != offsetof(Instance, dict) || t->layout != vm->t_object) return;
        if (type_lookup(vm, t, name)) return;
        Value ga = type_lookup(vm, t, kind == AC_NONE ? vm->s___setattr__ : vm->s___getattribute__);
        if (!ga || type_of(vm, ga) == vm->t_function) return;
    }
    if (!co->caches) {
        co->caches = calloc((size_t)co->ncode, sizeof(AttrCache));
        if (!co->caches) return;
    }
    AttrCache *ac = cache_at(co, ip);
    ac->type = t;
    ac->epoch = vm->type_epoch;
    ac->kind = kind;
    ac->descr = kind == AC_METHOD ? type_lookup(vm, t, name) : VNULL;
    ac->hint = -1;
}

/* Once the attribute instruction just run (ip[-1]) has a filled cache, rewrite the one before
 * it into a fused instruction that does both on a cache hit: LOAD_FAST or COPY 1 before
 * LOAD_ATTR, LOAD_FAST or SWAP 2 before STORE_ATTR, LOAD_FAST before LOAD_METHOD. On a miss
 * the fused instruction does only its own part and the attribute instruction, which stays in
 * place (jumps may land on it), runs as usual: the rewrite never changes behaviour. */
static void fuse_with_previous(Code *co, uint32_t *ip) {
    if (ip - 2 < co->code || !co->caches || !cache_at(co, ip)->type) return;
    uint32_t prev = ip[-2];
    int op = INSTR_OP(ip[-1]), fused = -1;
    if (INSTR_OP(prev) == OP_LOAD_FAST)
        fused = op == OP_LOAD_ATTR ? OP_LOAD_FAST_ATTR : op == OP_LOAD_METHOD ? OP_LOAD_FAST_METHOD : OP_LOAD_FAST_STORE_ATTR;
    else if (op == OP_LOAD_ATTR && prev == INSTR(OP_COPY, 1))
        fused = OP_COPY_ATTR;
    else if (op == OP_STORE_ATTR && prev == INSTR(OP_SWAP, 2))
        fused = OP_SWAP_STORE_ATTR;
    if (fused >= 0) ip[-2] = INSTR(fused, INSTR_ARG(prev));
}

/* CPython's _PyObject_FunctionStr: "module.qualname()" for messages about a callee. */
static const char *func_str(VM *vm, Value f, char *buf, size_t n) {
    Value qn = vm_getattr_opt(vm, f, vm->s___qualname__);
    if (!qn || !isinst(vm, qn, vm->t_str)) {
        vm_clear_exc(vm);
        Value r = vm_str(vm, f);
        if (!r) { vm_clear_exc(vm); snprintf(buf, n, "function"); return buf; }
        snprintf(buf, n, "%s", str_cstr(r));
        return buf;
    }
    Value m = vm_getattr_opt(vm, f, vm->s___module__);
    vm_clear_exc(vm);
    if (m && isinst(vm, m, vm->t_str) && strcmp(str_cstr(m), "builtins") != 0)
        snprintf(buf, n, "%s.%s()", str_cstr(m), str_cstr(qn));
    else
        snprintf(buf, n, "%s()", str_cstr(qn));
    return buf;
}

/* with / async with: *slot holds the manager; on success *slot becomes the bound
 * __exit__/__aexit__ and slot[1] the result of __enter__/__aenter__ (not yet awaited). */
static bool enter_context(VM *vm, Value *slot, bool is_async) {
    Value mgr = *slot;
    Type *t = type_of(vm, mgr);
    Value enter_name = is_async ? vm->s___aenter__ : vm->s___enter__;
    Value exit_name = is_async ? vm->s___aexit__ : vm->s___exit__;
    if (!type_lookup(vm, t, enter_name) || !type_lookup(vm, t, exit_name)) {
        vm_raise(vm, vm->e_TypeError, "'%s' object does not support the %scontext manager protocol",
                 t->name, is_async ? "asynchronous " : "");
        return false;
    }
    Value bexit = vm_getattr(vm, mgr, exit_name);
    if (!bexit) return false;
    Value r = vm_call_dunder(vm, mgr, enter_name, NULL, 0, NULL);
    if (!r) return false;
    slot[0] = bexit;
    slot[1] = r;
    return true;
}

static inline Value int_add(VM *vm, Value a, Value b) {
    int64_t r = v_int(a) + v_int(b);
    return smallint_fits(r) ? v_from_int(r) : int_from_i64(vm, r);
}
static inline Value int_sub(VM *vm, Value a, Value b) {
    int64_t r = v_int(a) - v_int(b);
    return smallint_fits(r) ? v_from_int(r) : int_from_i64(vm, r);
}

#ifdef ASPEN_CHECK_STACK
#include <stdio.h>
__attribute__((noreturn, cold)) static void stack_overflow(Code *co) {
    fprintf(stderr, "aspen: value stack overflow in %s (stacksize %d)\n", co->name ? str_cstr(co->name) : "?", co->stacksize);
    abort();
}
#endif

Value vm_budget_exhausted(VM *vm) {
    vm->config.step_budget = 0;
    vm->budget_spent = 1;
    return vm_raise(vm, vm->e_RuntimeError, "step budget exhausted");
}

/* f(*pos, **kw). Without keywords the callee reads the tuple's items in place, so f(*many)
 * copies nothing (a Python function's frame copies its arguments anyway). Out of line: the
 * interpreter loop's speed depends on its size. */
static __attribute__((noinline)) Value call_ex(VM *vm, Value fn, Value pos, Value kw) {
    if (type_of(vm, pos) != vm->t_tuple) {
        if (!type_lookup(vm, type_of(vm, pos), vm->s___iter__) && !type_lookup(vm, type_of(vm, pos), vm->s___getitem__)) {
            Value fr_ = vm_repr(vm, fn);
            return vm_raise(vm, vm->e_TypeError, "%s argument after * must be an iterable, not %s",
                            fr_ ? str_cstr(fr_) : "function", type_name(vm, pos));
        }
        pos = vm_to_tuple(vm, pos);
        if (!pos) return VNULL;
    }
    int np = (int)as_tuple(pos)->n;
    int nk = kw ? (int)dict_len((Dict *)kw) : 0;
    if (!nk) {
        Value r = vm_call(vm, fn, as_tuple(pos)->items, np, VNULL);
        GC_KEEP(pos);
        return r;
    }
    Value *buf = vm->sp_top;
    if (!stack_room(vm, buf, np + nk + 8)) return recursion_error(vm);
    vmemcpy(buf, as_tuple(pos)->items, sizeof(Value) * np);
    Value names_t = tuple_new(vm, nk);
    if (!names_t) return VNULL;
    int64_t p = 0; Value k, v; int i = 0;
    while (dict_next((Dict *)kw, &p, &k, &v)) {
        if (!isinst(vm, k, vm->t_str)) return vm_raise(vm, vm->e_TypeError, "keywords must be strings");
        as_tuple(names_t)->items[i] = k;
        buf[np + i] = v;
        i++;
    }
    Value *old_top = vm->sp_top;
    vm->sp_top = buf + np + nk;
    Value r = vm_call(vm, fn, buf, np, names_t);
    vm->sp_top = old_top;
    return r;
}

/* Aligned so that code placed before it cannot shift the loop against cache lines and fetch
 * windows (a 32-byte shift cost 12% on tests/bench/loop.as). */
__attribute__((aligned(64))) Value vm_interpret(VM *vm) {
    Frame *fr = &vm->frames[vm->nframes - 1];
    Code *co;
    uint32_t *ip;
    Value *sp, *slots, *consts, *names;
    uint32_t instr;
    int arg;
    bool tb_skip = false;
    Value *res, *args, callable, kwn;
    int nargs;

#define LOAD_FRAME() do { co = fr->code; ip = fr->ip; sp = fr->sp; slots = fr->slots; \
                          consts = co->consts; names = co->names; } while (0)
#define SAVE() do { fr->ip = ip; fr->sp = sp; } while (0)
#ifdef ASPEN_CHECK_STACK
/* Sanitizer builds prove the compiler's stack sizes exact: a generator's slots end its heap
 * object, so one push too many would write into the next object (D13). */
#define PUSH(v) (sp < slots + co->nlocals + co->stacksize ? (void)0 : stack_overflow(co), *sp++ = (v))
#else
#define PUSH(v) (*sp++ = (v))
#endif
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define ERR() goto error
#define CHECKV(v) do { if (!(v)) goto error; } while (0)
#define JUMPTO(t) (ip = co->code + (t))

    LOAD_FRAME();
    if (vm->exc) goto error;   /* generator.throw(): raise at the suspension point */

#if defined(__GNUC__)
    static const void *labels[] = {
#define X(name, eff, doc) &&L_##name,
        ASPEN_OPCODES(X)
#undef X
    };
#define DISPATCH() do { instr = *ip++; arg = (int)INSTR_ARG(instr); goto *labels[INSTR_OP(instr)]; } while (0)
#define CASE(name) L_##name:
    DISPATCH();
#else
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name:
dispatch:
    instr = *ip++; arg = (int)INSTR_ARG(instr);
    switch (INSTR_OP(instr)) {
#endif

    CASE(NOP) DISPATCH();
    CASE(POP_TOP) sp--; DISPATCH();
    CASE(COPY) { Value v = sp[-arg]; PUSH(v); DISPATCH(); }
    CASE(SWAP) { Value t = sp[-1]; sp[-1] = sp[-arg]; sp[-arg] = t; DISPATCH(); }
    CASE(LOAD_CONST) PUSH(consts[arg]); DISPATCH();
    CASE(LOAD_FAST) {
        Value v = slots[arg];
        if (!v) { SAVE(); unbound_local(vm, co, arg); ERR(); }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST) slots[arg] = POP(); DISPATCH();
    CASE(DELETE_FAST) {
        if (!slots[arg]) { SAVE(); unbound_local(vm, co, arg); ERR(); }
        slots[arg] = VNULL;
        DISPATCH();
    }
    CASE(MAKE_CELL) {
        SAVE();
        Cell *c = gc_alloc(vm, vm->t_cell, sizeof(Cell));
        CHECKV(c);
        c->v = slots[arg];
        slots[arg] = v_from_obj(c);
        DISPATCH();
    }
    CASE(LOAD_DEREF) {
        Value v = ((Cell *)slots[arg])->v;
        if (!v) {
            SAVE();
            if (arg >= co->nlocals - co->nfree) free_var_error(vm, co, arg);
            else unbound_local(vm, co, arg);
            ERR();
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF) ((Cell *)slots[arg])->v = POP(); DISPATCH();
    CASE(DELETE_DEREF) {
        Cell *c = (Cell *)slots[arg];
        if (!c->v) { SAVE(); unbound_local(vm, co, arg); ERR(); }
        c->v = VNULL;
        DISPATCH();
    }
    CASE(LOAD_CLOSURE) PUSH(slots[arg]); DISPATCH();
    CASE(LOAD_CLASSDEREF) {
        Value name = names[arg & 0xff];
        int slot = arg >> 8;
        SAVE();
        Value v = fr->locals_dict ? dict_get_str(fr->locals_dict, name) : VNULL;
        if (!v) v = ((Cell *)slots[slot])->v;
        if (!v) { free_var_error(vm, co, slot); ERR(); }
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL) {
        Value name = names[arg];
        if (co->caches) {
            AttrCache *gc_ = cache_at(co, ip);
            if (gc_->type == (Type *)fr->globals && gc_->epoch == dict_version(fr->globals) &&
                gc_->epoch2 == dict_version(vm->builtins) && gc_->kind == (int)vm->type_epoch && gc_->descr) {
                PUSH(gc_->descr);
                DISPATCH();
            }
        }
        Value v = dict_get_str(fr->globals, name);
        if (!v) {
            v = dict_get_str(vm->builtins, name);
            if (!v) { SAVE(); name_error(vm, name); ERR(); }
        }
        if (!co->caches) co->caches = calloc((size_t)co->ncode, sizeof(AttrCache));
        if (co->caches) {
            AttrCache *gc_ = cache_at(co, ip);
            gc_->type = (Type *)fr->globals;
            gc_->epoch = dict_version(fr->globals);
            gc_->epoch2 = dict_version(vm->builtins);
            gc_->descr = v;
            gc_->kind = (int)vm->type_epoch;   /* a collection invalidates it */
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_GLOBAL) {
        SAVE();
        Value v = POP();
        if (dict_set(vm, fr->globals, names[arg], v) < 0) ERR();
        DISPATCH();
    }
    CASE(DELETE_GLOBAL) {
        SAVE();
        int r = dict_del(vm, fr->globals, names[arg]);
        if (r < 0) ERR();
        if (r == 0) { name_error(vm, names[arg]); ERR(); }
        DISPATCH();
    }
    CASE(LOAD_NAME) {
        Value name = names[arg];
        Value v = VNULL;
        if (fr->locals_dict) {
            v = dict_get_str(fr->locals_dict, name);
            if (!v && type_of(vm, v_from_obj(fr->locals_dict)) != vm->t_dict) {
                SAVE();
                v = vm_getitem(vm, v_from_obj(fr->locals_dict), name);
                if (!v) { if (!vm_exc_is(vm, vm->e_KeyError)) ERR(); vm_clear_exc(vm); }
            }
        }
        if (!v) v = dict_get_str(fr->globals, name);
        if (!v) v = dict_get_str(vm->builtins, name);
        if (!v) { SAVE(); name_error(vm, name); ERR(); }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_NAME) {
        SAVE();
        Value v = POP();
        Dict *d = fr->locals_dict ? fr->locals_dict : fr->globals;
        if (type_of(vm, v_from_obj(d)) == vm->t_dict) { if (dict_set(vm, d, names[arg], v) < 0) ERR(); }
        else if (vm_setitem(vm, v_from_obj(d), names[arg], v) < 0) ERR();
        DISPATCH();
    }
    CASE(DELETE_NAME) {
        SAVE();
        Dict *d = fr->locals_dict ? fr->locals_dict : fr->globals;
        int r = dict_del(vm, d, names[arg]);
        if (r < 0) ERR();
        if (r == 0) { name_error(vm, names[arg]); ERR(); }
        DISPATCH();
    }
    CASE(LOAD_ATTR) {
        Value obj = TOP();
        if (!v_is_int(obj) && co->caches) {
            Type *t = ((Obj *)obj)->type;
            AttrCache *ac = cache_at(co, ip);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *d = ((Instance *)obj)->dict;
                Value v = d ? dict_hint_hit(d, names[arg], ac->hint) : VNULL;
                if (!v && d) v = dict_get_str_hint(d, names[arg], &ac->hint);
                if (v) { TOP() = v; DISPATCH(); }
            }
        }
        SAVE();
        Value r = vm_getattr(vm, obj, names[arg]);
        CHECKV(r);
        attr_cache_fill(vm, co, ip, obj, names[arg], AC_INSTANCE);
        fuse_with_previous(co, ip);
        TOP() = r;
        DISPATCH();
    }
    CASE(LOAD_FAST_ATTR) {
        /* A LOAD_FAST rewritten once the LOAD_ATTR after it cached an instance attribute: on a
         * cache hit both run here and the LOAD_ATTR is skipped; otherwise this is the plain
         * LOAD_FAST and the LOAD_ATTR runs (and refills its cache) as usual. */
        Value obj = slots[arg];
        if (!v_is_int(obj) && obj) {
            Type *t = ((Obj *)obj)->type;
            AttrCache *ac = cache_at(co, ip + 1);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *d = ((Instance *)obj)->dict;
                Value v = d ? dict_hint_hit(d, names[INSTR_ARG(*ip)], ac->hint) : VNULL;
                if (v) { ip++; PUSH(v); DISPATCH(); }
            }
        }
        if (!obj) { SAVE(); unbound_local(vm, co, arg); ERR(); }
        PUSH(obj);
        DISPATCH();
    }
    CASE(COPY_ATTR) {
        /* the start of `obj.name op= value` (see fuse_with_previous): stack [obj] */
        Value obj = TOP();
        if (!v_is_int(obj)) {
            Type *t = ((Obj *)obj)->type;
            AttrCache *ac = cache_at(co, ip + 1);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *d = ((Instance *)obj)->dict;
                Value v = d ? dict_hint_hit(d, names[INSTR_ARG(*ip)], ac->hint) : VNULL;
                if (v) { ip++; PUSH(v); DISPATCH(); }
            }
        }
        PUSH(obj);
        DISPATCH();
    }
    CASE(STORE_ATTR) {
        Value obj = sp[-1], v = sp[-2];
        if (!v_is_int(obj) && co->caches) {
            Type *t = ((Obj *)obj)->type;
            AttrCache *ac = cache_at(co, ip);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict **slot = &((Instance *)obj)->dict;
                if (*slot && dict_hint_store(*slot, names[arg], ac->hint, v)) { sp -= 2; DISPATCH(); }
                SAVE();
                if (!*slot) { *slot = dict_new(vm); CHECKV(*slot); }
                if (dict_set_str_hint(vm, *slot, names[arg], v, &ac->hint) < 0) ERR();
                sp -= 2;
                DISPATCH();
            }
        }
        SAVE();
        sp -= 2;
        if (vm_setattr(vm, obj, names[arg], v) < 0) ERR();
        attr_cache_fill(vm, co, ip, obj, names[arg], AC_NONE);
        fuse_with_previous(co, ip);
        DISPATCH();
    }
    CASE(LOAD_FAST_STORE_ATTR) {
        /* `local.name = value` (see fuse_with_previous): stack [value] */
        Value obj = slots[arg];
        if (!v_is_int(obj) && obj) {
            Type *t = ((Obj *)obj)->type;
            AttrCache *ac = cache_at(co, ip + 1);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *d = ((Instance *)obj)->dict;
                if (d && dict_hint_store(d, names[INSTR_ARG(*ip)], ac->hint, TOP())) { ip++; sp--; DISPATCH(); }
            }
        }
        if (!obj) { SAVE(); unbound_local(vm, co, arg); ERR(); }
        PUSH(obj);
        DISPATCH();
    }
    CASE(SWAP_STORE_ATTR) {
        /* the end of `obj.name op= value` (see fuse_with_previous): stack [obj, value] */
        Value obj = sp[-2], v = sp[-1];
        if (!v_is_int(obj)) {
            Type *t = ((Obj *)obj)->type;
            AttrCache *ac = cache_at(co, ip + 1);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *d = ((Instance *)obj)->dict;
                if (d && dict_hint_store(d, names[INSTR_ARG(*ip)], ac->hint, v)) { ip++; sp -= 2; DISPATCH(); }
            }
        }
        sp[-2] = v;
        sp[-1] = obj;
        DISPATCH();
    }
    CASE(DELETE_ATTR) {
        SAVE();
        Value obj = POP();
        if (vm_setattr(vm, obj, names[arg], VNULL) < 0) ERR();
        DISPATCH();
    }
    CASE(LOAD_METHOD) {
        /* Avoid allocating a bound method for obj.meth(...): push (function, self). */
        Value obj = TOP(), name = names[arg];
        Type *t = type_of(vm, obj);
        if (co->caches) {
            AttrCache *ac = cache_at(co, ip);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *idict = t->dictoffset ? *(Dict **)((char *)obj + t->dictoffset) : NULL;
                if (!idict || dict_str_surely_absent(idict, name) || !dict_get_str(idict, name)) {
                    sp[-1] = ac->descr;
                    PUSH(obj);
                    DISPATCH();
                }
            }
        }
        SAVE();
        if (t != vm->t_module && t != vm->t_type && t != vm->t_super && t->layout != vm->t_type) {
            Value d = type_lookup(vm, t, name);
            if (d) {
                Type *dt = type_of(vm, d);
                bool plain = dt == vm->t_function ||
                             (dt == vm->t_builtin_function_or_method && (((NativeFunc *)d)->flags & 1));
                if (plain) {
                    Dict *idict = t->dictoffset ? *(Dict **)((char *)obj + t->dictoffset) : NULL;
                    if (!idict || !dict_get_str(idict, name)) {
                        if (!(t->flags & TF_HEAPTYPE) || !type_lookup(vm, t, vm->s___getattribute__) ||
                            type_of(vm, type_lookup(vm, t, vm->s___getattribute__)) != vm->t_function) {
                            attr_cache_fill(vm, co, ip, obj, name, AC_METHOD);
                            fuse_with_previous(co, ip);
                            sp[-1] = d;
                            PUSH(obj);
                            DISPATCH();
                        }
                    }
                }
            }
        }
        Value r = vm_getattr(vm, obj, name);
        CHECKV(r);
        sp[-1] = VNULL;
        PUSH(r);
        DISPATCH();
    }
    CASE(LOAD_FAST_METHOD) {
        /* LOAD_FAST fused with the LOAD_METHOD after it, as LOAD_FAST_ATTR is with LOAD_ATTR */
        Value obj = slots[arg];
        if (obj) {
            Type *t = type_of(vm, obj);
            AttrCache *ac = cache_at(co, ip + 1);
            if (ac->type == t && ac->epoch == vm->type_epoch) {
                Dict *idict = t->dictoffset ? *(Dict **)((char *)obj + t->dictoffset) : NULL;
                Value name = names[INSTR_ARG(*ip)];
                if (!idict || dict_str_surely_absent(idict, name) || !dict_get_str(idict, name)) {
                    ip++;
                    PUSH(ac->descr);
                    PUSH(obj);
                    DISPATCH();
                }
            }
        }
        if (!obj) { SAVE(); unbound_local(vm, co, arg); ERR(); }
        PUSH(obj);
        DISPATCH();
    }
    CASE(CALL) {
        res = sp - arg - 1; callable = res[0]; args = res + 1; nargs = arg;
        goto do_call_positional;
    }
    CASE(CALL_METHOD) {
        res = sp - arg - 2;
        if (res[0]) { callable = res[0]; args = res + 1; nargs = arg + 1; }
        else { callable = res[1]; args = res + 2; nargs = arg; }
        goto do_call_positional;
    }
    CASE(CALL_KW) {
        kwn = POP();
        res = sp - arg - 1; callable = res[0]; args = res + 1;
        nargs = arg - (int)as_tuple(kwn)->n;
        goto do_call;
    }
do_call_positional:
    kwn = VNULL;
    if (!v_is_int(callable) && ((Obj *)callable)->type == vm->t_function && !fr->gen) {
        /* the hot path: exact positional arguments, no cells; the frame is pushed inline */
        Func *f = (Func *)callable;
        Code *c = f->code;
        int32_t nlocals = c->nlocals;
        Value *extent = args + nlocals + c->stacksize;
        if ((c->flags & CO_SIMPLE) && nargs == c->argcount && vm->nframes < vm->recursion_limit &&
            extent + 64 < vm->stack_end) {
            fr->ip = ip;
            fr->sp = res;
            for (int i = nargs; i < nlocals; i++) args[i] = VNULL;
            /* frames sit in one fixed mapping and fr is the top one: the callee's comes next */
            Frame *nf = fr + 1;
            vm->nframes++;
            Value *top = vm->sp_top;
            nf->saved_top = top;
            if (extent > top) {
                vm->sp_top = extent;
                if (extent > vm->stack_hwm) vm->stack_hwm = extent;
            }
            co = c; ip = c->code; sp = slots = args; sp += nlocals;
            nf->code = c; nf->func = f; nf->globals = f->globals; nf->locals_dict = NULL;
            nf->slots = args; nf->sp = sp; nf->ip = ip; nf->gen = NULL;
            nf->entry = 0; nf->handled = VNULL;
            fr = nf;
            consts = c->consts; names = c->names;
            if (vm->interrupt) goto interrupted;
            if (vm->config.step_budget && ++vm->steps > vm->config.step_budget) goto budget;
            DISPATCH();
        }
    }
do_call:
    SAVE();
    if (type_of(vm, callable) == vm->t_function &&
        !(((Func *)callable)->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
        Func *f = (Func *)callable;
        int total = nargs + (kwn ? (int)as_tuple(kwn)->n : 0);
        fr->sp = res;
        if (fr->gen) {
            Value *dst = vm->sp_top;
            if (!stack_room(vm, dst, total + f->code->nlocals + f->code->stacksize)) { fr->sp = sp; recursion_error(vm); ERR(); }
            vmemcpy(dst, args, sizeof(Value) * total);
            args = dst;
        }
        if (push_call_frame(vm, f, args, nargs, kwn, 0) < 0) { fr->sp = sp; ERR(); }
        fr = &vm->frames[vm->nframes - 1];
        LOAD_FRAME();
        if (vm->config.step_budget && ++vm->steps > vm->config.step_budget) goto budget;
        DISPATCH();
    }
    {
        Value r = vm_call(vm, callable, args, nargs, kwn);
        CHECKV(r);
        if (__builtin_expect(INSTR_OP(*ip) == OP_POP_TOP, 0) && v_is_obj(r) && ((Obj *)r)->type->take_unawaited)
            vm_warn_dropped_awaitable(vm, callable, r, co, ip);   /* `f()` as a statement, f async */
        sp = res;
        PUSH(r);
        DISPATCH();
    }
    CASE(CALL_EX) {
        SAVE();
        Value kw = (arg & 1) ? POP() : VNULL;
        Value pos = POP();
        Value fn = POP();
        Value r = call_ex(vm, fn, pos, kw);
        CHECKV(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(BINARY_OP) {
        Value b = sp[-1], a = sp[-2];
        if (v_is_int(a) && v_is_int(b)) {
            /* small-int arithmetic never touches the heap unless the result overflows */
            int64_t x = v_int(a), y = v_int(b), r;
            switch (arg & 15) {
            case OP_ADD: r = x + y; break;
            case OP_SUB: r = x - y; break;
            case OP_MULT:
                if (__builtin_mul_overflow(x, y, &r)) goto binop_slow;
                break;
            case OP_BITAND: r = x & y; break;
            case OP_BITOR: r = x | y; break;
            case OP_BITXOR: r = x ^ y; break;
            case OP_RSHIFT:
                if (y < 0) goto binop_slow;
                r = y > 63 ? (x < 0 ? -1 : 0) : x >> y;
                break;
            case OP_LSHIFT:
                if (y < 0 || y > 61 || (x != 0 && (x >= 0 ? x : -x) >= ((int64_t)1 << (61 - y)))) goto binop_slow;
                r = x << y;
                break;
            case OP_MOD:
                if (y == 0) goto binop_slow;
                r = x % y;
                if (r && ((r < 0) != (y < 0))) r += y;
                break;
            case OP_FLOORDIV: {
                if (y == 0) goto binop_slow;
                int64_t q = x / y;
                if ((x % y) && ((x < 0) != (y < 0))) q--;
                r = q;
                break;
            }
            /* every value of arg & 15 has a case: the jump table needs no range check */
            case OP_MATMULT: case OP_DIV: case OP_POW: case 13: case 14: case 15: goto binop_slow;
            }
            if (!smallint_fits(r)) goto binop_slow;
            sp[-2] = v_from_int(r);
            sp--;
            DISPATCH();
        } else if (!v_is_int(a) && !v_is_int(b) && ((Obj *)a)->type == vm->t_float && ((Obj *)b)->type == vm->t_float) {
            int k = arg & 15;
            double x = float_val(a), y = float_val(b), r;
            if (k == OP_ADD) r = x + y;
            else if (k == OP_SUB) r = x - y;
            else if (k == OP_MULT) r = x * y;
            else goto binop_slow;
            SAVE();
            Value fv = float_new(vm, r);
            CHECKV(fv);
            sp[-2] = fv; sp--;
            DISPATCH();
        }
    binop_slow:
        SAVE();
        Value r = vm_binop(vm, arg, a, b);
        CHECKV(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(UNARY_NEGATIVE) {
        SAVE();
        Value r = vm_unaryop(vm, UOP_USUB, TOP());
        CHECKV(r); TOP() = r; DISPATCH();
    }
    CASE(UNARY_POSITIVE) {
        SAVE();
        Value r = vm_unaryop(vm, UOP_UADD, TOP());
        CHECKV(r); TOP() = r; DISPATCH();
    }
    CASE(UNARY_INVERT) {
        SAVE();
        Value r = vm_unaryop(vm, UOP_INVERT, TOP());
        CHECKV(r); TOP() = r; DISPATCH();
    }
    CASE(UNARY_NOT) {
        Value v = TOP();
        if (v == vm->true_) { TOP() = vm->false_; DISPATCH(); }
        if (v == vm->false_ || v == vm->none) { TOP() = vm->true_; DISPATCH(); }
        SAVE();
        int t = vm_truthy(vm, v);
        if (t < 0) ERR();
        TOP() = vm_bool(vm, !t);
        DISPATCH();
    }
    CASE(COMPARE_OP) {
        Value b = sp[-1], a = sp[-2];
        if (v_is_int(a) && v_is_int(b)) {
            int64_t x = v_int(a), y = v_int(b);
            bool r;
            switch (arg) {
            case CMP_EQ: r = x == y; break;
            case CMP_NOTEQ: r = x != y; break;
            case CMP_LT: r = x < y; break;
            case CMP_LTE: r = x <= y; break;
            case CMP_GT: r = x > y; break;
            default: r = x >= y; break;
            }
            sp -= 2;
            /* fuse with a following conditional jump: no bool is materialised */
            uint32_t nx = *ip;
            if (INSTR_OP(nx) == OP_POP_JUMP_IF_FALSE) { ip++; if (!r) JUMPTO(INSTR_ARG(nx)); DISPATCH(); }
            if (INSTR_OP(nx) == OP_POP_JUMP_IF_TRUE) { ip++; if (r) JUMPTO(INSTR_ARG(nx)); DISPATCH(); }
            PUSH(vm_bool(vm, r));
            DISPATCH();
        }
        SAVE();
        Value r = vm_richcmp(vm, a, b, arg);
        CHECKV(r);
        sp[-2] = r; sp--;
        DISPATCH();
    }
    CASE(IS_OP) {
        Value b = POP(), a = TOP();
        TOP() = vm_bool(vm, (a == b) != (arg != 0));
        DISPATCH();
    }
    CASE(CONTAINS_OP) {
        SAVE();
        Value c = sp[-1], x = sp[-2];
        int r;
        Type *ct = type_of(vm, c);
        if (ct == vm->t_dict) { Value dummy; r = dict_get(vm, (Dict *)c, x, &dummy); }
        else if (ct == vm->t_set || ct == vm->t_frozenset) r = set_contains(vm, c, x);
        else if (ct == vm->t_list) r = list_contains(vm, c, x);
        else if (ct == vm->t_tuple) r = tuple_contains(vm, c, x);
        else r = vm_contains(vm, c, x);
        if (r < 0) ERR();
        sp[-2] = vm_bool(vm, (r != 0) != (arg != 0)); sp--;
        DISPATCH();
    }
    CASE(BINARY_SUBSCR) {
        SAVE();
        Value k = sp[-1], o = sp[-2];
        Value r;
        Type *t = type_of(vm, o);
        if (t == vm->t_list && v_is_int(k)) {
            int64_t i = v_int(k), n = as_list(o)->n;
            if (i < 0) i += n;
            if (i >= 0 && i < n) { sp[-2] = as_list(o)->items[i]; sp--; DISPATCH(); }
        }
        if (t == vm->t_dict) {
            r = dict_getitem(vm, o, k);
        } else {
            r = vm_getitem(vm, o, k);
        }
        CHECKV(r);
        sp[-2] = r; sp--;
        DISPATCH();
    }
    CASE(STORE_SUBSCR) {
        SAVE();
        Value k = sp[-1], o = sp[-2], v = sp[-3];
        if (type_of(vm, o) == vm->t_list && v_is_int(k)) {
            int64_t i = v_int(k), n = as_list(o)->n;
            if (i < 0) i += n;
            if (i >= 0 && i < n) { as_list(o)->items[i] = v; sp -= 3; DISPATCH(); }
        }
        int r = type_of(vm, o) == vm->t_dict ? dict_set(vm, (Dict *)o, k, v) : vm_setitem(vm, o, k, v);
        if (r < 0) ERR();
        sp -= 3;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR) {
        SAVE();
        if (vm_setitem(vm, sp[-2], sp[-1], VNULL) < 0) ERR();
        sp -= 2;
        DISPATCH();
    }
    CASE(BUILD_SLICE) {
        SAVE();
        Slice *s = gc_alloc(vm, vm->t_slice, sizeof(Slice));
        CHECKV(s);
        if (arg == 3) { s->step = POP(); } else s->step = vm->none;
        s->stop = POP();
        s->start = POP();
        PUSH(v_from_obj(s));
        DISPATCH();
    }
    CASE(BUILD_TUPLE) {
        SAVE();
        Value t = arg ? tuple_new(vm, arg) : vm->empty_tuple;
        CHECKV(t);
        sp -= arg;
        if (arg) vmemcpy(as_tuple(t)->items, sp, sizeof(Value) * arg);
        PUSH(t);
        DISPATCH();
    }
    CASE(BUILD_LIST) {
        SAVE();
        Value l = list_new(vm, arg);
        CHECKV(l);
        sp -= arg;
        for (int i = 0; i < arg; i++) list_append(vm, l, sp[i]);
        PUSH(l);
        DISPATCH();
    }
    CASE(BUILD_SET) {
        SAVE();
        Value st = set_new(vm, vm->t_set);
        CHECKV(st);
        sp -= arg;
        for (int i = 0; i < arg; i++) if (set_add(vm, st, sp[i]) < 0) { sp += arg; ERR(); }
        PUSH(st);
        DISPATCH();
    }
    CASE(BUILD_MAP) {
        SAVE();
        Dict *d = dict_new(vm);
        CHECKV(d);
        sp -= 2 * arg;
        for (int i = 0; i < arg; i++)
            if (dict_set(vm, d, sp[2 * i], sp[2 * i + 1]) < 0) { sp += 2 * arg; ERR(); }
        PUSH(v_from_obj(d));
        DISPATCH();
    }
    CASE(LIST_APPEND) {
        SAVE();
        Value v = POP();
        if (list_append(vm, sp[-arg], v) < 0) ERR();
        DISPATCH();
    }
    CASE(SET_ADD) {
        SAVE();
        Value v = POP();
        if (set_add(vm, sp[-arg], v) < 0) ERR();
        DISPATCH();
    }
    CASE(MAP_ADD) {
        SAVE();
        Value v = POP(), k = POP();
        if (dict_set(vm, (Dict *)sp[-arg], k, v) < 0) ERR();
        DISPATCH();
    }
    CASE(LIST_EXTEND) {
        /* arg & 0xff: the list's depth; arg & 0x100: building call arguments (f(*x)) */
        SAVE();
        Value it = POP();
        int depth = arg & 0xff;
        if (list_extend(vm, sp[-depth], it) < 0) {
            if (vm_exc_is(vm, vm->e_TypeError) && !type_lookup(vm, type_of(vm, it), vm->s___iter__) &&
                !type_lookup(vm, type_of(vm, it), vm->s___getitem__)) {
                vm_clear_exc(vm);
                if (arg & 0x100) {
                    char fb[300];
                    vm_raise(vm, vm->e_TypeError, "%s argument after * must be an iterable, not %s",
                             func_str(vm, sp[-depth - 1], fb, sizeof fb), type_name(vm, it));
                } else {
                    vm_raise(vm, vm->e_TypeError, "Value after * must be an iterable, not %s", type_name(vm, it));
                }
            }
            ERR();
        }
        DISPATCH();
    }
    CASE(SET_UPDATE) {
        SAVE();
        Value it = POP();
        if (set_update(vm, sp[-arg], it) < 0) ERR();
        DISPATCH();
    }
    CASE(DICT_UPDATE) {
        SAVE();
        Value m = POP();
        if (!type_lookup(vm, type_of(vm, m), vm->s_keys)) {
            vm_raise(vm, vm->e_TypeError, "'%s' object is not a mapping", type_name(vm, m));
            ERR();
        }
        if (dict_update(vm, (Dict *)sp[-arg], m) < 0) ERR();
        DISPATCH();
    }
    CASE(DICT_MERGE) {
        SAVE();
        Value m = POP();
        Dict *d = (Dict *)sp[-arg];
        Value callee = sp[-arg - 2];
        char fb[300];
        if (!type_lookup(vm, type_of(vm, m), vm->s_keys)) {
            vm_raise(vm, vm->e_TypeError, "%s argument after ** must be a mapping, not %s",
                     func_str(vm, callee, fb, sizeof fb), type_name(vm, m));
            ERR();
        }
        Value keys = vm_call_method(vm, m, vm->s_keys, NULL, 0);
        CHECKV(keys);
        Value it = vm_iter(vm, keys);
        CHECKV(it);
        for (;;) {
            Value k = vm_next(vm, it);
            if (!k) { if (vm->exc) ERR(); break; }
            if (!isinst(vm, k, vm->t_str)) {
                vm_raise(vm, vm->e_TypeError, "keywords must be strings");
                ERR();
            }
            Value dummy;
            int has = dict_get(vm, d, k, &dummy);
            if (has < 0) ERR();
            if (has) {
                vm_raise(vm, vm->e_TypeError, "%s got multiple values for keyword argument '%s'",
                         func_str(vm, callee, fb, sizeof fb), str_cstr(k));
                ERR();
            }
            Value v = vm_getitem(vm, m, k);
            CHECKV(v);
            if (dict_set(vm, d, k, v) < 0) ERR();
        }
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
        SAVE();
        Value t = vm_to_tuple(vm, TOP());
        CHECKV(t);
        TOP() = t;
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
        SAVE();
        Value seq = TOP();
        Type *t = type_of(vm, seq);
        Value *items; int64_t n;
        Value tmp = VNULL;
        if (t == vm->t_tuple) { items = as_tuple(seq)->items; n = as_tuple(seq)->n; }
        else if (t == vm->t_list) { items = as_list(seq)->items; n = as_list(seq)->n; }
        else {
            Value it = vm_iter(vm, seq);
            if (!it) {
                if (vm_exc_is(vm, vm->e_TypeError)) {
                    vm_clear_exc(vm);
                    vm_raise(vm, vm->e_TypeError, "cannot unpack non-iterable %s object", t->name);
                }
                ERR();
            }
            tmp = list_new(vm, arg);
            CHECKV(tmp);
            for (int64_t i = 0;; i++) {
                Value x = vm_next(vm, it);
                if (!x) { if (vm->exc) ERR(); break; }
                if (i >= arg) { vm_raise(vm, vm->e_ValueError, "too many values to unpack (expected %d)", arg); ERR(); }
                list_append(vm, tmp, x);
            }
            items = as_list(tmp)->items; n = as_list(tmp)->n;
        }
        if (n != arg) {
            if (n > arg) vm_raise(vm, vm->e_ValueError, "too many values to unpack (expected %d)", arg);
            else vm_raise(vm, vm->e_ValueError, "not enough values to unpack (expected %d, got %lld)", arg, (long long)n);
            ERR();
        }
        sp--;
        for (int i = arg; i-- > 0;) PUSH(items[i]);
        GC_KEEP(tmp);
        GC_KEEP(seq);
        DISPATCH();
    }
    CASE(UNPACK_EX) {
        SAVE();
        int before = arg & 0xff, after = arg >> 8;
        Value seq = TOP();
        Value l = list_new(vm, 0);
        CHECKV(l);
        if (list_extend(vm, l, seq) < 0) {
            if (vm_exc_is(vm, vm->e_TypeError)) {
                vm_clear_exc(vm);
                vm_raise(vm, vm->e_TypeError, "cannot unpack non-iterable %s object", type_name(vm, seq));
            }
            ERR();
        }
        int64_t n = as_list(l)->n;
        if (n < before + after) {
            vm_raise(vm, vm->e_ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after, (long long)n);
            ERR();
        }
        sp--;
        Value *items = as_list(l)->items;
        for (int i = 0; i < after; i++) PUSH(items[n - 1 - i]);
        Value mid = list_new(vm, n - before - after);
        CHECKV(mid);
        for (int64_t i = before; i < n - after; i++) list_append(vm, mid, items[i]);
        PUSH(mid);
        for (int i = before; i-- > 0;) PUSH(items[i]);
        GC_KEEP(l);
        DISPATCH();
    }
    CASE(GET_ITER) {
        SAVE();
        Value it = vm_iter(vm, TOP());
        CHECKV(it);
        TOP() = it;
        DISPATCH();
    }
    CASE(FOR_ITER) {
        Value it = TOP();
        Type *t = type_of(vm, it);
        if (t == vm->t_range_iterator) {
            Value v;
            if (range_iter_next(it, &v)) { PUSH(v); DISPATCH(); }
            sp--; JUMPTO(arg); DISPATCH();
        }
        if (t == vm->t_list_iterator) {
            Value v;
            if (list_iter_next(it, &v)) { PUSH(v); DISPATCH(); }
            sp--; JUMPTO(arg); DISPATCH();
        }
        if (t == vm->t_str_ascii_iterator || t == vm->t_str_iterator) {
            SAVE();
            Value v = str_iter_next(vm, it);
            if (v) { PUSH(v); DISPATCH(); }
            if (vm->exc) ERR();
            sp--; JUMPTO(arg); DISPATCH();
        }
        SAVE();
        if (t == vm->t_generator) {
            Gen *g = (Gen *)it;
            if (g->state == GEN_CLOSED) { sp--; JUMPTO(arg); DISPATCH(); }
            if (gen_push_frame(vm, g, vm->none, 0) < 0) ERR();
            fr = &vm->frames[vm->nframes - 1];
            LOAD_FRAME();
            DISPATCH();
        }
        Value v = vm_next(vm, it);
        if (!v) {
            if (vm->exc) ERR();
            sp--; JUMPTO(arg); DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(JUMP) {
        uint32_t *target = co->code + arg;
        if (target <= ip) {
            if (vm->interrupt) goto interrupted;
            if (vm->config.step_budget && (vm->steps += 1) > vm->config.step_budget) goto budget;
        }
        ip = target;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v_is_int(v)) { if (!v_int(v)) JUMPTO(arg); DISPATCH(); }
        if (v == vm->false_ || v == vm->none) { JUMPTO(arg); DISPATCH(); }
        if (v == vm->true_) DISPATCH();
        SAVE();
        int t = vm_truthy(vm, v);
        if (t < 0) ERR();
        if (!t) JUMPTO(arg);
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v_is_int(v)) { if (v_int(v)) JUMPTO(arg); DISPATCH(); }
        if (v == vm->true_) { JUMPTO(arg); DISPATCH(); }
        if (v == vm->false_ || v == vm->none) DISPATCH();
        SAVE();
        int t = vm_truthy(vm, v);
        if (t < 0) ERR();
        if (t) JUMPTO(arg);
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
        SAVE();
        int t = vm_truthy(vm, TOP());
        if (t < 0) ERR();
        if (!t) JUMPTO(arg); else sp--;
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
        SAVE();
        int t = vm_truthy(vm, TOP());
        if (t < 0) ERR();
        if (t) JUMPTO(arg); else sp--;
        DISPATCH();
    }
    CASE(RETURN_VALUE) {
        Value r = POP();
        Gen *g = fr->gen;
        if (g) {
            gen_frame_closed(vm, g);
            gen_set_exc_state(g, VNULL);
            vm->handled = fr->handled;
        }
        int entry = fr->entry;
        vm->sp_top = fr->saved_top;
        vm->nframes--;
        if (entry) { vm->yielded = 0; return r; }
        fr = &vm->frames[vm->nframes - 1];
        LOAD_FRAME();
        if (g) {
            /* a generator run inline by FOR_ITER or SEND has finished */
            uint32_t prev = ip[-1];
            if (INSTR_OP(prev) == OP_FOR_ITER) { sp--; JUMPTO(INSTR_ARG(prev)); DISPATCH(); }
            /* SEND: replace the delegate by the return value, jump to the target */
            sp[-1] = r;
            JUMPTO(INSTR_ARG(prev));
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }
    CASE(YIELD_VALUE) {
        Value v = POP();
        Gen *g = fr->gen;
        if (g->kind == GK_ASYNCGEN && !(arg & 1)) {
            SAVE();
            v = gen_wrap_asyncgen_value(vm, v);
            CHECKV(v);
        }
        /* the innermost yielder of an await chain is where its task resumes; the SEND loops
         * above it (arg 1, a generator delegate at TOS) only pass the value up */
        if (arg != 1 || !v_is_obj(TOP()) || !(((Obj *)TOP())->type == vm->t_coroutine || ((Obj *)TOP())->type == vm->t_generator))
            vm->yield_leaf = g;
        SAVE();
        gen_save_frame(g, fr);
        g->state = GEN_SUSPENDED;
        check_no_exc_slot(vm, g);
        gen_set_exc_state(g, vm->handled == vm->none ? VNULL : vm->handled);
        vm->handled = fr->handled;
        int entry = fr->entry;
        vm->sp_top = fr->saved_top;
        vm->nframes--;
        if (entry) { vm->yielded = 1; return v; }
        fr = &vm->frames[vm->nframes - 1];
        LOAD_FRAME();
        PUSH(v);   /* FOR_ITER: the next item; SEND: the value to pass up */
        DISPATCH();
    }
    CASE(GET_YIELD_FROM_ITER) {
        Value v = TOP();
        Type *t = type_of(vm, v);
        if (t == vm->t_generator) DISPATCH();
        if (t == vm->t_coroutine) {
            if (!(co->flags & (CO_COROUTINE))) {
                SAVE();
                vm_raise(vm, vm->e_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                ERR();
            }
            DISPATCH();
        }
        SAVE();
        Value it = vm_iter(vm, v);
        CHECKV(it);
        TOP() = it;
        DISPATCH();
    }
    CASE(SEND) {
        /* stack: [delegate, value] */
        Value v = POP();
        Value d = TOP();
        Type *t = type_of(vm, d);
        SAVE();
        if (t == vm->t_generator || t == vm->t_coroutine) {
            Gen *g = (Gen *)d;
            g->awaiter = fr->gen;
            if (gen_push_frame(vm, g, v, 0) < 0) ERR();
            fr = &vm->frames[vm->nframes - 1];
            LOAD_FRAME();
            DISPATCH();
        }
        bool done;
        Value r = t->am_send ? t->am_send(vm, d, v, &done) : vm_send_nongen(vm, d, v, &done);
        CHECKV(r);
        if (done) { TOP() = r; JUMPTO(arg); DISPATCH(); }
        PUSH(r);
        DISPATCH();
    }
    CASE(GET_AWAITABLE) {
        {
            Value a = TOP();
            if (!v_is_int(a) && ((Obj *)a)->type == vm->t_coroutine && ((Gen *)a)->state == GEN_CREATED) {
                ((Gen *)a)->awaited = 1;   /* the common `await coro()`: nothing to check */
                DISPATCH();
            }
        }
        SAVE();
        Value a = vm_get_awaitable(vm, TOP(), arg);
        CHECKV(a);
        TOP() = a;
        DISPATCH();
    }
    CASE(GET_AITER) {
        SAVE();
        Value o = TOP();
        bool found;
        Value r = vm_call_dunder(vm, o, vm->s___aiter__, NULL, 0, &found);
        if (!found) {
            vm_raise(vm, vm->e_TypeError, "'async for' requires an object with __aiter__ method, got %s", type_name(vm, o));
            ERR();
        }
        CHECKV(r);
        if (!type_lookup(vm, type_of(vm, r), vm->s___anext__)) {
            vm_raise(vm, vm->e_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", type_name(vm, r));
            ERR();
        }
        TOP() = r;
        DISPATCH();
    }
    CASE(GET_ANEXT) {
        SAVE();
        Value o = TOP();
        bool found;
        Value r = vm_call_dunder(vm, o, vm->s___anext__, NULL, 0, &found);
        if (!found) {
            vm_raise(vm, vm->e_TypeError, "'async for' requires an iterator with __anext__ method, got %s", type_name(vm, o));
            ERR();
        }
        CHECKV(r);
        Value a = vm_get_awaitable(vm, r, 3);
        CHECKV(a);
        PUSH(a);
        DISPATCH();
    }
    CASE(END_ASYNC_FOR) {
        /* stack: [aiter, exc] */
        Value e = POP();
        if (isinst(vm, e, vm->e_StopAsyncIteration)) { sp--; DISPATCH(); }
        SAVE();
        vm->exc = e;
        tb_skip = true;
        goto error;
    }
    CASE(ASYNC_GEN_WRAP) DISPATCH();
    CASE(MAKE_FUNCTION) {
        SAVE();
        Value qualname = POP();
        Value code = POP();
        Value closure = (arg & 4) ? POP() : VNULL;
        Value annotations = (arg & 8) ? POP() : VNULL;
        Value kwdefaults = (arg & 2) ? POP() : VNULL;
        Value defaults = (arg & 1) ? POP() : VNULL;
        Value f = func_new(vm, (Code *)code, fr->globals, qualname);
        CHECKV(f);
        ((Func *)f)->closure = closure;
        ((Func *)f)->kwdefaults = kwdefaults;
        ((Func *)f)->defaults = defaults;
        ((Func *)f)->annotations = annotations;
        PUSH(f);
        DISPATCH();
    }
    CASE(RAISE_VARARGS) {
        SAVE();
        if (arg == 0) {
            Value h = vm_handled(vm);
            if (!h) { vm_raise(vm, vm->e_RuntimeError, "No active exception to reraise"); ERR(); }
            vm->exc = h;
            tb_skip = false;
            goto error;
        }
        Value cause = arg == 2 ? POP() : VNULL;
        Value e = POP();
        if (isinst(vm, e, vm->t_type) && (((Type *)e)->flags & TF_EXCEPTION)) {
            e = vm_call(vm, e, NULL, 0, VNULL);
            CHECKV(e);
        }
        if (!isinst(vm, e, vm->e_BaseException)) {
            vm_raise(vm, vm->e_TypeError, "exceptions must derive from BaseException");
            ERR();
        }
        if (arg == 2) {
            if (isinst(vm, cause, vm->t_type) && (((Type *)cause)->flags & TF_EXCEPTION)) {
                cause = vm_call(vm, cause, NULL, 0, VNULL);
                CHECKV(cause);
            }
            if (cause == vm->none) {
                ((ExcObj *)e)->cause = VNULL;
            } else if (!isinst(vm, cause, vm->e_BaseException)) {
                vm_raise(vm, vm->e_TypeError, "exception causes must derive from BaseException");
                ERR();
            } else {
                ((ExcObj *)e)->cause = cause;
            }
            ((ExcObj *)e)->suppress_context = 1;
        }
        vm_raise_value(vm, e);
        goto error;
    }
    CASE(RERAISE) {
        SAVE();
        vm->exc = POP();
        tb_skip = true;
        goto error;
    }
    CASE(PUSH_EXC_INFO) {
        Value e = TOP();
        TOP() = vm->handled ? vm->handled : vm->none;
        PUSH(e);
        vm->handled = e;
        DISPATCH();
    }
    CASE(POP_EXCEPT) {
        Value prev = POP();
        vm->handled = prev == vm->none ? VNULL : prev;
        DISPATCH();
    }
    CASE(CHECK_EXC_MATCH) {
        SAVE();
        Value t = TOP();
        if (check_exc_match_type(vm, t) < 0) ERR();
        int r = vm_isinstance(vm, SECOND(), t);
        if (r < 0) ERR();
        TOP() = vm_bool(vm, r);
        DISPATCH();
    }
    CASE(CHECK_EG_MATCH) {
        /* [exc, type] -> [rest, match] (match is None when nothing matched) */
        SAVE();
        Value t = POP();
        if (check_exc_match_type(vm, t) < 0) ERR();
        Value rest;
        Value m = exc_match_group(vm, TOP(), t, &rest);
        CHECKV(m);
        TOP() = rest;
        PUSH(m);
        if (m != vm->none) vm->handled = m;
        DISPATCH();
    }
    CASE(PREP_RERAISE_STAR) {
        /* [orig, list of raised] -> [exception to raise or None] */
        SAVE();
        Value l = POP();
        Value r = exc_prep_reraise_star(vm, TOP(), l);
        CHECKV(r);
        TOP() = r;
        DISPATCH();
    }
    CASE(BEFORE_WITH) {
        SAVE();
        if (!enter_context(vm, sp - 1, false)) ERR();
        sp++;
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH) {
        SAVE();
        if (!enter_context(vm, sp - 1, true)) ERR();
        sp++;
        DISPATCH();
    }
    CASE(WITH_EXCEPT_START) {
        /* [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)] */
        SAVE();
        Value e = sp[-1];
        Value exitf = sp[-3];
        Value tb = ((ExcObj *)e)->traceback ? ((ExcObj *)e)->traceback : vm->none;
        Value a[3] = { v_from_obj(type_of(vm, e)), e, tb };
        Value r = vm_call(vm, exitf, a, 3, VNULL);
        CHECKV(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR) PUSH(v_from_obj(vm->e_AssertionError)); DISPATCH();
    CASE(FORMAT_VALUE) {
        SAVE();
        Value spec = (arg & 4) ? POP() : VNULL;
        Value r = format_value(vm, TOP(), arg & 3, spec);
        CHECKV(r);
        TOP() = r;
        DISPATCH();
    }
    CASE(BUILD_STRING) {
        SAVE();
        StrBuf sb; sb_init(&sb);
        for (int i = arg; i > 0; i--) { Str *s = as_str(sp[-i]); sb_add(&sb, s->data, s->len); }
        Value r = str_new(vm, sb.data ? sb.data : "", sb.len);
        sb_free(&sb);
        CHECKV(r);
        sp -= arg;
        PUSH(r);
        DISPATCH();
    }
    CASE(IMPORT_NAME) {
        SAVE();
        Value fromlist = POP();
        Value level = TOP();
        Value m = vm_import(vm, names[arg], fromlist, (int)v_int(level), fr->globals);
        CHECKV(m);
        TOP() = m;
        DISPATCH();
    }
    CASE(IMPORT_FROM) {
        SAVE();
        Value r = vm_import_from(vm, TOP(), names[arg]);
        CHECKV(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(IMPORT_STAR) {
        SAVE();
        Value m = POP();
        if (vm_import_star(vm, m, fr->locals_dict ? fr->locals_dict : fr->globals) < 0) ERR();
        DISPATCH();
    }
    CASE(PRINT_EXPR) {
        SAVE();
        Value v = POP();
        if (!vm_print_expr(vm, v)) ERR();
        DISPATCH();
    }
    CASE(SETUP_ANNOTATIONS) {
        SAVE();
        Dict *d = fr->locals_dict ? fr->locals_dict : fr->globals;
        if (!dict_get_str(d, vm->s___annotations__)) {
            Value a = dict_new_v(vm);
            CHECKV(a);
            dict_set(vm, d, vm->s___annotations__, a);
        }
        DISPATCH();
    }
    CASE(RETURN_GENERATOR) DISPATCH();
    CASE(LOAD_BUILD_CLASS) {
        Value b = dict_get_str(vm->builtins, vm->s___build_class__);
        PUSH(b);
        DISPATCH();
    }

#if !defined(__GNUC__)
    }
#endif

interrupted:
    SAVE();
    vm->interrupt = 0;
    vm_raise_value(vm, exc_new(vm, vm->e_KeyboardInterrupt, NULL, 0));
    goto error;

budget:
    SAVE();
    vm_budget_exhausted(vm);
    goto error;

error:
    /* vm->exc holds the exception; find a handler in this frame or unwind. */
    for (;;) {
        if (!tb_skip) exc_add_traceback_at(vm, vm->exc, co, ip);
        tb_skip = false;
        int64_t idx = ip - co->code - 1;
        if (idx < 0) idx = 0;
        /* a spent step budget unwinds everything: except/finally blocks must not run on */
        for (int32_t i = 0; i < (vm->budget_spent ? 0 : co->nexc); i++) {
            ExcEntry *e = &co->exc[i];
            if (idx >= e->start && idx < e->end) {
                sp = slots + co->nlocals + e->depth;
                PUSH(vm->exc);
                vm->exc = VNULL;
                JUMPTO(e->target);
                DISPATCH();
            }
        }
        Gen *g = fr->gen;
        if (g) {
            /* StopIteration must not escape a generator (PEP 479) */
            Type *stop = g->kind == GK_ASYNCGEN ? vm->e_StopAsyncIteration : vm->e_StopIteration;
            if (isinst(vm, vm->exc, stop) || (g->kind == GK_ASYNCGEN && isinst(vm, vm->exc, vm->e_StopIteration))) {
                Value orig = vm->exc;
                const char *what = g->kind == GK_COROUTINE ? "coroutine" : g->kind == GK_ASYNCGEN ? "async generator" : "generator";
                const char *which = isinst(vm, orig, vm->e_StopAsyncIteration) ? "StopAsyncIteration" : "StopIteration";
                vm->exc = VNULL;
                vm_raise(vm, vm->e_RuntimeError, "%s raised %s", what, which);
                ((ExcObj *)vm->exc)->cause = orig;
                ((ExcObj *)vm->exc)->context = orig;
                ((ExcObj *)vm->exc)->suppress_context = 1;
            }
            gen_frame_closed(vm, g);
            gen_set_exc_state(g, VNULL);
            vm->handled = fr->handled;
        }
        int entry = fr->entry;
        vm->sp_top = fr->saved_top;
        vm->nframes--;
        if (entry) { vm->yielded = 0; return VNULL; }
        fr = &vm->frames[vm->nframes - 1];
        LOAD_FRAME();
    }
}
