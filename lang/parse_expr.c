/* parse_expr.c — expressions: precedence climbing from lambda/if-else down to atoms, call
 * arguments, subscripts, displays and comprehensions, and assignment-target validation
 * with CPython 3.11's error messages. */
#include <stdlib.h>
#include <string.h>

#include "lang/parser_internal.h"

static Node *p_atom(Parser *p);
static Node *dict_value(Parser *p);
static Node *dict_value_at(Parser *p, Token *colon);
static Node *p_factor(Parser *p);

/* ---- target validation ---- */

const char *p_expr_name(const Node *n) {
    switch (n->kind) {
    case N_ATTRIBUTE: return "attribute";
    case N_SUBSCRIPT: return "subscript";
    case N_STARRED: return "starred";
    case N_NAME: return "name";
    case N_LIST: return "list";
    case N_TUPLE: return "tuple";
    case N_LAMBDA: return "lambda";
    case N_CALL: return "function call";
    case N_BOOLOP: case N_BINOP: case N_UNARYOP: return "expression";
    case N_GENERATOREXP: return "generator expression";
    case N_YIELD: case N_YIELDFROM: return "yield expression";
    case N_AWAIT: return "await expression";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_JOINEDSTR: case N_FORMATTEDVALUE: return "f-string expression";
    case N_CONSTANT:
        switch (n->u.constant.kind) {
        case K_NONE: return "None";
        case K_TRUE: return "True";
        case K_FALSE: return "False";
        case K_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    case N_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

/* The first sub-expression that cannot be a target, or NULL (CPython's
 * _PyPegen_get_invalid_target). */
const Node *p_invalid_target(const Node *n, ExprCtx ctx) {
    switch (n->kind) {
    case N_LIST: case N_TUPLE:
        for (int i = 0; i < n->u.seq.elts.n; i++) {
            const Node *c = p_invalid_target(n->u.seq.elts.items[i], ctx);
            if (c) return c;
        }
        return NULL;
    case N_STARRED:
        if (ctx == CTX_DEL) return n;
        return p_invalid_target(n->u.starred.value, ctx);
    case N_NAME: case N_SUBSCRIPT: case N_ATTRIBUTE: return NULL;
    default: return n;
    }
}

static void set_ctx_rec(Node *n, ExprCtx ctx) {
    switch (n->kind) {
    case N_NAME: n->u.name.ctx = ctx; break;
    case N_ATTRIBUTE: n->u.attr.ctx = ctx; break;
    case N_SUBSCRIPT: n->u.subscript.ctx = ctx; break;
    case N_STARRED: n->u.starred.ctx = ctx; set_ctx_rec(n->u.starred.value, ctx); break;
    case N_LIST: case N_TUPLE:
        n->u.seq.ctx = ctx;
        for (int i = 0; i < n->u.seq.elts.n; i++) set_ctx_rec(n->u.seq.elts.items[i], ctx);
        break;
    default: break;
    }
}

void p_set_ctx(Parser *p, Node *n, ExprCtx ctx) {
    const Node *bad = p_invalid_target(n, ctx);
    if (bad) {
        p_error_node(p, bad, ctx == CTX_DEL ? "cannot delete %s" : "cannot assign to %s",
                     p_expr_name(bad));
    }
    set_ctx_rec(n, ctx);
}

/* ---- helpers ---- */

static Node *mk_name(Parser *p, Token *t, ExprCtx ctx) {
    Node *n = p_node(p, N_NAME, t);
    n->u.name.id = p_ident(p, t);
    n->u.name.ctx = ctx;
    return n;
}

static void expect_op(Parser *p, int op) {
    if (!p_acceptop(p, op)) p_invalid(p, p_peek(p, 0));
}

/* CPython's invalid_expression: two expressions side by side inside brackets. */
static void missing_comma_or_invalid(Parser *p, Node *prev) {
    Token *t = p_peek(p, 0);
    if (prev && t->level > 0 && p_starts_expr(t) && prev->kind != N_LAMBDA && prev->kind != N_IFEXP &&
        !(prev->kind == N_NAME && t->type == T_STRING) && !p_iskw(p, KW_NOT)) {
        Node *b = p_expression(p);
        p_error(p, "SyntaxError", prev->line, prev->col + 1, b->end_line, b->end_col + 1,
                "invalid syntax. Perhaps you forgot a comma?");
    }
    p_invalid(p, t);
}

/* ---- comprehensions ---- */

static int at_comp_for(Parser *p) {
    return p_iskw(p, KW_FOR) || (p_iskw(p, KW_ASYNC) && p_peek(p, 1)->type == T_NAME && p_peek(p, 1)->op == KW_FOR);
}

static NodeList p_generators(Parser *p) {
    Vec gens = {0};
    while (at_comp_for(p)) {
        Token *start = p_peek(p, 0);
        Node *c = p_node(p, N_COMPREHENSION, start);
        if (p_acceptkw(p, KW_ASYNC)) c->u.comprehension.is_async = 1;
        p_next(p);  /* for */
        c->u.comprehension.target = p_target_list(p, KW_IN);
        if (!p_acceptkw(p, KW_IN)) p_invalid(p, p_peek(p, 0));
        c->u.comprehension.iter = p_disjunction(p);
        Vec ifs = {0};
        while (p_acceptkw(p, KW_IF)) v_push(p, &ifs, p_disjunction(p));
        c->u.comprehension.ifs = v_list(&ifs);
        p_end(p, c);
        v_push(p, &gens, c);
    }
    return v_list(&gens);
}

static Node *comp(Parser *p, NodeKind k, Token *start, Node *key, Node *elt) {
    Node *n = p_node(p, k, start);
    n->u.comp.key = key;
    n->u.comp.elt = elt;
    n->u.comp.generators = p_generators(p);
    return n;
}

/* star_targets for `for` loops and comprehensions: stops before `in`. */
Node *p_target_list(Parser *p, int stop_kw) {
    Token *start = p_peek(p, 0);
    Vec elts = {0};
    int trailing = 0;
    for (;;) {
        Node *e;
        if (p_isop(p, O_STAR)) {
            Token *st = p_next(p);
            e = p_node(p, N_STARRED, st);
            e->u.starred.value = p_bitor(p);
            p_end(p, e);
        } else {
            e = p_bitor(p);
        }
        v_push(p, &elts, e);
        if (!p_acceptop(p, O_COMMA)) { trailing = 0; break; }
        trailing = 1;
        if (p_iskw(p, stop_kw) || !(p_starts_expr(p_peek(p, 0)) || p_isop(p, O_STAR))) break;
    }
    Node *t;
    if (elts.n == 1 && !trailing) {
        t = elts.items[0];
    } else {
        t = p_node(p, N_TUPLE, start);
        t->u.seq.elts = v_list(&elts);
        p_end(p, t);
    }
    p_set_ctx(p, t, CTX_STORE);
    return t;
}

/* ---- atoms ---- */

static Node *p_star_named(Parser *p) {
    if (p_isop(p, O_STAR)) {
        Token *st = p_next(p);
        Node *e = p_node(p, N_STARRED, st);
        e->u.starred.value = p_bitor(p);
        p_end(p, e);
        return e;
    }
    return p_named_expression(p);
}

/* Elements after the first of a list/tuple/set display, up to the closer. */
static void rest_of_display(Parser *p, Vec *elts, int closer) {
    while (p_acceptop(p, O_COMMA)) {
        if (p_isop(p, closer)) break;
        v_push(p, elts, p_star_named(p));
    }
    if (!p_isop(p, closer)) missing_comma_or_invalid(p, elts->items[elts->n - 1]);
    p_next(p);
}

static Node *p_paren(Parser *p, Token *open) {
    if (p_acceptop(p, O_RPAR)) {
        Node *t = p_node(p, N_TUPLE, open);
        p_end(p, t);
        return t;
    }
    if (p_iskw(p, KW_YIELD)) {
        Node *y = p_yield_expr(p);
        expect_op(p, O_RPAR);
        return y;
    }
    Node *first = p_star_named(p);
    if (at_comp_for(p)) {
        Node *g = comp(p, N_GENERATOREXP, open, NULL, first);
        expect_op(p, O_RPAR);
        p_end(p, g);
        return g;
    }
    if (p_isop(p, O_RPAR)) {
        p_next(p);
        return first;   /* a parenthesized expression keeps its own position, like CPython */
    }
    if (!p_isop(p, O_COMMA)) missing_comma_or_invalid(p, first);
    Node *t = p_node(p, N_TUPLE, open);
    Vec elts = {0};
    v_push(p, &elts, first);
    rest_of_display(p, &elts, O_RPAR);
    t->u.seq.elts = v_list(&elts);
    p_end(p, t);
    return t;
}

static Node *p_list(Parser *p, Token *open) {
    Node *l = p_node(p, N_LIST, open);
    if (p_acceptop(p, O_RSQB)) { p_end(p, l); return l; }
    Node *first = p_star_named(p);
    if (at_comp_for(p)) {
        Node *c = comp(p, N_LISTCOMP, open, NULL, first);
        expect_op(p, O_RSQB);
        p_end(p, c);
        return c;
    }
    Vec elts = {0};
    v_push(p, &elts, first);
    rest_of_display(p, &elts, O_RSQB);
    l->u.seq.elts = v_list(&elts);
    p_end(p, l);
    return l;
}

static Node *p_brace(Parser *p, Token *open) {
    if (p_acceptop(p, O_RBRACE)) {
        Node *d = p_node(p, N_DICT, open);
        p_end(p, d);
        return d;
    }
    Vec keys = {0}, vals = {0};
    if (p_isop(p, O_POW)) {
        p_next(p);
        v_push(p, &keys, NULL);
        v_push(p, &vals, p_bitor(p));
    } else {
        Node *first = p_star_named(p);
        if (first->kind != N_STARRED && p_isop(p, O_COLON)) {
            Node *v = dict_value(p);
            if (at_comp_for(p)) {
                Node *c = comp(p, N_DICTCOMP, open, first, v);
                expect_op(p, O_RBRACE);
                p_end(p, c);
                return c;
            }
            v_push(p, &keys, first);
            v_push(p, &vals, v);
        } else {
            if (at_comp_for(p)) {
                Node *c = comp(p, N_SETCOMP, open, NULL, first);
                expect_op(p, O_RBRACE);
                p_end(p, c);
                return c;
            }
            Node *s = p_node(p, N_SET, open);
            Vec elts = {0};
            v_push(p, &elts, first);
            rest_of_display(p, &elts, O_RBRACE);
            s->u.seq.elts = v_list(&elts);
            p_end(p, s);
            return s;
        }
    }
    /* dict display */
    while (p_acceptop(p, O_COMMA)) {
        if (p_isop(p, O_RBRACE)) break;
        if (p_acceptop(p, O_POW)) {
            v_push(p, &keys, NULL);
            v_push(p, &vals, p_bitor(p));
            continue;
        }
        Node *k = p_expression(p);
        Token *colon_tok = p_peek(p, 0);
        if (!p_acceptop(p, O_COLON)) {
            Token *t = p_peek(p, 0);
            if (t->type == T_OP && (t->op == O_COMMA || t->op == O_RBRACE))
                p_error(p, "SyntaxError", k->line, k->col + 1, k->end_line, 0,
                        "':' expected after dictionary key");
            p_invalid(p, t);
        }
        v_push(p, &keys, k);
        v_push(p, &vals, dict_value_at(p, colon_tok));
    }
    if (!p_isop(p, O_RBRACE)) missing_comma_or_invalid(p, vals.items[vals.n - 1]);
    p_next(p);
    Node *d = p_node(p, N_DICT, open);
    d->u.dict.keys = v_list(&keys);
    d->u.dict.values = v_list(&vals);
    p_end(p, d);
    return d;
}

/* The value after `key:` in a dict display (the ':' is the current token or just consumed). */
static Node *dict_value_at(Parser *p, Token *colon) {
    Token *t = p_peek(p, 0);
    if (t->type == T_OP && (t->op == O_COMMA || t->op == O_RBRACE))
        p_error(p, "SyntaxError", colon->line, colon->col + 1, colon->end_line, colon->end_col + 1,
                "expression expected after dictionary key and ':'");
    return p_expression(p);
}
static Node *dict_value(Parser *p) {
    Token *colon = p_next(p);
    return dict_value_at(p, colon);
}

static Node *constant(Parser *p, Token *t, ConstKind k) {
    Node *n = p_node(p, N_CONSTANT, t);
    n->u.constant.kind = k;
    return n;
}

static Node *p_number(Parser *p, Token *t) {
    const char *s = t->s;
    size_t n = t->n;
    char *buf = arena_alloc(p->a, n + 1);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_') buf[m++] = s[i];
    buf[m] = 0;
    Node *c = p_node(p, N_CONSTANT, t);
    int is_hex = m > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
    char last = buf[m - 1];
    if (last == 'j' || last == 'J') {
        buf[m - 1] = 0;
        c->u.constant.kind = K_IMAG;
        c->u.constant.f = strtod(buf, NULL);
    } else if (!is_hex && (strchr(buf, '.') || strchr(buf, 'e') || strchr(buf, 'E'))) {
        c->u.constant.kind = K_FLOAT;
        c->u.constant.f = strtod(buf, NULL);
    } else {
        c->u.constant.kind = K_INT;
        c->u.constant.str = buf;
        c->u.constant.len = m;
    }
    return c;
}

static Node *p_atom(Parser *p) {
    Token *t = p_peek(p, 0);
    switch (t->type) {
    case T_NAME:
        switch (t->op) {
        case KW_NOTKW: p_next(p); return mk_name(p, t, CTX_LOAD);
        case KW_TRUE: p_next(p); return constant(p, t, K_TRUE);
        case KW_FALSE: p_next(p); return constant(p, t, K_FALSE);
        case KW_NONE: p_next(p); return constant(p, t, K_NONE);
        default: p_invalid(p, t);
        }
    case T_NUMBER: p_next(p); return p_number(p, t);
    case T_STRING: return p_strings(p);
    case T_OP: {
        Node *r;
        switch (t->op) {
        case O_LPAR: p_next(p); p_enter(p); r = p_paren(p, t); p_leave(p); return r;
        case O_LSQB: p_next(p); p_enter(p); r = p_list(p, t); p_leave(p); return r;
        case O_LBRACE: p_next(p); p_enter(p); r = p_brace(p, t); p_leave(p); return r;
        case O_ELLIPSIS: p_next(p); return constant(p, t, K_ELLIPSIS);
        default: break;
        }
    }
    /* fall through */
    default:
        p_invalid(p, t);
    }
}

/* ---- trailers ---- */

static Node *p_slice(Parser *p) {
    Token *start = p_peek(p, 0);
    Node *lower = NULL;
    if (!p_isop(p, O_COLON)) {
        if (p_isop(p, O_STAR)) return p_star_named(p);
        lower = p_named_expression(p);
        if (!p_isop(p, O_COLON)) return lower;
    }
    Node *s = p_node(p, N_SLICE, start);
    p_next(p);  /* ':' */
    s->u.slice.lower = lower;
    if (!p_isop(p, O_COLON) && !p_isop(p, O_COMMA) && !p_isop(p, O_RSQB))
        s->u.slice.upper = p_expression(p);
    if (p_acceptop(p, O_COLON)) {
        if (!p_isop(p, O_COMMA) && !p_isop(p, O_RSQB)) s->u.slice.step = p_expression(p);
    }
    p_end(p, s);
    return s;
}

static Node *p_slices(Parser *p) {
    Token *start = p_peek(p, 0);
    Node *first = p_slice(p);
    if (!p_isop(p, O_COMMA) && first->kind != N_STARRED) {
        if (!p_isop(p, O_RSQB)) missing_comma_or_invalid(p, first);
        return first;
    }
    Vec elts = {0};
    v_push(p, &elts, first);
    while (p_acceptop(p, O_COMMA)) {
        if (p_isop(p, O_RSQB)) break;
        v_push(p, &elts, p_slice(p));
    }
    if (!p_isop(p, O_RSQB)) missing_comma_or_invalid(p, elts.items[elts.n - 1]);
    Node *t = p_node(p, N_TUPLE, start);
    t->u.seq.elts = v_list(&elts);
    p_end(p, t);
    return t;
}

void p_call_args(Parser *p, Node *call) {
    Vec args = {0}, kws = {0};
    int seen_kw = 0, seen_dstar = 0;
    while (!p_isop(p, O_RPAR)) {
        Token *t = p_peek(p, 0);
        if (t->type == T_OP && t->op == O_STAR) {
            p_next(p);
            if (seen_dstar)
                p_error(p, "SyntaxError", t->line, t->col + 1, t->end_line, t->end_col + 1,
                        "iterable argument unpacking follows keyword argument unpacking");
            Node *s = p_node(p, N_STARRED, t);
            s->u.starred.value = p_expression(p);
            p_end(p, s);
            v_push(p, &args, s);
        } else if (t->type == T_OP && t->op == O_POW) {
            p_next(p);
            Node *k = p_node(p, N_KEYWORD, t);
            k->u.keyword.value = p_expression(p);
            p_end(p, k);
            v_push(p, &kws, k);
            seen_dstar = 1;
        } else if (t->type == T_NAME && p_peek(p, 1)->type == T_OP && p_peek(p, 1)->op == O_EQ) {
            if (t->op != KW_NOTKW) {
                if (t->op == KW_TRUE || t->op == KW_FALSE || t->op == KW_NONE) {
                    p_next(p); p_next(p);
                    Node *v = p_expression(p);
                    p_error(p, "SyntaxError", t->line, t->col + 1, v->end_line, v->end_col + 1,
                            "cannot assign to %.*s", (int)t->n, t->s);
                }
                p_invalid(p, t);
            }
            p_next(p); p_next(p);
            Node *k = p_node(p, N_KEYWORD, t);
            k->u.keyword.arg = p_ident(p, t);
            k->u.keyword.value = p_expression(p);
            p_end(p, k);
            if (at_comp_for(p)) p_invalid(p, p_peek(p, 0));
            v_push(p, &kws, k);
            seen_kw = 1;
        } else {
            Node *e = p_named_expression(p);
            if (at_comp_for(p)) {
                Node *g = comp(p, N_GENERATOREXP, t, NULL, e);
                p_end(p, g);
                if (args.n + kws.n > 0 || !p_isop(p, O_RPAR))
                    p_error_node(p, g, "Generator expression must be parenthesized");
                e = g;
            }
            if (p_isop(p, O_EQ)) {
                p_next(p);
                Node *v = p_expression(p);
                p_error(p, "SyntaxError", e->line, e->col + 1, v->end_line, v->end_col + 1,
                        "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (seen_kw || seen_dstar) {
                Token *at = p_peek(p, 0);
                p_error(p, "SyntaxError", at->line, at->col + 1, at->end_line, at->end_col + 1,
                        seen_dstar ? "positional argument follows keyword argument unpacking"
                                   : "positional argument follows keyword argument");
            }
            v_push(p, &args, e);
        }
        if (!p_acceptop(p, O_COMMA)) {
            if (!p_isop(p, O_RPAR))
                missing_comma_or_invalid(p, args.n ? args.items[args.n - 1] : NULL);
            break;
        }
    }
    p_next(p);  /* ')' */
    call->u.call.args = v_list(&args);
    call->u.call.keywords = v_list(&kws);
}

static Node *p_primary(Parser *p) {
    Node *e = p_atom(p);
    int links = 0;
    for (;;) {
        Token *t = p_peek(p, 0);
        if (t->type != T_OP) break;
        if (t->op == O_DOT || t->op == O_LPAR || t->op == O_LSQB) p_chain(p, &links);
        if (t->op == O_DOT) {
            p_next(p);
            Token *name = p_peek(p, 0);
            if (name->type != T_NAME || name->op != KW_NOTKW) p_invalid(p, name);
            p_next(p);
            Node *a = p_node_at(p, N_ATTRIBUTE, e);
            a->u.attr.value = e;
            a->u.attr.attr = p_ident(p, name);
            p_end(p, a);
            e = a;
        } else if (t->op == O_LPAR) {
            p_next(p);
            p_enter(p);
            Node *c = p_node_at(p, N_CALL, e);
            c->u.call.func = e;
            p_call_args(p, c);
            p_leave(p);
            p_end(p, c);
            e = c;
        } else if (t->op == O_LSQB) {
            p_next(p);
            p_enter(p);
            Node *s = p_node_at(p, N_SUBSCRIPT, e);
            s->u.subscript.value = e;
            s->u.subscript.slice = p_slices(p);
            expect_op(p, O_RSQB);
            p_leave(p);
            p_end(p, s);
            e = s;
        } else break;
    }
    p->depth -= links;
    return e;
}

static Node *p_power(Parser *p) {
    Node *e;
    if (p_iskw(p, KW_AWAIT)) {
        Token *t = p_next(p);
        e = p_node(p, N_AWAIT, t);
        e->u.ret.value = p_primary(p);
        p_end(p, e);
    } else {
        e = p_primary(p);
    }
    if (p_isop(p, O_POW)) {
        p_next(p);
        Node *b = p_node_at(p, N_BINOP, e);
        b->u.binop.left = e;
        b->u.binop.op = OP_POW;
        b->u.binop.right = p_factor(p);
        p_end(p, b);
        e = b;
    }
    return e;
}

static Node *p_factor(Parser *p) {
    Token *t = p_peek(p, 0);
    if (t->type == T_OP && (t->op == O_PLUS || t->op == O_MINUS || t->op == O_TILDE)) {
        p_next(p);
        p_enter(p);
        Node *u = p_node(p, N_UNARYOP, t);
        u->u.unary.op = t->op == O_PLUS ? UOP_UADD : t->op == O_MINUS ? UOP_USUB : UOP_INVERT;
        u->u.unary.operand = p_factor(p);
        p_leave(p);
        p_end(p, u);
        return u;
    }
    return p_power(p);
}

/* Binary operator levels, loosest first: | ^ & shifts additive multiplicative. */
static int binop_at(Token *t, int level) {
    if (t->type != T_OP) return -1;
    switch (level) {
    case 0: return t->op == O_PIPE ? OP_BITOR : -1;
    case 1: return t->op == O_CARET ? OP_BITXOR : -1;
    case 2: return t->op == O_AMP ? OP_BITAND : -1;
    case 3: return t->op == O_LSHIFT ? OP_LSHIFT : t->op == O_RSHIFT ? OP_RSHIFT : -1;
    case 4: return t->op == O_PLUS ? OP_ADD : t->op == O_MINUS ? OP_SUB : -1;
    case 5:
        switch (t->op) {
        case O_STAR: return OP_MULT;
        case O_SLASH: return OP_DIV;
        case O_FLOORDIV: return OP_FLOORDIV;
        case O_PERCENT: return OP_MOD;
        case O_AT: return OP_MATMULT;
        default: return -1;
        }
    default: return -1;
    }
}

static Node *p_binary(Parser *p, int level) {
    if (level == 6) return p_factor(p);
    Node *l = p_binary(p, level + 1);
    int links = 0;
    for (;;) {
        int op = binop_at(p_peek(p, 0), level);
        if (op < 0) {
            p->depth -= links;
            return l;
        }
        p_chain(p, &links);
        p_next(p);
        Node *b = p_node_at(p, N_BINOP, l);
        b->u.binop.left = l;
        b->u.binop.op = op;
        b->u.binop.right = p_binary(p, level + 1);
        p_end(p, b);
        l = b;
    }
}

Node *p_bitor(Parser *p) { return p_binary(p, 0); }

static int cmp_op(Parser *p) {
    Token *t = p_peek(p, 0);
    if (t->type == T_OP) {
        switch (t->op) {
        case O_EQEQ: return CMP_EQ;
        case O_NE: return CMP_NOTEQ;
        case O_LT: return CMP_LT;
        case O_LE: return CMP_LTE;
        case O_GT: return CMP_GT;
        case O_GE: return CMP_GTE;
        default: return -1;
        }
    }
    if (t->type == T_NAME) {
        if (t->op == KW_IN) return CMP_IN;
        if (t->op == KW_IS) {
            Token *n = p_peek(p, 1);
            return n->type == T_NAME && n->op == KW_NOT ? CMP_ISNOT : CMP_IS;
        }
        if (t->op == KW_NOT) {
            Token *n = p_peek(p, 1);
            return n->type == T_NAME && n->op == KW_IN ? CMP_NOTIN : -1;
        }
    }
    return -1;
}

static Node *p_comparison(Parser *p) {
    Node *l = p_bitor(p);
    int op = cmp_op(p);
    if (op < 0) return l;
    Node *c = p_node_at(p, N_COMPARE, l);
    c->u.compare.left = l;
    int cap = 4, n = 0;
    int *ops = arena_alloc(p->a, sizeof(int) * (size_t)cap);
    Vec comps = {0};
    while (op >= 0) {
        p_next(p);
        if (op == CMP_ISNOT || op == CMP_NOTIN) p_next(p);
        if (n == cap) {
            int *nops = arena_alloc(p->a, sizeof(int) * (size_t)cap * 2);
            memcpy(nops, ops, sizeof(int) * (size_t)n);
            ops = nops;
            cap *= 2;
        }
        ops[n++] = op;
        v_push(p, &comps, p_bitor(p));
        op = cmp_op(p);
    }
    c->u.compare.ops = ops;
    c->u.compare.comparators = v_list(&comps);
    p_end(p, c);
    return c;
}

static Node *p_inversion(Parser *p) {
    if (p_iskw(p, KW_NOT)) {
        Token *t = p_next(p);
        p_enter(p);
        Node *u = p_node(p, N_UNARYOP, t);
        u->u.unary.op = UOP_NOT;
        u->u.unary.operand = p_inversion(p);
        p_leave(p);
        p_end(p, u);
        return u;
    }
    return p_comparison(p);
}

static Node *boolop(Parser *p, int kw, int op, Node *(*sub)(Parser *)) {
    Node *first = sub(p);
    if (!p_iskw(p, kw)) return first;
    Node *b = p_node_at(p, N_BOOLOP, first);
    b->u.boolop.op = op;
    Vec vals = {0};
    v_push(p, &vals, first);
    while (p_acceptkw(p, kw)) v_push(p, &vals, sub(p));
    b->u.boolop.values = v_list(&vals);
    p_end(p, b);
    return b;
}

static Node *p_conjunction(Parser *p) { return boolop(p, KW_AND, OP_AND, p_inversion); }
Node *p_disjunction(Parser *p) { return boolop(p, KW_OR, OP_OR, p_conjunction); }

static Node *p_lambda(Parser *p) {
    Token *t = p_next(p);
    Node *l = p_node(p, N_LAMBDA, t);
    l->u.lambda.args = p_parameters(p, 1);
    if (!p_acceptop(p, O_COLON)) p_invalid(p, p_peek(p, 0));
    l->u.lambda.body = p_expression(p);
    p_end(p, l);
    return l;
}

Node *p_expression(Parser *p) {
    p_enter(p);
    Node *r;
    if (p_iskw(p, KW_LAMBDA)) {
        r = p_lambda(p);
    } else {
        Node *d = p_disjunction(p);
        if (p_acceptkw(p, KW_IF)) {
            Node *test = p_disjunction(p);
            if (!p_acceptkw(p, KW_ELSE)) {
                p_error(p, "SyntaxError", d->line, d->col + 1, test->end_line, test->end_col + 1,
                        "expected 'else' after 'if' expression");
            }
            Node *e = p_node_at(p, N_IFEXP, d);
            e->u.ifexp.body = d;
            e->u.ifexp.test = test;
            e->u.ifexp.orelse = p_expression(p);
            p_end(p, e);
            r = e;
        } else {
            r = d;
        }
    }
    p_leave(p);
    return r;
}

Node *p_named_expression(Parser *p) {
    Token *t = p_peek(p, 0);
    if (t->type == T_NAME && t->op == KW_NOTKW && p_peek(p, 1)->type == T_OP && p_peek(p, 1)->op == O_WALRUS) {
        p_next(p);
        p_next(p);
        Node *n = p_node(p, N_NAMEDEXPR, t);
        n->u.named.target = mk_name(p, t, CTX_STORE);
        n->u.named.value = p_expression(p);
        p_end(p, n);
        return n;
    }
    Node *e = p_expression(p);
    if (p_isop(p, O_WALRUS)) p_error_node(p, e, "cannot use assignment expressions with %s", p_expr_name(e));
    return e;
}

Node *p_star_expression(Parser *p) {
    if (p_isop(p, O_STAR)) {
        Token *t = p_next(p);
        Node *s = p_node(p, N_STARRED, t);
        s->u.starred.value = p_bitor(p);
        p_end(p, s);
        return s;
    }
    return p_expression(p);
}

Node *p_star_expressions(Parser *p) {
    Node *first = p_star_expression(p);
    if (!p_isop(p, O_COMMA)) return first;
    Node *t = p_node_at(p, N_TUPLE, first);
    Vec elts = {0};
    v_push(p, &elts, first);
    while (p_acceptop(p, O_COMMA)) {
        if (!p_starts_expr(p_peek(p, 0)) && !p_isop(p, O_STAR)) break;
        v_push(p, &elts, p_star_expression(p));
    }
    t->u.seq.elts = v_list(&elts);
    p_end(p, t);
    return t;
}

Node *p_yield_expr(Parser *p) {
    Token *t = p_next(p);
    if (p_acceptkw(p, KW_FROM)) {
        Node *y = p_node(p, N_YIELDFROM, t);
        y->u.ret.value = p_expression(p);
        p_end(p, y);
        return y;
    }
    Node *y = p_node(p, N_YIELD, t);
    if (p_starts_expr(p_peek(p, 0)) || p_isop(p, O_STAR)) y->u.ret.value = p_star_expressions(p);
    p_end(p, y);
    return y;
}

/* ---- parameters (def and lambda) ---- */

static Node *p_param(Parser *p, int is_lambda, int allow_star_annot) {
    Token *t = p_peek(p, 0);
    if (t->type != T_NAME || t->op != KW_NOTKW) p_invalid(p, t);
    p_next(p);
    Node *a = p_node(p, N_ARG, t);
    a->u.arg.name = p_ident(p, t);
    if (!is_lambda && p_acceptop(p, O_COLON)) {
        if (allow_star_annot && p_isop(p, O_STAR)) {
            a->u.arg.annotation = p_star_expression(p);
        } else {
            a->u.arg.annotation = p_expression(p);
        }
    }
    p_end(p, a);
    return a;
}

Node *p_parameters(Parser *p, int is_lambda) {
    Token *start = p_peek(p, 0);
    Node *args = p_node(p, N_ARGUMENTS, start);
    Vec posonly = {0}, plain = {0}, kwonly = {0}, kwdefs = {0}, defs = {0};
    int closer = is_lambda ? O_COLON : O_RPAR;
    int star_seen = 0;
    while (!p_isop(p, closer)) {
        Token *t = p_peek(p, 0);
        if (t->type == T_OP && t->op == O_SLASH) {
            if (star_seen || posonly.n || plain.n == 0) {
                if (star_seen) p_error_tok(p, t, "/ must be ahead of *");
                if (posonly.n) p_error_tok(p, t, "/ may appear only once");
                p_error_tok(p, t, "at least one argument must precede /");
            }
            p_next(p);
            posonly = plain;
            memset(&plain, 0, sizeof plain);
        } else if (t->type == T_OP && t->op == O_STAR) {
            if (star_seen) p_error_tok(p, t, "* argument may appear only once");
            p_next(p);
            star_seen = 1;
            if (p_isop(p, O_COMMA) || p_isop(p, closer)) {
                Token *n = p_peek(p, 1);
                if (p_isop(p, closer) || (n->type == T_OP && (n->op == closer || n->op == O_POW))) {
                    Token *at = is_lambda ? p_peek(p, 0) : t;   /* where CPython points */
                    p_error(p, "SyntaxError", at->line, at->col + 1, at->end_line, at->end_col + 1,
                            "named arguments must follow bare *");
                }
            } else {
                args->u.arguments.vararg = p_param(p, is_lambda, 1);
            }
        } else if (t->type == T_OP && t->op == O_POW) {
            p_next(p);
            args->u.arguments.kwarg = p_param(p, is_lambda, 0);
            p_acceptop(p, O_COMMA);
            if (!p_isop(p, closer)) {
                Token *b = p_peek(p, 0);
                p_error(p, "SyntaxError", b->line, b->col + 1, b->end_line, b->end_col + 1,
                        "arguments cannot follow var-keyword argument");
            }
            break;
        } else {
            Node *a = p_param(p, is_lambda, 0);
            Node *dflt = NULL;
            if (p_acceptop(p, O_EQ)) dflt = p_expression(p);
            if (star_seen) {
                v_push(p, &kwonly, a);
                v_push(p, &kwdefs, dflt);
            } else {
                if (dflt) v_push(p, &defs, dflt);
                else if (defs.n)
                    p_error(p, "SyntaxError", a->line, a->col + 1, a->end_line, a->end_col + 1,
                            "non-default argument follows default argument");
                v_push(p, &plain, a);
            }
        }
        if (!p_acceptop(p, O_COMMA)) break;
    }
    if (!p_isop(p, closer)) p_invalid(p, p_peek(p, 0));
    if (!is_lambda) p_next(p);
    args->u.arguments.posonlyargs = v_list(&posonly);
    args->u.arguments.args = v_list(&plain);
    args->u.arguments.kwonlyargs = v_list(&kwonly);
    args->u.arguments.kw_defaults = v_list(&kwdefs);
    args->u.arguments.defaults = v_list(&defs);
    return args;
}
