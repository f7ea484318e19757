/* compile.c — code generation for statements, compilation units (one per function, class body,
 * comprehension, module), labels and the exception table, and assembly into Code objects.
 *
 * Exception handling is zero-cost as in CPython 3.11: every instruction records the handler
 * active when it was emitted; assembly turns runs of equal handlers into ExcEntry rows. Leaving
 * a try/with/except block early (return, break, continue) emits the block's cleanup inline with
 * the handler popped, so the cleanup itself is not protected by the block it leaves. */
#include "lang/compiler_internal.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n) { void *r = realloc(p, n); if (!r) abort(); return r; }

void c_error(Compiler *c, const Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->kind = "SyntaxError";
    c->err->line = n ? n->line : (c->u ? c->u->line : 1);
    c->err->col = n ? n->col + 1 : 1;
    c->err->end_line = n ? n->end_line : c->err->line;
    c->err->end_col = n ? n->end_col + 1 : 0;
    longjmp(c->fail, 1);
}

Value c_str(Compiler *c, const char *s) { return str_intern_cstr(c->vm, s); }

void c_set_line(Compiler *c, const Node *n) {
    if (!n || n->line <= 0) return;
    c->u->line = n->line;
    uint32_t col = n->col < 0xffff ? (uint32_t)n->col : 0xfffe;
    uint32_t end = n->end_line != n->line || n->end_col >= 0xffff || n->end_col <= n->col ? 0xffff : (uint32_t)n->end_col;
    c->u->pos = col | end << 16;
}

static int effect(int op, int arg) {
    switch (op) {
    case OP_CALL: return -arg;
    case OP_CALL_METHOD: return -arg - 1;
    case OP_CALL_KW: return -arg - 1;
    case OP_CALL_EX: return (arg & 1) ? -2 : -1;   /* [fn, args, kwargs?] -> [result] */
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_FOR_ITER: return 1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return -1;
    case OP_MAKE_FUNCTION: return -1 - ((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case OP_RAISE_VARARGS: return -arg;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    default: return op_effects[op];
    }
}

int c_emit(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 64;
        u->code = xrealloc(u->code, sizeof(uint32_t) * u->cap);
        u->lines = xrealloc(u->lines, sizeof(int32_t) * u->cap);
        u->poss = xrealloc(u->poss, sizeof(uint32_t) * u->cap);
        u->hidx = xrealloc(u->hidx, sizeof(int32_t) * u->cap);
        u->isjump = xrealloc(u->isjump, u->cap);
    }
    if (arg < 0 || arg >= (1 << 24)) c_error(c, NULL, "too many items in code object");
    u->code[u->n] = INSTR(op, arg);
    u->lines[u->n] = u->line;
    u->poss[u->n] = u->pos;
    u->hidx[u->n] = u->nh ? u->hstack[u->nh - 1] : -1;
    u->isjump[u->n] = 0;
    u->depth += effect(op, arg);
    if (u->depth > u->maxdepth) u->maxdepth = u->depth;
    if (u->depth < 0) u->depth = 0;
    return u->n++;
}

int c_new_label(Compiler *c) {
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        u->caplabels = u->caplabels ? u->caplabels * 2 : 32;
        u->labels = xrealloc(u->labels, sizeof(int) * u->caplabels);
        u->label_depth = xrealloc(u->label_depth, sizeof(int) * u->caplabels);
    }
    u->labels[u->nlabels] = -1;
    u->label_depth[u->nlabels] = -1;
    return u->nlabels++;
}

void c_bind(Compiler *c, int label) {
    Unit *u = c->u;
    u->labels[label] = u->n;
    if (u->label_depth[label] >= 0) u->depth = u->label_depth[label];
}

static void note_depth(Unit *u, int label, int d) {
    if (u->label_depth[label] < d) u->label_depth[label] = d;
    if (d > u->maxdepth) u->maxdepth = d;
}

void c_jump(Compiler *c, int op, int label) {
    Unit *u = c->u;
    int before = u->depth;
    int at = c_emit(c, op, label);
    u->isjump[at] = 1;
    switch (op) {
    case OP_JUMP: note_depth(u, label, before); break;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: note_depth(u, label, before - 1); break;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: note_depth(u, label, before); break;
    case OP_FOR_ITER: note_depth(u, label, before - 1); break;
    case OP_SEND: note_depth(u, label, before - 1); break;
    }
}

void c_push_handler(Compiler *c, int label, int depth) {
    Unit *u = c->u;
    if (u->nhandlers == u->caphandlers) {
        u->caphandlers = u->caphandlers ? u->caphandlers * 2 : 16;
        u->handlers = xrealloc(u->handlers, sizeof(Handler) * u->caphandlers);
    }
    u->handlers[u->nhandlers].label = label;
    u->handlers[u->nhandlers].depth = depth;
    if (u->nh >= 64) c_error(c, NULL, "too many statically nested blocks");
    u->hstack[u->nh++] = u->nhandlers++;
    note_depth(u, label, depth + 1);
}

void c_pop_handler(Compiler *c) { c->u->nh--; }

int c_const(Compiler *c, Value v) {
    VM *vm = c->vm;
    List *l = as_list(c->u->consts);
    for (int64_t i = 0; i < l->n; i++) {
        Value x = l->items[i];
        if (x == v) return (int)i;
        Type *tx = type_of(vm, x), *tv = type_of(vm, v);
        if (tx == tv && (tx == vm->t_str || tx == vm->t_int)) {
            if (tx == vm->t_str ? str_eq(as_str(x), as_str(v)) : vm_eq(vm, x, v) == 1) return (int)i;
        }
    }
    list_append(vm, c->u->consts, v);
    return (int)(l->n - 1);
}

void c_load_const(Compiler *c, Value v) { c_emit(c, OP_LOAD_CONST, c_const(c, v)); }

int c_attr_name(Compiler *c, const char *s) {
    return c_name(c, mangle_name(c->arena, c->u->scope->private_name, s));
}

int c_name(Compiler *c, const char *s) {
    Value k = c_str(c, s);
    Value idx;
    if (dict_get(c->vm, c->u->name_index, k, &idx) == 1) return (int)v_int(idx);
    int i = (int)as_list(c->u->names)->n;
    list_append(c->vm, c->u->names, k);
    dict_set(c->vm, c->u->name_index, k, v_from_int(i));
    return i;
}

/* ---- units ---- */

static int slot_of(Unit *u, const char *name) {
    for (int i = 0; i < u->nslots; i++) if (strcmp(u->slotnames[i], name) == 0) return i;
    return -1;
}

static void add_slot_raw(Unit *u, const char *name);
static void add_slot(Unit *u, const char *name) {
    add_slot_raw(u, mangle_name(u->arena, u->scope->private_name, name));
}
static void add_slot_raw(Unit *u, const char *name) {
    u->slotnames = xrealloc(u->slotnames, sizeof(char *) * (u->nslots + 1));
    u->slotnames[u->nslots++] = name;
}

void c_enter_unit(Compiler *c, Scope *s, const char *name, const char *qualname, int firstline) {
    Unit *u = calloc(1, sizeof *u);
    u->parent = c->u;
    u->scope = s;
    u->name = name;
    u->qualname = qualname;
    u->firstline = firstline;
    u->line = firstline;
    /* the unit lives in malloc'd memory the collector does not scan: root each at once */
    u->consts = list_new(c->vm, 4);
    vm_push_root(c->vm, u->consts);
    u->names = list_new(c->vm, 4);
    vm_push_root(c->vm, u->names);
    u->name_index = dict_new(c->vm);
    vm_push_root(c->vm, v_from_obj(u->name_index));
    c->u = u;
    u->arena = c->arena;
    if (s->kind == SC_FUNCTION || s->kind == SC_LAMBDA || s->kind == SC_COMPREHENSION) {
        const Node *n = s->node;
        u->flags |= CO_NEWLOCALS;
        if (s->kind == SC_COMPREHENSION) add_slot(u, ".0");
        else {
            const Node *args = n->kind == N_LAMBDA ? n->u.lambda.args : n->u.funcdef.args;
            const NodeList *po = &args->u.arguments.posonlyargs, *ar = &args->u.arguments.args, *ko = &args->u.arguments.kwonlyargs;
            for (int i = 0; i < po->n; i++) add_slot(u, po->items[i]->u.arg.name);
            for (int i = 0; i < ar->n; i++) add_slot(u, ar->items[i]->u.arg.name);
            for (int i = 0; i < ko->n; i++) add_slot(u, ko->items[i]->u.arg.name);
            u->posonly = po->n;
            u->argcount = po->n + ar->n;
            u->kwonly = ko->n;
            if (args->u.arguments.vararg) { add_slot(u, args->u.arguments.vararg->u.arg.name); u->flags |= CO_VARARGS; }
            if (args->u.arguments.kwarg) { add_slot(u, args->u.arguments.kwarg->u.arg.name); u->flags |= CO_VARKEYWORDS; }
        }
        u->nparams_slots = u->nslots;
        for (int i = 0; i < s->norder; i++) {
            Sym *e = s->order[i];
            if (e->scope == SYM_LOCAL && !(e->flags & DEF_PARAM) && slot_of(u, e->name) < 0) add_slot(u, e->name);
        }
    }
    u->nlocals_plain = u->nslots;
    /* cells then free variables get their own slots (a cell parameter keeps its arg slot too) */
    for (int i = 0; i < s->norder; i++) if (s->order[i]->scope == SYM_CELL) { add_slot(u, s->order[i]->name); u->ncells++; }
    for (int i = 0; i < s->norder; i++)
        if (s->order[i]->scope == SYM_FREE || (s->order[i]->flags & DEF_FREE_CLASS)) { add_slot(u, s->order[i]->name); u->nfree++; }
    if (s->kind == SC_CLASS) u->flags |= CO_CLASSBODY;
}

static int cell_or_free_slot(Unit *u, const char *name) {
    for (int i = u->nlocals_plain; i < u->nslots; i++) if (strcmp(u->slotnames[i], name) == 0) return i;
    return -1;
}

Value c_assemble_unit(Compiler *c) {
    VM *vm = c->vm;
    Unit *u = c->u;
    Code *co = gc_alloc(vm, vm->t_code, sizeof(Code));
    co->ncode = u->n;
    co->code = malloc(sizeof(uint32_t) * (u->n ? u->n : 1));
    co->lines = malloc(sizeof(int32_t) * (u->n ? u->n : 1));
    co->positions = malloc(sizeof(uint32_t) * (u->n ? u->n : 1));
    for (int i = 0; i < u->n; i++) {
        uint32_t ins = u->code[i];
        if (u->isjump[i]) {
            int target = u->labels[INSTR_ARG(ins)];
            if (target < 0) target = u->n;
            ins = INSTR(INSTR_OP(ins), target);
        }
        co->code[i] = ins;
        co->lines[i] = u->lines[i];
        co->positions[i] = u->poss[i];
    }
    /* exception table from per-instruction handler ids */
    int cap = 8, n = 0;
    ExcEntry *ex = malloc(sizeof(ExcEntry) * cap);
    for (int i = 0; i < u->n;) {
        int h = u->hidx[i];
        int j = i;
        while (j < u->n && u->hidx[j] == h) j++;
        if (h >= 0) {
            if (n == cap) { cap *= 2; ex = xrealloc(ex, sizeof(ExcEntry) * cap); }
            ex[n].start = i; ex[n].end = j;
            ex[n].target = u->labels[u->handlers[h].label];
            ex[n].depth = u->handlers[h].depth;
            n++;
        }
        i = j;
    }
    co->exc = ex; co->nexc = n;
    List *cl = as_list(u->consts);
    co->nconsts = (int32_t)cl->n;
    co->consts = malloc(sizeof(Value) * (cl->n ? cl->n : 1));
    memcpy(co->consts, cl->items, sizeof(Value) * cl->n);
    List *nl = as_list(u->names);
    co->nnames = (int32_t)nl->n;
    co->names = malloc(sizeof(Value) * (nl->n ? nl->n : 1));
    memcpy(co->names, nl->items, sizeof(Value) * nl->n);
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonly;
    co->kwonlyargcount = u->kwonly;
    co->nlocals = u->nslots;
    co->ncells = u->ncells;
    co->nfree = u->nfree;
    co->stacksize = u->maxdepth;
    co->flags = u->flags;
    if (!(co->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) &&
        !co->kwonlyargcount && !co->ncells && !co->nfree && (co->flags & CO_NEWLOCALS))
        co->flags |= CO_SIMPLE;
    /* only an except handler (or except*) sets the exception being handled: a generator without
     * one never suspends with it set and needs no slot to keep it (D13) */
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        for (int32_t i = 0; i < co->ncode; i++) {
            int op = INSTR_OP(co->code[i]);
            if (op == OP_PUSH_EXC_INFO || op == OP_CHECK_EG_MATCH) { co->flags |= CO_EXC_SLOT; break; }
        }
    co->firstline = u->firstline;
    co->cell2arg = NULL;
    if (u->ncells) {
        co->cell2arg = malloc(sizeof(int32_t) * u->ncells);
        for (int i = 0; i < u->ncells; i++) {
            const char *nm = u->slotnames[u->nlocals_plain + i];
            int a = -1;
            for (int k = 0; k < u->nparams_slots; k++) if (strcmp(u->slotnames[k], nm) == 0) a = k;
            co->cell2arg[i] = a;
        }
    }
    Value vn = tuple_new(vm, u->nslots);
    for (int i = 0; i < u->nslots; i++) as_tuple(vn)->items[i] = c_str(c, u->slotnames[i]);
    co->varnames = vn;
    co->name = c_str(c, u->name);
    co->qualname = c_str(c, u->qualname);
    co->filename = str_from_cstr(vm, c->filename);
    free(u->code); free(u->lines); free(u->poss); free(u->hidx); free(u->isjump);
    free(u->labels); free(u->label_depth); free(u->handlers); free(u->slotnames);
    vm_pop_roots(vm, 3);
    c->u = u->parent;
    free(u);
    return v_from_obj(co);
}

const char *c_qualname(Compiler *c, const char *name, Scope *child) {
    Unit *u = c->u;
    if (!u || u->scope->kind == SC_MODULE) return name;
    Scope *s = u->scope;
    char buf[512];
    if (s->kind == SC_CLASS) snprintf(buf, sizeof buf, "%s.%s", u->qualname, name);
    else snprintf(buf, sizeof buf, "%s.<locals>.%s", u->qualname, name);
    (void)child;
    return arena_strndup(c->arena, buf, strlen(buf));
}

/* ---- names ---- */

void c_nameop(Compiler *c, const char *name, int ctx, const Node *where) {
    Unit *u = c->u;
    Scope *s = u->scope;
    name = mangle_name(c->arena, s->private_name, name);
    Sym *e = scope_lookup(s, name);
    int sc = e ? e->scope : SYM_GLOBAL_IMPLICIT;
    if (strcmp(name, "__debug__") == 0 && ctx == CTX_LOAD) { c_load_const(c, c->vm->true_); return; }
    if (s->kind == SC_MODULE) {
        int op = ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL;
        if (c->interactive || c->mode == COMPILE_EVAL) op = ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME;
        c_emit(c, op, c_name(c, name));
        return;
    }
    if (s->kind == SC_CLASS) {
        if (sc == SYM_FREE) {
            if (ctx == CTX_LOAD) {
                int slot = cell_or_free_slot(u, name);
                int ni = c_name(c, name);
                if (ni > 255) c_error(c, where, "too many names in class body");
                c_emit(c, OP_LOAD_CLASSDEREF, ni | (slot << 8));
            } else c_emit(c, ctx == CTX_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, cell_or_free_slot(u, name));
            return;
        }
        if (sc == SYM_GLOBAL_EXPLICIT) {
            c_emit(c, ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, c_name(c, name));
            return;
        }
        c_emit(c, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME, c_name(c, name));
        return;
    }
    switch (sc) {
    case SYM_LOCAL: {
        int slot = slot_of(u, name);
        c_emit(c, ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST : OP_DELETE_FAST, slot);
        return;
    }
    case SYM_CELL: case SYM_FREE: {
        int slot = cell_or_free_slot(u, name);
        c_emit(c, ctx == CTX_LOAD ? OP_LOAD_DEREF : ctx == CTX_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, slot);
        return;
    }
    default:
        c_emit(c, ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, c_name(c, name));
    }
}

/* Push the closure (if any) and make the function; qualname is the last MAKE_FUNCTION input. */
int c_make_closure(Compiler *c, Value code, Scope *child, int flags, const char *qualname) {
    Code *co = (Code *)code;
    if (co->nfree) {
        Unit *u = c->u;
        int first = co->nlocals - co->nfree;
        for (int i = 0; i < co->nfree; i++) {
            const char *nm = str_cstr(as_tuple(co->varnames)->items[first + i]);
            int slot = cell_or_free_slot(u, nm);
            if (slot < 0) c_error(c, child->node, "internal error: no cell for '%s'", nm);
            c_emit(c, OP_LOAD_CLOSURE, slot);
        }
        c_emit(c, OP_BUILD_TUPLE, co->nfree);
        flags |= 4;
    }
    c_load_const(c, code);
    c_load_const(c, c_str(c, qualname));
    c_emit(c, OP_MAKE_FUNCTION, flags);
    return flags;
}

/* def / async def / lambda: defaults, then the code, then MAKE_FUNCTION. */
void c_function_like(Compiler *c, const Node *n, const Node *args, const NodeList *body, const Node *expr_body, const char *name, int is_async) {
    VM *vm = c->vm;
    int flags = 0;
    const NodeList *defs = &args->u.arguments.defaults;
    if (defs->n) {
        for (int i = 0; i < defs->n; i++) c_expr(c, defs->items[i]);
        c_emit(c, OP_BUILD_TUPLE, defs->n);
        flags |= 1;
    }
    const NodeList *kwd = &args->u.arguments.kw_defaults;
    int nkwd = 0;
    for (int i = 0; i < kwd->n; i++) if (kwd->items[i]) nkwd++;
    if (nkwd) {
        for (int i = 0; i < kwd->n; i++) if (kwd->items[i]) {
            c_load_const(c, c_str(c, args->u.arguments.kwonlyargs.items[i]->u.arg.name));
            c_expr(c, kwd->items[i]);
        }
        c_emit(c, OP_BUILD_MAP, nkwd);
        flags |= 2;
    }
    /* annotations are evaluated at definition time (3.11 without __future__) */
    {
        int nann = 0;
        const NodeList *lists[3] = { &args->u.arguments.posonlyargs, &args->u.arguments.args, &args->u.arguments.kwonlyargs };
        const Node *extra[2] = { args->u.arguments.vararg, args->u.arguments.kwarg };
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < lists[k]->n; i++)
                if (lists[k]->items[i]->u.arg.annotation) {
                    c_load_const(c, c_str(c, lists[k]->items[i]->u.arg.name));
                    c_expr(c, lists[k]->items[i]->u.arg.annotation);
                    nann++;
                }
        for (int k = 0; k < 2; k++)
            if (extra[k] && extra[k]->u.arg.annotation) {
                c_load_const(c, c_str(c, extra[k]->u.arg.name));
                c_expr(c, extra[k]->u.arg.annotation);
                nann++;
            }
        if (n->kind == N_FUNCTIONDEF && n->u.funcdef.returns) {
            c_load_const(c, c_str(c, "return"));
            c_expr(c, n->u.funcdef.returns);
            nann++;
        }
        if (nann) { c_emit(c, OP_BUILD_MAP, nann); flags |= 8; }
    }
    Scope *child = scope_next_child(c->u->scope, n);
    const char *qn = c_qualname(c, name, child);
    c_enter_unit(c, child, name, qn, n->line);
    Unit *u = c->u;
    if (is_async) u->flags |= child->has_yield ? CO_ASYNC_GENERATOR : CO_COROUTINE;
    else if (child->has_yield) u->flags |= CO_GENERATOR;
    if (expr_body) {
        c_expr(c, expr_body);
        c_emit(c, OP_RETURN_VALUE, 0);
    } else {
        /* a docstring is the first constant, as in CPython */
        if (body->n && body->items[0]->kind == N_EXPR && body->items[0]->u.ret.value->kind == N_CONSTANT &&
            body->items[0]->u.ret.value->u.constant.kind == K_STR)
            c_const(c, str_new(vm, body->items[0]->u.ret.value->u.constant.str, body->items[0]->u.ret.value->u.constant.len));
        else c_const(c, vm->none);
        c_stmts(c, body);
        c_load_const(c, vm->none);
        c_emit(c, OP_RETURN_VALUE, 0);
    }
    Value code = c_assemble_unit(c);
    c_make_closure(c, code, child, flags, qn);
}
