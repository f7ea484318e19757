/* compile_stmt.c — code generation for statements: control flow, try/except/finally, with,
 * classes, imports, and the unwinding that return/break/continue do through enclosing
 * blocks. Also the entry point compile_module. */
#include "lang/compiler_internal.h"
#include <string.h>
#include <stdlib.h>

static void c_stmt(Compiler *c, const Node *n);

void c_stmts(Compiler *c, const NodeList *l) {
    for (int i = 0; i < l->n; i++) c_stmt(c, l->items[i]);
}

static FBlock *push_fb(Compiler *c, int kind, const Node *where) {
    Unit *u = c->u;
    if (u->nfb >= 64) c_error(c, where, "too many statically nested blocks");
    FBlock *f = &u->fb[u->nfb++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->node = where;
    return f;
}

static void pop_fb(Compiler *c) { c->u->nfb--; }

static void call_exit_none(Compiler *c, bool is_async) {
    /* [exit] -> [] : exit(None, None, None) */
    c_load_const(c, c->vm->none);
    c_load_const(c, c->vm->none);
    c_load_const(c, c->vm->none);
    c_emit(c, OP_CALL, 3);
    if (is_async) { c_emit(c, OP_GET_AWAITABLE, 2); c_await(c); }
    c_emit(c, OP_POP_TOP, 0);
}

/* Emit the cleanup of one block being left early. With preserve_tos, a value (the return
 * value) stays on top of the stack throughout. */
static void unwind_block(Compiler *c, FBlock *f, bool preserve_tos) {
    Unit *u = c->u;
    switch (f->kind) {
    case FB_WHILE: case FB_EXCEPT_STAR: break;
    case FB_FOR: case FB_ASYNC_FOR:
        if (preserve_tos) c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_POP_TOP, 0);
        break;
    case FB_TRY_FINALLY: {
        /* run the finally body with this try's handler no longer active; the body may push
         * handlers of its own over the popped entries, so the whole stack is restored */
        int saved_nh = u->nh;
        int saved_stack[64];
        memcpy(saved_stack, u->hstack, sizeof saved_stack);
        while (u->nh > 0 && u->hstack[u->nh - 1] != f->handler) u->nh--;
        if (u->nh > 0) u->nh--;
        int saved_nfb = u->nfb;
        u->nfb = (int)(f - u->fb);
        c_stmts(c, &f->node->u.try_.finalbody);
        u->nfb = saved_nfb;
        u->nh = saved_nh;
        memcpy(u->hstack, saved_stack, sizeof saved_stack);
        break;
    }
    case FB_FINALLY_END:
        /* [prev, exc] under the finally body run for an exception */
        if (preserve_tos) { c_emit(c, OP_SWAP, 2); c_emit(c, OP_POP_TOP, 0); c_emit(c, OP_SWAP, 2); c_emit(c, OP_POP_EXCEPT, 0); }
        else { c_emit(c, OP_POP_TOP, 0); c_emit(c, OP_POP_EXCEPT, 0); }
        break;
    case FB_HANDLER:
        if (preserve_tos) c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_POP_EXCEPT, 0);
        if (f->name) {
            c_load_const(c, c->vm->none);
            c_nameop(c, f->name, CTX_STORE, NULL);
            c_nameop(c, f->name, CTX_DEL, NULL);
        }
        break;
    case FB_WITH: case FB_ASYNC_WITH:
        if (preserve_tos) c_emit(c, OP_SWAP, 2);
        call_exit_none(c, f->kind == FB_ASYNC_WITH);
        break;
    }
}

static void c_return(Compiler *c, const Node *n) {
    Unit *u = c->u;
    Scope *s = u->scope;
    if (s->kind != SC_FUNCTION && s->kind != SC_LAMBDA) c_error(c, n, "'return' outside function");
    if (n->u.ret.value && (u->flags & CO_ASYNC_GENERATOR)) c_error(c, n, "'return' with value in async generator");
    for (int i = u->nfb - 1; i >= 0; i--)
        if (u->fb[i].kind == FB_EXCEPT_STAR) c_error(c, n, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (n->u.ret.value) c_expr(c, n->u.ret.value); else c_load_const(c, c->vm->none);
    int saved_nh = u->nh;
    int saved_stack[64];
    memcpy(saved_stack, u->hstack, sizeof saved_stack);
    for (int i = u->nfb - 1; i >= 0; i--) {
        FBlock *f = &u->fb[i];
        int saved = u->nfb;
        u->nfb = i;
        unwind_block(c, f, true);
        u->nfb = saved;
        /* handlers opened inside this block no longer apply to what follows */
        if (f->kind == FB_TRY_FINALLY || f->kind == FB_WITH || f->kind == FB_ASYNC_WITH || f->kind == FB_HANDLER || f->kind == FB_FINALLY_END) {
            while (u->nh > 0 && u->hstack[u->nh - 1] != f->handler) u->nh--;
            if (u->nh > 0 && f->handler >= 0 && u->hstack[u->nh - 1] == f->handler) u->nh--;
        }
    }
    c_set_line(c, n);
    c_emit(c, OP_RETURN_VALUE, 0);
    u->nh = saved_nh;
    memcpy(u->hstack, saved_stack, sizeof saved_stack);
}

static void c_break_continue(Compiler *c, const Node *n, bool is_break) {
    Unit *u = c->u;
    int loop = -1;
    for (int i = u->nfb - 1; i >= 0; i--) {
        if (u->fb[i].kind == FB_EXCEPT_STAR) c_error(c, n, "'break', 'continue' and 'return' cannot appear in an except* block");
        if (u->fb[i].kind == FB_WHILE || u->fb[i].kind == FB_FOR || u->fb[i].kind == FB_ASYNC_FOR) { loop = i; break; }
    }
    if (loop < 0) c_error(c, n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    int saved_nh = u->nh;
    int saved_stack[64];
    memcpy(saved_stack, u->hstack, sizeof saved_stack);
    for (int i = u->nfb - 1; i > loop; i--) {
        FBlock *f = &u->fb[i];
        int saved = u->nfb;
        u->nfb = i;
        unwind_block(c, f, false);
        u->nfb = saved;
        while (u->nh > 0 && u->hstack[u->nh - 1] != f->handler) u->nh--;
        if (u->nh > 0 && f->handler >= 0 && u->hstack[u->nh - 1] == f->handler) u->nh--;
    }
    FBlock *lf = &u->fb[loop];
    int d = u->depth;
    if (is_break) {
        if (lf->kind != FB_WHILE) c_emit(c, OP_POP_TOP, 0);
        c_jump(c, OP_JUMP, lf->exit);
    } else {
        c_jump(c, OP_JUMP, lf->start);
    }
    u->depth = d;
    u->nh = saved_nh;
    memcpy(u->hstack, saved_stack, sizeof saved_stack);
}

static void c_if(Compiler *c, const Node *n) {
    int orelse = c_new_label(c), end = c_new_label(c);
    c_test_jump(c, n->u.while_.test, orelse, false);
    c_stmts(c, &n->u.while_.body);
    if (n->u.while_.orelse.n) {
        c_jump(c, OP_JUMP, end);
        c_bind(c, orelse);
        c_stmts(c, &n->u.while_.orelse);
        c_bind(c, end);
    } else {
        c_bind(c, orelse);
    }
}

static void c_while(Compiler *c, const Node *n) {
    int start = c_new_label(c), exit = c_new_label(c), orelse = c_new_label(c);
    c_bind(c, start);
    c_test_jump(c, n->u.while_.test, orelse, false);
    FBlock *f = push_fb(c, FB_WHILE, n);
    f->start = start; f->exit = exit; f->handler = -1;
    c_stmts(c, &n->u.while_.body);
    c_jump(c, OP_JUMP, start);
    pop_fb(c);
    c_bind(c, orelse);
    c_stmts(c, &n->u.while_.orelse);
    c_bind(c, exit);
}

static void c_for(Compiler *c, const Node *n) {
    int start = c_new_label(c), cleanup = c_new_label(c), exit = c_new_label(c);
    c_expr(c, n->u.for_.iter);
    if (n->u.for_.is_async) {
        Scope *s = c->u->scope;
        if (!s->is_coroutine && !(c->interactive && s->kind == SC_MODULE)) c_error(c, n, "'async for' outside async function");
        if (c->interactive && s->kind == SC_MODULE) c->u->flags |= CO_COROUTINE;
        c_emit(c, OP_GET_AITER, 0);
        c_bind(c, start);
        int handler = c_new_label(c);
        c_push_handler(c, handler, c->u->depth);
        c_emit(c, OP_GET_ANEXT, 0);
        c_await(c);
        c_pop_handler(c);
        c_store(c, n->u.for_.target);
        FBlock *f = push_fb(c, FB_ASYNC_FOR, n);
        f->start = start; f->exit = exit; f->handler = -1;
        c_stmts(c, &n->u.for_.body);
        c_jump(c, OP_JUMP, start);
        pop_fb(c);
        c_bind(c, handler);
        c_emit(c, OP_END_ASYNC_FOR, 0);
        c_stmts(c, &n->u.for_.orelse);
        c_bind(c, exit);
        return;
    }
    c_emit(c, OP_GET_ITER, 0);
    c_bind(c, start);
    c_set_line(c, n);
    c_jump(c, OP_FOR_ITER, cleanup);
    c_store(c, n->u.for_.target);
    FBlock *f = push_fb(c, FB_FOR, n);
    f->start = start; f->exit = exit; f->handler = -1;
    c_stmts(c, &n->u.for_.body);
    c_jump(c, OP_JUMP, start);
    pop_fb(c);
    c_bind(c, cleanup);
    c_stmts(c, &n->u.for_.orelse);
    c_bind(c, exit);
}

/* The handler that restores the previously handled exception and re-raises:
 * [prev, exc] -> raise exc with handled = prev. */
static void emit_cleanup_reraise(Compiler *c, int label) {
    c_bind(c, label);
    c_emit(c, OP_SWAP, 2);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_RERAISE, 0);
}

static void c_try_except(Compiler *c, const Node *n) {
    Unit *u = c->u;
    VM *vm = c->vm;
    int handler = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c), orelse = c_new_label(c);
    int base = u->depth;
    c_push_handler(c, handler, base);
    c_stmts(c, &n->u.try_.body);
    c_pop_handler(c);
    c_jump(c, OP_JUMP, orelse);
    /* handler: [exc] */
    c_bind(c, handler);
    u->depth = base + 1;
    c_emit(c, OP_PUSH_EXC_INFO, 0);     /* [prev, exc] */
    c_push_handler(c, cleanup, base + 1);
    const NodeList *hs = &n->u.try_.handlers;
    for (int i = 0; i < hs->n; i++) {
        const Node *h = hs->items[i];
        c_set_line(c, h);
        int next = c_new_label(c);
        if (!h->u.handler.type && i != hs->n - 1) c_error(c, h, "default 'except:' must be last");
        if (h->u.handler.type) {
            /* [prev, exc, type] -> [prev, exc, matched] -> [prev, exc] on both paths */
            c_expr(c, h->u.handler.type);
            c_emit(c, OP_CHECK_EXC_MATCH, 0);
            c_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->u.handler.name) {
            c_emit(c, OP_COPY, 1);
            c_nameop(c, h->u.handler.name, CTX_STORE, h);
        }
        c_emit(c, OP_POP_TOP, 0);   /* [prev] */
        FBlock *f = push_fb(c, FB_HANDLER, h);
        f->name = h->u.handler.name;
        f->handler = u->hstack[u->nh - 1];
        /* `as name` is unbound however the body ends: an exception leaving it goes through
         * name_cleanup first (return/break unwind through the FB_HANDLER block) */
        int name_cleanup = c_new_label(c);
        if (h->u.handler.name) c_push_handler(c, name_cleanup, base + 1);
        c_stmts(c, &h->u.handler.body);
        if (h->u.handler.name) c_pop_handler(c);
        pop_fb(c);
        c_emit(c, OP_POP_EXCEPT, 0);
        if (h->u.handler.name) {
            c_load_const(c, vm->none);
            c_nameop(c, h->u.handler.name, CTX_STORE, h);
            c_nameop(c, h->u.handler.name, CTX_DEL, h);
        }
        c_jump(c, OP_JUMP, end);
        if (h->u.handler.name) {
            /* [prev, exc2] */
            c_bind(c, name_cleanup);
            u->depth = base + 2;
            c_load_const(c, vm->none);
            c_nameop(c, h->u.handler.name, CTX_STORE, h);
            c_nameop(c, h->u.handler.name, CTX_DEL, h);
            c_emit(c, OP_RERAISE, 0);
        }
        c_bind(c, next);
        u->depth = base + 2;
    }
    /* no clause matched: re-raise through the cleanup handler */
    c_emit(c, OP_RERAISE, 0);
    c_pop_handler(c);
    u->depth = base + 1;
    emit_cleanup_reraise(c, cleanup);
    c_bind(c, orelse);
    u->depth = base;
    c_stmts(c, &n->u.try_.orelse);
    c_bind(c, end);
    u->depth = base;
}

static void c_try_star(Compiler *c, const Node *n) {
    /* except*: each clause splits the group; unmatched and raised parts are re-raised together */
    Unit *u = c->u;
    VM *vm = c->vm;
    int handler = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c), orelse = c_new_label(c);
    int base = u->depth;
    c_push_handler(c, handler, base);
    c_stmts(c, &n->u.try_.body);
    c_pop_handler(c);
    c_jump(c, OP_JUMP, orelse);
    c_bind(c, handler);
    u->depth = base + 1;
    c_emit(c, OP_PUSH_EXC_INFO, 0);          /* [prev, exc] */
    c_push_handler(c, cleanup, base + 1);
    c_emit(c, OP_COPY, 1);                    /* [prev, orig, rest] */
    c_emit(c, OP_BUILD_LIST, 0);              /* [prev, orig, rest, raised] */
    c_emit(c, OP_SWAP, 2);                    /* [prev, orig, raised, rest] */
    const NodeList *hs = &n->u.try_.handlers;
    for (int i = 0; i < hs->n; i++) {
        const Node *h = hs->items[i];
        c_set_line(c, h);
        if (!h->u.handler.type) c_error(c, h, "expected one or more exception types");
        int next = c_new_label(c), hend = c_new_label(c), hraise = c_new_label(c);
        c_expr(c, h->u.handler.type);
        c_emit(c, OP_CHECK_EG_MATCH, 0);      /* [.., raised, rest, match] */
        c_emit(c, OP_COPY, 1);
        c_load_const(c, vm->none);
        c_emit(c, OP_IS_OP, 0);
        c_jump(c, OP_POP_JUMP_IF_TRUE, next);
        if (h->u.handler.name) c_nameop(c, h->u.handler.name, CTX_STORE, h);
        else c_emit(c, OP_POP_TOP, 0);        /* [.., raised, rest] */
        int d = u->depth;
        c_push_handler(c, hraise, d);
        FBlock *f = push_fb(c, FB_EXCEPT_STAR, h);
        f->handler = -1;
        c_stmts(c, &h->u.handler.body);
        pop_fb(c);
        c_pop_handler(c);
        c_jump(c, OP_JUMP, hend);
        c_bind(c, hraise);                     /* [.., raised, rest, exc2] */
        u->depth = d + 1;
        c_emit(c, OP_SWAP, 2);                 /* [.., raised, exc2, rest] */
        c_emit(c, OP_SWAP, 3);                 /* [.., rest, exc2, raised] */
        c_emit(c, OP_SWAP, 2);                 /* [.., rest, raised, exc2] */
        c_emit(c, OP_LIST_APPEND, 1);          /* [.., rest, raised] */
        c_emit(c, OP_SWAP, 2);                 /* [.., raised, rest] */
        c_bind(c, hend);
        u->depth = d;
        if (h->u.handler.name) {
            c_load_const(c, vm->none);
            c_nameop(c, h->u.handler.name, CTX_STORE, h);
            c_nameop(c, h->u.handler.name, CTX_DEL, h);
        }
        int after = c_new_label(c);
        c_jump(c, OP_JUMP, after);
        c_bind(c, next);                       /* [.., raised, rest, None] */
        u->depth = d + 1;
        c_emit(c, OP_POP_TOP, 0);
        c_bind(c, after);
        u->depth = d;
    }
    /* [prev, orig, raised, rest] */
    c_emit(c, OP_LIST_APPEND, 1);              /* raised += [rest] */
    c_emit(c, OP_PREP_RERAISE_STAR, 0);        /* [prev, to_raise or None] */
    c_emit(c, OP_COPY, 1);
    c_load_const(c, vm->none);
    c_emit(c, OP_IS_OP, 0);
    int nothing = c_new_label(c);
    c_jump(c, OP_POP_JUMP_IF_TRUE, nothing);
    c_emit(c, OP_RERAISE, 0);
    c_bind(c, nothing);
    u->depth = base + 2;
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_pop_handler(c);
    c_jump(c, OP_JUMP, end);
    u->depth = base + 1;
    emit_cleanup_reraise(c, cleanup);
    c_bind(c, orelse);
    u->depth = base;
    c_stmts(c, &n->u.try_.orelse);
    c_bind(c, end);
    u->depth = base;
}

static void c_try(Compiler *c, const Node *n) {
    Unit *u = c->u;
    if (!n->u.try_.finalbody.n) {
        if (n->u.try_.is_star) c_try_star(c, n); else c_try_except(c, n);
        return;
    }
    int handler = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c);
    int base = u->depth;
    c_push_handler(c, handler, base);
    FBlock *f = push_fb(c, FB_TRY_FINALLY, n);
    f->handler = u->hstack[u->nh - 1];
    if (n->u.try_.handlers.n) { if (n->u.try_.is_star) c_try_star(c, n); else c_try_except(c, n); }
    else c_stmts(c, &n->u.try_.body);
    pop_fb(c);
    c_pop_handler(c);
    c_stmts(c, &n->u.try_.finalbody);
    c_jump(c, OP_JUMP, end);
    /* exceptional path: [exc] */
    c_bind(c, handler);
    u->depth = base + 1;
    c_emit(c, OP_PUSH_EXC_INFO, 0);
    c_push_handler(c, cleanup, base + 1);
    FBlock *fe = push_fb(c, FB_FINALLY_END, n);
    fe->handler = u->hstack[u->nh - 1];
    c_stmts(c, &n->u.try_.finalbody);
    pop_fb(c);
    c_emit(c, OP_RERAISE, 0);
    c_pop_handler(c);
    u->depth = base + 1;
    emit_cleanup_reraise(c, cleanup);
    c_bind(c, end);
    u->depth = base;
}

static void c_with_items(Compiler *c, const Node *n, int idx) {
    Unit *u = c->u;
    bool is_async = n->u.with.is_async;
    const Node *item = n->u.with.items.items[idx];
    int handler = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c), suppress = c_new_label(c);
    c_expr(c, item->u.withitem.context_expr);
    c_set_line(c, n);
    if (is_async) {
        Scope *s = u->scope;
        if (!s->is_coroutine && !(c->interactive && s->kind == SC_MODULE)) c_error(c, n, "'async with' outside async function");
        if (c->interactive && s->kind == SC_MODULE) u->flags |= CO_COROUTINE;
        c_emit(c, OP_BEFORE_ASYNC_WITH, 0);
        c_emit(c, OP_GET_AWAITABLE, 1);
        c_await(c);
    } else {
        c_emit(c, OP_BEFORE_WITH, 0);     /* [exit, value] */
    }
    int base = u->depth - 1;              /* depth with [exit] */
    c_push_handler(c, handler, base);
    FBlock *f = push_fb(c, is_async ? FB_ASYNC_WITH : FB_WITH, n);
    f->handler = u->hstack[u->nh - 1];
    if (item->u.withitem.optional_vars) c_store(c, item->u.withitem.optional_vars);
    else c_emit(c, OP_POP_TOP, 0);
    if (idx + 1 < n->u.with.items.n) c_with_items(c, n, idx + 1);
    else c_stmts(c, &n->u.with.body);
    pop_fb(c);
    c_pop_handler(c);
    c_set_line(c, n);
    call_exit_none(c, is_async);
    c_jump(c, OP_JUMP, end);
    /* [exit, exc] */
    c_bind(c, handler);
    u->depth = base + 1;
    c_emit(c, OP_PUSH_EXC_INFO, 0);       /* [exit, prev, exc] */
    c_push_handler(c, cleanup, base + 1);
    c_emit(c, OP_WITH_EXCEPT_START, 0);   /* [exit, prev, exc, res] */
    if (is_async) { c_emit(c, OP_GET_AWAITABLE, 2); c_await(c); }
    c_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    c_emit(c, OP_RERAISE, 0);
    c_bind(c, suppress);
    u->depth = base + 2;
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_POP_TOP, 0);
    c_pop_handler(c);
    c_jump(c, OP_JUMP, end);
    u->depth = base + 2;
    emit_cleanup_reraise(c, cleanup);
    c_bind(c, end);
    u->depth = base - 1;   /* the exit function is gone on every path to `end` */
}

static void c_class(Compiler *c, const Node *n) {
    VM *vm = c->vm;
    const NodeList *decs = &n->u.classdef.decorators;
    for (int i = 0; i < decs->n; i++) c_expr(c, decs->items[i]);
    c_emit(c, OP_LOAD_BUILD_CLASS, 0);
    Scope *child = scope_next_child(c->u->scope, n);
    const char *qn = c_qualname(c, n->u.classdef.name, child);
    c_enter_unit(c, child, n->u.classdef.name, qn, n->line);
    c_nameop(c, "__name__", CTX_LOAD, n);
    c_emit(c, OP_STORE_NAME, c_name(c, "__module__"));
    c_load_const(c, c_str(c, qn));
    c_emit(c, OP_STORE_NAME, c_name(c, "__qualname__"));
    const NodeList *body = &n->u.classdef.body;
    if (body->n && body->items[0]->kind == N_EXPR && body->items[0]->u.ret.value->kind == N_CONSTANT &&
        body->items[0]->u.ret.value->u.constant.kind == K_STR) {
        c_expr(c, body->items[0]->u.ret.value);
        c_emit(c, OP_STORE_NAME, c_name(c, "__doc__"));
    }
    c_stmts(c, body);
    Unit *u = c->u;
    if (child->needs_class_cell) {
        int slot = -1;
        for (int i = u->nlocals_plain; i < u->nslots; i++) if (strcmp(u->slotnames[i], "__class__") == 0) slot = i;
        c_emit(c, OP_LOAD_CLOSURE, slot);
        c_emit(c, OP_STORE_NAME, c_name(c, "__classcell__"));
    }
    c_load_const(c, vm->none);
    c_emit(c, OP_RETURN_VALUE, 0);
    Value code = c_assemble_unit(c);
    c_make_closure(c, code, child, 0, qn);
    c_load_const(c, c_str(c, n->u.classdef.name));
    const NodeList *bases = &n->u.classdef.bases, *kws = &n->u.classdef.keywords;
    bool star = false;
    for (int i = 0; i < bases->n; i++) if (bases->items[i]->kind == N_STARRED) star = true;
    for (int i = 0; i < kws->n; i++) if (!kws->items[i]->u.keyword.arg) star = true;
    if (star) c_error(c, n, "star-arguments in class bases are not supported");
    for (int i = 0; i < bases->n; i++) c_expr(c, bases->items[i]);
    if (kws->n) {
        Value names = tuple_new(vm, kws->n);
        for (int i = 0; i < kws->n; i++) {
            c_expr(c, kws->items[i]->u.keyword.value);
            as_tuple(names)->items[i] = c_str(c, kws->items[i]->u.keyword.arg);
        }
        c_load_const(c, names);
        c_set_line(c, n);
        c_emit(c, OP_CALL_KW, 2 + bases->n + kws->n);
    } else {
        c_set_line(c, n);
        c_emit(c, OP_CALL, 2 + bases->n);
    }
    for (int i = 0; i < decs->n; i++) c_emit(c, OP_CALL, 1);
    c_nameop(c, n->u.classdef.name, CTX_STORE, n);
}

static void c_import(Compiler *c, const Node *n) {
    VM *vm = c->vm;
    const NodeList *names = &n->u.import.names;
    if (n->kind == N_IMPORT) {
        for (int i = 0; i < names->n; i++) {
            const Node *al = names->items[i];
            c_load_const(c, v_from_int(0));
            c_load_const(c, vm->none);
            c_emit(c, OP_IMPORT_NAME, c_name(c, al->u.alias.name));
            if (al->u.alias.asname) {
                /* import a.b.c as d: bind the innermost module */
                const char *p = al->u.alias.name;
                const char *dot;
                while ((dot = strchr(p, '.'))) {
                    p = dot + 1;
                    const char *end = strchr(p, '.');
                    size_t len = end ? (size_t)(end - p) : strlen(p);
                    c_emit(c, OP_IMPORT_FROM, c_name(c, arena_strndup(c->arena, p, len)));
                    c_emit(c, OP_SWAP, 2);
                    c_emit(c, OP_POP_TOP, 0);
                }
                c_nameop(c, al->u.alias.asname, CTX_STORE, n);
            } else {
                const char *dot = strchr(al->u.alias.name, '.');
                const char *top = dot ? arena_strndup(c->arena, al->u.alias.name, dot - al->u.alias.name) : al->u.alias.name;
                c_nameop(c, top, CTX_STORE, n);
            }
        }
        return;
    }
    Value fromlist = tuple_new(vm, names->n);
    for (int i = 0; i < names->n; i++) as_tuple(fromlist)->items[i] = c_str(c, names->items[i]->u.alias.name);
    c_load_const(c, v_from_int(n->u.import.level));
    c_load_const(c, fromlist);
    c_emit(c, OP_IMPORT_NAME, c_name(c, n->u.import.module ? n->u.import.module : ""));
    for (int i = 0; i < names->n; i++) {
        const Node *al = names->items[i];
        if (strcmp(al->u.alias.name, "*") == 0) {
            c_emit(c, OP_IMPORT_STAR, 0);
            return;
        }
        c_emit(c, OP_IMPORT_FROM, c_name(c, al->u.alias.name));
        c_nameop(c, al->u.alias.asname ? al->u.alias.asname : al->u.alias.name, CTX_STORE, n);
    }
    c_emit(c, OP_POP_TOP, 0);
}

static void c_augassign(Compiler *c, const Node *n) {
    const Node *t = n->u.augassign.target;
    int op = n->u.augassign.op | NB_INPLACE;
    switch (t->kind) {
    case N_NAME:
        c_nameop(c, t->u.name.id, CTX_LOAD, t);
        c_expr(c, n->u.augassign.value);
        c_set_line(c, n);
        c_emit(c, OP_BINARY_OP, op);
        c_nameop(c, t->u.name.id, CTX_STORE, t);
        break;
    case N_ATTRIBUTE: {
        c_expr(c, t->u.attr.value);
        c_emit(c, OP_COPY, 1);
        int ni = c_attr_name(c, t->u.attr.attr);
        c_emit(c, OP_LOAD_ATTR, ni);
        c_expr(c, n->u.augassign.value);
        c_set_line(c, n);
        c_emit(c, OP_BINARY_OP, op);
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_STORE_ATTR, ni);
        break;
    }
    case N_SUBSCRIPT:
        c_expr(c, t->u.subscript.value);
        c_expr(c, t->u.subscript.slice);
        c_emit(c, OP_COPY, 2);
        c_emit(c, OP_COPY, 2);
        c_emit(c, OP_BINARY_SUBSCR, 0);
        c_expr(c, n->u.augassign.value);
        c_set_line(c, n);
        c_emit(c, OP_BINARY_OP, op);
        c_emit(c, OP_SWAP, 3);   /* [v, k, o] -> want [v, o, k]: value, container, key */
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        c_error(c, t, "'%s' is an illegal expression for augmented assignment", "expression");
    }
}

static void c_stmt(Compiler *c, const Node *n) {
    VM *vm = c->vm;
    Unit *u = c->u;
    c_set_line(c, n);
    switch (n->kind) {
    case N_EXPR:
        if (c->interactive && u->scope->kind == SC_MODULE) {
            c_expr(c, n->u.ret.value);
            c_emit(c, OP_PRINT_EXPR, 0);
        } else if (n->u.ret.value->kind == N_CONSTANT) {
            /* docstrings and other constant statements do nothing */
        } else {
            c_expr(c, n->u.ret.value);
            c_emit(c, OP_POP_TOP, 0);
        }
        break;
    case N_ASSIGN: {
        c_expr(c, n->u.assign.value);
        const NodeList *ts = &n->u.assign.targets;
        for (int i = 0; i < ts->n; i++) {
            if (i < ts->n - 1) c_emit(c, OP_COPY, 1);
            c_store(c, ts->items[i]);
        }
        break;
    }
    case N_AUGASSIGN: c_augassign(c, n); break;
    case N_ANNASSIGN:
        if (n->u.annassign.value) {
            c_expr(c, n->u.annassign.value);
            c_store(c, n->u.annassign.target);
        } else if (n->u.annassign.target->kind != N_NAME) {
            /* `a.b: int` evaluates a; `a[i]: int` evaluates a and i */
            const Node *t = n->u.annassign.target;
            if (t->kind == N_ATTRIBUTE) { c_expr(c, t->u.attr.value); c_emit(c, OP_POP_TOP, 0); }
            else if (t->kind == N_SUBSCRIPT) { c_expr(c, t->u.subscript.value); c_emit(c, OP_POP_TOP, 0); c_expr(c, t->u.subscript.slice); c_emit(c, OP_POP_TOP, 0); }
        }
        if (u->scope->kind == SC_MODULE || u->scope->kind == SC_CLASS) {
            if (n->u.annassign.simple && n->u.annassign.target->kind == N_NAME) {
                /* record the annotation in __annotations__ as CPython does */
                c_emit(c, OP_SETUP_ANNOTATIONS, 0);
                c_expr(c, n->u.annassign.annotation);
                c_emit(c, u->scope->kind == SC_MODULE && !c->interactive ? OP_LOAD_GLOBAL : OP_LOAD_NAME, c_name(c, "__annotations__"));
                c_load_const(c, c_str(c, n->u.annassign.target->u.name.id));
                c_emit(c, OP_STORE_SUBSCR, 0);
            }
        }
        break;
    case N_DELETE:
        for (int i = 0; i < n->u.assign.targets.n; i++) c_delete(c, n->u.assign.targets.items[i]);
        break;
    case N_PASS: break;
    case N_BREAK: c_break_continue(c, n, true); break;
    case N_CONTINUE: c_break_continue(c, n, false); break;
    case N_RETURN: c_return(c, n); break;
    case N_IF: c_if(c, n); break;
    case N_WHILE: c_while(c, n); break;
    case N_FOR: c_for(c, n); break;
    case N_TRY: c_try(c, n); break;
    case N_WITH: c_with_items(c, n, 0); break;
    case N_RAISE:
        if (n->u.raise.exc) {
            c_expr(c, n->u.raise.exc);
            if (n->u.raise.cause) { c_expr(c, n->u.raise.cause); c_set_line(c, n); c_emit(c, OP_RAISE_VARARGS, 2); }
            else { c_set_line(c, n); c_emit(c, OP_RAISE_VARARGS, 1); }
        } else {
            c_emit(c, OP_RAISE_VARARGS, 0);
        }
        break;
    case N_ASSERT: {
        int end = c_new_label(c);
        c_test_jump(c, n->u.assert_.test, end, true);
        c_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        if (n->u.assert_.msg) { c_expr(c, n->u.assert_.msg); c_emit(c, OP_CALL, 1); }
        c_set_line(c, n);
        c_emit(c, OP_RAISE_VARARGS, 1);
        c_bind(c, end);
        break;
    }
    case N_IMPORT: case N_IMPORTFROM: c_import(c, n); break;
    case N_GLOBAL: case N_NONLOCAL: break;
    case N_FUNCTIONDEF: {
        const NodeList *decs = &n->u.funcdef.decorators;
        for (int i = 0; i < decs->n; i++) c_expr(c, decs->items[i]);
        c_function_like(c, n, n->u.funcdef.args, &n->u.funcdef.body, NULL, n->u.funcdef.name, n->u.funcdef.is_async);
        for (int i = 0; i < decs->n; i++) { c_set_line(c, decs->items[decs->n - 1 - i]); c_emit(c, OP_CALL, 1); }
        c_nameop(c, n->u.funcdef.name, CTX_STORE, n);
        break;
    }
    case N_CLASSDEF: c_class(c, n); break;
    default:
        c_error(c, n, "unsupported statement");
    }
    (void)vm;
}

Value compile_module(VM *vm, Arena *arena, Node *module, const char *filename, int mode, SyntaxErr *err) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm; c.arena = arena; c.filename = filename; c.err = err; c.mode = mode;
    c.interactive = mode == COMPILE_SINGLE;
    Scope *top = symtable_build(arena, module, err);
    if (!top) return VNULL;
    int64_t roots = vm->roots.n;
    if (setjmp(c.fail)) {
        while (c.u) {
            Unit *u = c.u;
            c.u = u->parent;
            free(u->code); free(u->lines); free(u->poss); free(u->hidx); free(u->isjump);
            free(u->labels); free(u->label_depth); free(u->handlers); free(u->slotnames);
            free(u);
        }
        vm->roots.n = roots;
        return VNULL;
    }
    c_enter_unit(&c, top, "<module>", "<module>", 1);
    const NodeList *body = &module->u.module.body;
    if (mode == COMPILE_EVAL) {
        if (body->n != 1 || body->items[0]->kind != N_EXPR) c_error(&c, NULL, "invalid syntax");
        c_expr(&c, body->items[0]->u.ret.value);
        c_emit(&c, OP_RETURN_VALUE, 0);
    } else {
        c_stmts(&c, body);
        c_load_const(&c, vm->none);
        c_emit(&c, OP_RETURN_VALUE, 0);
    }
    return c_assemble_unit(&c);
}
