/* parse_stmt.c — statements: simple statements (assignments, imports, del, ...), compound
 * statements and blocks, with CPython 3.11's messages for the common mistakes. */
#include <string.h>

#include "lang/parser_internal.h"

static void p_statement(Parser *p, Vec *out);

/* ---- blocks ---- */

static NodeList p_simple_stmts(Parser *p);

static NodeList p_block(Parser *p, const char *what, int header_line) {
    if (p_peek(p, 0)->type == T_NEWLINE) {
        Token *nl = p_next(p);
        Token *t = p_peek(p, 0);
        if (t->type == T_ENDMARKER) t = nl;   /* at end of file CPython points at the header's end */
        if (t->type != T_INDENT) {
            p_error(p, "IndentationError", t->line, t->col + 1, t->end_line, t->end_col + 1,
                    "expected an indented block after %s on line %d", what, header_line);
        }
        p_next(p);
        Vec body = {0};
        while (p_peek(p, 0)->type != T_DEDENT && p_peek(p, 0)->type != T_ENDMARKER)
            p_statement(p, &body);
        p_next(p);
        return v_list(&body);
    }
    return p_simple_stmts(p);
}

/* `forced` mirrors CPython's &&':' — a missing colon says "expected ':'" even when some other
 * token stands there; otherwise only a line end does. */
static void expect_colon(Parser *p, int forced) {
    if (p_acceptop(p, O_COLON)) return;
    Token *t = p_peek(p, 0);
    if (forced || t->type == T_NEWLINE) p_error_tok(p, t, "expected ':'");
    p_invalid(p, t);
}

/* The condition of if/elif/while; `x = 1` there gets CPython's hint. */
static Node *p_condition(Parser *p) {
    Node *e = p_named_expression(p);
    if (p_isop(p, O_EQ)) {
        p_next(p);
        Node *b = p_bitor(p);
        if (!p_isop(p, O_EQ) && !p_isop(p, O_WALRUS)) {
            if (e->kind == N_NAME)
                p_error(p, "SyntaxError", e->line, e->col + 1, b->end_line, b->end_col + 1,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            if (!(e->kind == N_LIST || e->kind == N_TUPLE || e->kind == N_GENERATOREXP ||
                  (e->kind == N_CONSTANT && e->u.constant.kind <= K_FALSE)))
                p_error_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                             p_expr_name(e));
        }
        p_invalid(p, p_peek(p, 0));
    }
    return e;
}

/* ---- simple statements ---- */

static Node *rhs(Parser *p) {
    if (p_iskw(p, KW_YIELD)) return p_yield_expr(p);
    return p_star_expressions(p);
}

static int is_single_target(const Node *n) {
    return n->kind == N_NAME || n->kind == N_ATTRIBUTE || n->kind == N_SUBSCRIPT;
}

static int augop(Token *t) {
    if (t->type != T_OP) return -1;
    switch (t->op) {
    case O_PLUSEQ: return OP_ADD;
    case O_MINUSEQ: return OP_SUB;
    case O_STAREQ: return OP_MULT;
    case O_ATEQ: return OP_MATMULT;
    case O_SLASHEQ: return OP_DIV;
    case O_PERCENTEQ: return OP_MOD;
    case O_AMPEQ: return OP_BITAND;
    case O_PIPEEQ: return OP_BITOR;
    case O_CARETEQ: return OP_BITXOR;
    case O_LSHIFTEQ: return OP_LSHIFT;
    case O_RSHIFTEQ: return OP_RSHIFT;
    case O_POWEQ: return OP_POW;
    case O_FLOORDIVEQ: return OP_FLOORDIV;
    default: return -1;
    }
}

/* An unparenthesized tuple starts where its first element starts. */
static int bare_tuple(const Node *n) {
    if (n->kind != N_TUPLE || n->u.seq.elts.n == 0) return 0;
    const Node *f = n->u.seq.elts.items[0];
    return f->line == n->line && f->col == n->col;
}

static void check_assign_targets(Parser *p, Vec *targets, int *bare_yield) {
    /* With a single '=', CPython's invalid_named_expression fires first: its message adds
     * "here. Maybe you meant '==' ...". */
    if (targets->n == 1) {
        Node *t = targets->items[0];
        Node *e = bare_tuple(t) ? t->u.seq.elts.items[t->u.seq.elts.n - 1] : t;
        if (!bare_yield[0] && p_invalid_target(e, CTX_STORE) &&
            !(e->kind == N_LIST || e->kind == N_TUPLE || e->kind == N_GENERATOREXP ||
              e->kind == N_STARRED || (e->kind == N_CONSTANT && e->u.constant.kind <= K_FALSE)))
            p_error_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         p_expr_name(e));
    }
    for (int i = 0; i < targets->n; i++) {
        Node *t = targets->items[i];
        if (bare_yield[i])
            p_error_node(p, t, "assignment to yield expression not possible");
        p_set_ctx(p, t, CTX_STORE);
    }
}

static Node *p_expr_stmt(Parser *p) {
    Token *start = p_peek(p, 0);
    int first_yield = p_iskw(p, KW_YIELD);
    Node *e = rhs(p);
    Token *t = p_peek(p, 0);
    if (t->type == T_OP && t->op == O_COLON) {
        if (bare_tuple(e))
            p_error_node(p, e->u.seq.elts.items[0], "only single target (not tuple) can be annotated");
        if (e->kind == N_TUPLE || e->kind == N_LIST)
            p_error_node(p, e, "only single target (not %s) can be annotated",
                         e->kind == N_TUPLE ? "tuple" : "list");
        if (!is_single_target(e)) p_error_node(p, e, "illegal target for annotation");
        p_next(p);
        Node *a = p_node(p, N_ANNASSIGN, start);
        p_set_ctx(p, e, CTX_STORE);
        a->u.annassign.target = e;
        a->u.annassign.annotation = p_expression(p);
        a->u.annassign.simple = e->kind == N_NAME && !(start->type == T_OP && start->op == O_LPAR);
        if (p_acceptop(p, O_EQ)) a->u.annassign.value = rhs(p);
        p_end(p, a);
        return a;
    }
    int op = augop(t);
    if (op >= 0) {
        if (!is_single_target(e))
            p_error_node(p, e, "'%s' is an illegal expression for augmented assignment",
                         p_expr_name(e));
        p_next(p);
        Node *a = p_node(p, N_AUGASSIGN, start);
        p_set_ctx(p, e, CTX_STORE);
        a->u.augassign.target = e;
        a->u.augassign.op = op;
        a->u.augassign.value = rhs(p);
        p_end(p, a);
        return a;
    }
    if (t->type == T_OP && t->op == O_EQ) {
        Vec targets = {0};
        int cap = 8;
        int *yields = arena_alloc(p->a, sizeof(int) * (size_t)cap);   /* target i was a bare yield */
        v_push(p, &targets, e);
        yields[0] = first_yield;
        Node *value = NULL;
        while (p_acceptop(p, O_EQ)) {
            int y = p_iskw(p, KW_YIELD);
            value = rhs(p);
            if (p_isop(p, O_EQ)) {
                if (targets.n == cap) {
                    int *ny = arena_alloc(p->a, sizeof(int) * (size_t)cap * 2);
                    memcpy(ny, yields, sizeof(int) * (size_t)cap);
                    yields = ny;
                    cap *= 2;
                }
                yields[targets.n] = y;
                v_push(p, &targets, value);
            }
        }
        check_assign_targets(p, &targets, yields);
        Node *a = p_node(p, N_ASSIGN, start);
        a->u.assign.targets = v_list(&targets);
        a->u.assign.value = value;
        p_end(p, a);
        return a;
    }
    if (e->kind == N_NAME && t->line == e->line && p_starts_expr(t) &&
        (strcmp(e->u.name.id, "print") == 0 || strcmp(e->u.name.id, "exec") == 0)) {
        Node *b = p_star_expressions(p);
        p_error(p, "SyntaxError", e->line, e->col + 1, b->end_line, b->end_col + 1,
                "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->u.name.id,
                e->u.name.id);
    }
    Node *s = p_node(p, N_EXPR, start);
    s->u.ret.value = e;
    p_end(p, s);
    return s;
}

static const char *dotted_name(Parser *p) {
    Token *t = p_peek(p, 0);
    if (t->type != T_NAME || t->op != KW_NOTKW) p_invalid(p, t);
    p_next(p);
    const char *s = t->s;
    size_t n = t->n;
    char *buf = NULL;
    while (p_isop(p, O_DOT)) {
        p_next(p);
        Token *u = p_peek(p, 0);
        if (u->type != T_NAME || u->op != KW_NOTKW) p_invalid(p, u);
        p_next(p);
        char *nb = arena_alloc(p->a, n + 1 + u->n + 1);
        memcpy(nb, s, n);
        nb[n] = '.';
        memcpy(nb + n + 1, u->s, u->n);
        n += 1 + u->n;
        buf = nb;
        s = buf;
    }
    return arena_strndup(p->a, s, n);
}

static Node *alias(Parser *p, int dotted) {
    Token *t = p_peek(p, 0);
    Node *a = p_node(p, N_ALIAS, t);
    if (dotted) {
        a->u.alias.name = dotted_name(p);
    } else {
        if (t->type != T_NAME || t->op != KW_NOTKW) p_invalid(p, t);
        p_next(p);
        a->u.alias.name = p_ident(p, t);
    }
    if (p_acceptkw(p, KW_AS)) {
        Token *n = p_peek(p, 0);
        if (n->type != T_NAME || n->op != KW_NOTKW) p_invalid(p, n);
        p_next(p);
        a->u.alias.asname = p_ident(p, n);
    }
    p_end(p, a);
    return a;
}

static Node *p_import(Parser *p, Token *kw) {
    Node *s = p_node(p, N_IMPORT, kw);
    Vec names = {0};
    do v_push(p, &names, alias(p, 1)); while (p_acceptop(p, O_COMMA));
    s->u.import.names = v_list(&names);
    return s;
}

static Node *p_from_import(Parser *p, Token *kw) {
    Node *s = p_node(p, N_IMPORTFROM, kw);
    int level = 0;
    for (;;) {
        if (p_acceptop(p, O_DOT)) level++;
        else if (p_acceptop(p, O_ELLIPSIS)) level += 3;
        else break;
    }
    if (!p_iskw(p, KW_IMPORT) || level == 0) s->u.import.module = dotted_name(p);
    if (!p_acceptkw(p, KW_IMPORT)) p_invalid(p, p_peek(p, 0));
    s->u.import.level = level;
    Vec names = {0};
    if (p_isop(p, O_STAR)) {
        Token *st = p_next(p);
        Node *a = p_node(p, N_ALIAS, st);
        a->u.alias.name = "*";
        v_push(p, &names, a);
    } else if (p_acceptop(p, O_LPAR)) {
        do {
            if (p_isop(p, O_RPAR) && names.n) break;
            v_push(p, &names, alias(p, 0));
        } while (p_acceptop(p, O_COMMA));
        if (!p_acceptop(p, O_RPAR)) p_invalid(p, p_peek(p, 0));
    } else {
        do {
            if (names.n && p_peek(p, 0)->type == T_NEWLINE)
                p_error_tok(p, p_peek(p, 0), "trailing comma not allowed without surrounding parentheses");
            v_push(p, &names, alias(p, 0));
        } while (p_acceptop(p, O_COMMA));
    }
    s->u.import.names = v_list(&names);
    return s;
}

static Node *p_names_stmt(Parser *p, Token *kw, NodeKind k) {
    Node *s = p_node(p, k, kw);
    int cap = 4, n = 0;
    const char **names = arena_alloc(p->a, sizeof(char *) * (size_t)cap);
    do {
        Token *t = p_peek(p, 0);
        if (t->type != T_NAME || t->op != KW_NOTKW) p_invalid(p, t);
        p_next(p);
        if (n == cap) {
            const char **nn = arena_alloc(p->a, sizeof(char *) * (size_t)cap * 2);
            memcpy(nn, names, sizeof(char *) * (size_t)n);
            names = nn;
            cap *= 2;
        }
        names[n++] = p_ident(p, t);
    } while (p_acceptop(p, O_COMMA));
    s->u.names.names = names;
    s->u.names.n = n;
    return s;
}

static Node *p_del(Parser *p, Token *kw) {
    Node *s = p_node(p, N_DELETE, kw);
    Node *e = p_star_expressions(p);
    Vec targets = {0};
    if (bare_tuple(e)) {
        for (int i = 0; i < e->u.seq.elts.n; i++) v_push(p, &targets, e->u.seq.elts.items[i]);
    } else {
        v_push(p, &targets, e);
    }
    for (int i = 0; i < targets.n; i++) p_set_ctx(p, targets.items[i], CTX_DEL);
    s->u.assign.targets = v_list(&targets);
    return s;
}

static Node *p_simple_stmt(Parser *p) {
    Token *t = p_peek(p, 0);
    Node *s;
    if (t->type == T_NAME) {
        switch (t->op) {
        case KW_PASS: p_next(p); return p_node(p, N_PASS, t);
        case KW_BREAK: p_next(p); return p_node(p, N_BREAK, t);
        case KW_CONTINUE: p_next(p); return p_node(p, N_CONTINUE, t);
        case KW_RETURN:
            p_next(p);
            s = p_node(p, N_RETURN, t);
            if (p_starts_expr(p_peek(p, 0)) || p_isop(p, O_STAR)) s->u.ret.value = p_star_expressions(p);
            p_end(p, s);
            return s;
        case KW_RAISE:
            p_next(p);
            s = p_node(p, N_RAISE, t);
            if (p_starts_expr(p_peek(p, 0))) {
                s->u.raise.exc = p_expression(p);
                if (p_acceptkw(p, KW_FROM)) s->u.raise.cause = p_expression(p);
            }
            p_end(p, s);
            return s;
        case KW_GLOBAL: p_next(p); s = p_names_stmt(p, t, N_GLOBAL); p_end(p, s); return s;
        case KW_NONLOCAL: p_next(p); s = p_names_stmt(p, t, N_NONLOCAL); p_end(p, s); return s;
        case KW_DEL: p_next(p); s = p_del(p, t); p_end(p, s); return s;
        case KW_ASSERT:
            p_next(p);
            s = p_node(p, N_ASSERT, t);
            s->u.assert_.test = p_expression(p);
            if (p_acceptop(p, O_COMMA)) s->u.assert_.msg = p_expression(p);
            p_end(p, s);
            return s;
        case KW_IMPORT: p_next(p); s = p_import(p, t); p_end(p, s); return s;
        case KW_FROM: p_next(p); s = p_from_import(p, t); p_end(p, s); return s;
        default: break;
        }
    }
    if (t->type == T_INDENT || t->type == T_DEDENT) p_invalid(p, t);
    if (!p_starts_expr(t) && !(t->type == T_OP && t->op == O_STAR) && !(t->type == T_NAME && t->op == KW_YIELD))
        p_invalid(p, t);
    return p_expr_stmt(p);
}

static NodeList p_simple_stmts(Parser *p) {
    Vec body = {0};
    for (;;) {
        v_push(p, &body, p_simple_stmt(p));
        if (p_acceptop(p, O_SEMI)) {
            if (p_peek(p, 0)->type == T_NEWLINE) break;
            continue;
        }
        break;
    }
    Token *t = p_peek(p, 0);
    if (t->type != T_NEWLINE) p_invalid(p, t);
    p_next(p);
    return v_list(&body);
}

/* ---- compound statements ---- */

static Node *p_if(Parser *p, Token *kw, const char *what) {
    Node *s = p_node(p, N_IF, kw);
    s->u.while_.test = p_condition(p);
    expect_colon(p, 0);
    s->u.while_.body = p_block(p, what, kw->line);
    Token *t = p_peek(p, 0);
    if (t->type == T_NAME && t->op == KW_ELIF) {
        p_next(p);
        Vec orelse = {0};
        p_enter(p);
        v_push(p, &orelse, p_if(p, t, "'elif' statement"));
        p_leave(p);
        s->u.while_.orelse = v_list(&orelse);
    } else if (t->type == T_NAME && t->op == KW_ELSE) {
        p_next(p);
        expect_colon(p, 1);
        s->u.while_.orelse = p_block(p, "'else' statement", t->line);
    }
    p_end(p, s);
    return s;
}

static NodeList p_else(Parser *p) {
    NodeList none = { NULL, 0 };
    Token *t = p_peek(p, 0);
    if (t->type != T_NAME || t->op != KW_ELSE) return none;
    p_next(p);
    expect_colon(p, 1);
    return p_block(p, "'else' statement", t->line);
}

static Node *p_while(Parser *p, Token *kw) {
    Node *s = p_node(p, N_WHILE, kw);
    s->u.while_.test = p_condition(p);
    expect_colon(p, 0);
    s->u.while_.body = p_block(p, "'while' statement", kw->line);
    s->u.while_.orelse = p_else(p);
    p_end(p, s);
    return s;
}

static Node *p_for(Parser *p, Token *kw, Token *async) {
    Node *s = p_node(p, N_FOR, async ? async : kw);
    s->u.for_.is_async = async != NULL;
    s->u.for_.target = p_target_list(p, KW_IN);
    if (!p_acceptkw(p, KW_IN)) p_invalid(p, p_peek(p, 0));
    s->u.for_.iter = p_star_expressions(p);
    expect_colon(p, 0);
    s->u.for_.body = p_block(p, "'for' statement", kw->line);
    s->u.for_.orelse = p_else(p);
    p_end(p, s);
    return s;
}

static Node *with_item(Parser *p) {
    Node *e = p_expression(p);
    Node *w = p_node_at(p, N_WITHITEM, e);
    w->u.withitem.context_expr = e;
    if (p_acceptkw(p, KW_AS)) {
        Node *t;
        if (p_isop(p, O_STAR)) {
            Token *st = p_next(p);
            t = p_node(p, N_STARRED, st);
            t->u.starred.value = p_bitor(p);
            p_end(p, t);
        } else {
            t = p_bitor(p);
        }
        Token *nx = p_peek(p, 0);
        if (!(nx->type == T_NEWLINE || (nx->type == T_OP && (nx->op == O_COMMA || nx->op == O_RPAR || nx->op == O_COLON))))
            p_invalid(p, nx);
        p_set_ctx(p, t, CTX_STORE);
        w->u.withitem.optional_vars = t;
    }
    p_end(p, w);
    return w;
}

/* `with (a, b):` lists items; `with (a, b) as c:` or `with (a).x:` is one expression.
 * Decide by finding the matching ')' and looking at what follows it. */
static int parenthesized_items(Parser *p) {
    if (!p_isop(p, O_LPAR)) return 0;
    int level = p_peek(p, 0)->level;
    for (int k = 1;; k++) {
        Token *t = p_peek(p, k);
        if (t->type == T_ENDMARKER) return 0;
        if (t->type == T_OP && t->op == O_RPAR && t->level == level) {
            Token *n = p_peek(p, k + 1);
            return n->type == T_OP && n->op == O_COLON;
        }
    }
}

static Node *p_with(Parser *p, Token *kw, Token *async) {
    Node *s = p_node(p, N_WITH, async ? async : kw);
    s->u.with.is_async = async != NULL;
    Vec items = {0};
    if (parenthesized_items(p)) {
        p_next(p);
        do {
            if (p_isop(p, O_RPAR) && items.n) break;
            v_push(p, &items, with_item(p));
        } while (p_acceptop(p, O_COMMA));
        if (!p_acceptop(p, O_RPAR)) p_invalid(p, p_peek(p, 0));
    } else {
        do v_push(p, &items, with_item(p)); while (p_acceptop(p, O_COMMA));
    }
    s->u.with.items = v_list(&items);
    expect_colon(p, 0);
    s->u.with.body = p_block(p, "'with' statement", kw->line);
    p_end(p, s);
    return s;
}

static Node *p_try(Parser *p, Token *kw) {
    Node *s = p_node(p, N_TRY, kw);
    expect_colon(p, 1);
    s->u.try_.body = p_block(p, "'try' statement", kw->line);
    Vec handlers = {0};
    int star = -1;
    while (p_iskw(p, KW_EXCEPT)) {
        Token *et = p_next(p);
        int is_star = p_acceptop(p, O_STAR);
        if (star >= 0 && star != is_star)
            p_error_tok(p, et, "cannot have both 'except' and 'except*' on the same 'try'");
        star = is_star;
        Node *h = p_node(p, N_EXCEPTHANDLER, et);
        if (!p_isop(p, O_COLON)) {
            if (is_star && p_peek(p, 0)->type == T_NEWLINE) p_error_tok(p, p_peek(p, 0), "expected ':'");
            h->u.handler.type = p_expression(p);
            if (p_isop(p, O_COMMA)) {
                Node *first = h->u.handler.type;
                p_next(p);
                Node *last = p_expression(p);
                while (p_acceptop(p, O_COMMA)) last = p_expression(p);
                p_error(p, "SyntaxError", first->line, first->col + 1, last->end_line,
                        last->end_col + 1, "multiple exception types must be parenthesized");
            }
            if (p_acceptkw(p, KW_AS)) {
                Token *n = p_peek(p, 0);
                if (n->type != T_NAME || n->op != KW_NOTKW) p_invalid(p, n);
                p_next(p);
                h->u.handler.name = p_ident(p, n);
            }
        } else if (is_star) {
            p_error_tok(p, p_peek(p, 0), "expected one or more exception types");
        }
        expect_colon(p, 0);
        h->u.handler.body = p_block(p, is_star ? "'except*' statement" : "'except' statement", et->line);
        p_end(p, h);
        v_push(p, &handlers, h);
    }
    s->u.try_.handlers = v_list(&handlers);
    s->u.try_.is_star = star == 1;
    if (handlers.n) s->u.try_.orelse = p_else(p);
    if (p_iskw(p, KW_FINALLY)) {
        Token *ft = p_next(p);
        expect_colon(p, 1);
        s->u.try_.finalbody = p_block(p, "'finally' statement", ft->line);
    } else if (!handlers.n) {
        p_error_tok(p, p_peek(p, 0), "expected 'except' or 'finally' block");
    }
    p_end(p, s);
    return s;
}

static Node *p_def(Parser *p, Token *kw, Token *async, Vec *decorators) {
    Node *s = p_node(p, N_FUNCTIONDEF, async ? async : kw);
    s->u.funcdef.is_async = async != NULL;
    Token *name = p_peek(p, 0);
    if (name->type != T_NAME || name->op != KW_NOTKW) p_invalid(p, name);
    p_next(p);
    s->u.funcdef.name = p_ident(p, name);
    if (!p_acceptop(p, O_LPAR)) p_error_tok(p, p_peek(p, 0), "expected '('");
    s->u.funcdef.args = p_parameters(p, 0);
    if (p_acceptop(p, O_ARROW)) s->u.funcdef.returns = p_expression(p);
    expect_colon(p, 1);
    s->u.funcdef.body = p_block(p, "function definition", kw->line);
    if (decorators) s->u.funcdef.decorators = v_list(decorators);
    p_end(p, s);
    return s;
}

static Node *p_class(Parser *p, Token *kw, Vec *decorators) {
    Node *s = p_node(p, N_CLASSDEF, kw);
    Token *name = p_peek(p, 0);
    if (name->type != T_NAME || name->op != KW_NOTKW) p_invalid(p, name);
    p_next(p);
    s->u.classdef.name = p_ident(p, name);
    if (p_acceptop(p, O_LPAR)) {
        Node tmp;
        memset(&tmp, 0, sizeof tmp);
        p_call_args(p, &tmp);
        s->u.classdef.bases = tmp.u.call.args;
        s->u.classdef.keywords = tmp.u.call.keywords;
    }
    expect_colon(p, 1);
    s->u.classdef.body = p_block(p, "class definition", kw->line);
    if (decorators) s->u.classdef.decorators = v_list(decorators);
    p_end(p, s);
    return s;
}

static Node *p_decorated(Parser *p) {
    Vec decos = {0};
    while (p_acceptop(p, O_AT)) {
        v_push(p, &decos, p_named_expression(p));
        Token *t = p_peek(p, 0);
        if (t->type != T_NEWLINE) p_invalid(p, t);
        p_next(p);
    }
    Token *t = p_next(p);
    if (t->type == T_NAME && t->op == KW_DEF) return p_def(p, t, NULL, &decos);
    if (t->type == T_NAME && t->op == KW_CLASS) return p_class(p, t, &decos);
    if (t->type == T_NAME && t->op == KW_ASYNC && p_iskw(p, KW_DEF)) {
        Token *d = p_next(p);
        return p_def(p, d, t, &decos);
    }
    p_invalid(p, t);
}

static Node *p_compound(Parser *p) {
    Token *t = p_peek(p, 0);
    if (t->type == T_OP && t->op == O_AT) return p_decorated(p);
    if (t->type != T_NAME) return NULL;
    switch (t->op) {
    case KW_IF: p_next(p); return p_if(p, t, "'if' statement");
    case KW_WHILE: p_next(p); return p_while(p, t);
    case KW_FOR: p_next(p); return p_for(p, t, NULL);
    case KW_WITH: p_next(p); return p_with(p, t, NULL);
    case KW_TRY: p_next(p); return p_try(p, t);
    case KW_DEF: p_next(p); return p_def(p, t, NULL, NULL);
    case KW_CLASS: p_next(p); return p_class(p, t, NULL);
    case KW_ASYNC: {
        p_next(p);
        Token *k = p_next(p);
        if (k->type == T_NAME && k->op == KW_DEF) return p_def(p, k, t, NULL);
        if (k->type == T_NAME && k->op == KW_FOR) return p_for(p, k, t);
        if (k->type == T_NAME && k->op == KW_WITH) return p_with(p, k, t);
        p_invalid(p, k);
    }
    default: return NULL;
    }
}

static void p_statement(Parser *p, Vec *out) {
    Token *t = p_peek(p, 0);
    if (t->type == T_INDENT) p_invalid(p, t);
    Node *c = p_compound(p);
    if (c) {
        v_push(p, out, c);
        return;
    }
    NodeList l = p_simple_stmts(p);
    for (int i = 0; i < l.n; i++) v_push(p, out, l.items[i]);
}

NodeList p_file(Parser *p) {
    Vec body = {0};
    while (p_peek(p, 0)->type != T_ENDMARKER) p_statement(p, &body);
    return v_list(&body);
}
