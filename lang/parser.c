/* parser.c — the parser's entry points (parse_module, parse_expression) and the token,
 * node and error helpers the expression/statement/string files share.
 *
 * Errors unwind with longjmp to the entry point; the arena owns every allocation, so an
 * abandoned parse leaks nothing. After a parser error the rest of the source is tokenized,
 * because CPython prefers a later tokenizer error (unterminated string, unclosed bracket)
 * to a generic parser error. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lang/parser_internal.h"

/* ---- tokens ---- */

Token *p_peek(Parser *p, int k) { return lex_token(&p->L, p->pos + k); }

Token *p_next(Parser *p) {
    Token *t = p_peek(p, 0);
    if (t->type != T_ENDMARKER) p->pos++;
    return t;
}

Token *p_prev(Parser *p) { return p->pos > 0 ? lex_token(&p->L, p->pos - 1) : p_peek(p, 0); }

int p_isop(Parser *p, int op) {
    Token *t = p_peek(p, 0);
    return t->type == T_OP && t->op == op;
}

int p_iskw(Parser *p, int kw) {
    Token *t = p_peek(p, 0);
    return t->type == T_NAME && t->op == kw;
}

int p_acceptop(Parser *p, int op) {
    if (!p_isop(p, op)) return 0;
    p_next(p);
    return 1;
}

int p_acceptkw(Parser *p, int kw) {
    if (!p_iskw(p, kw)) return 0;
    p_next(p);
    return 1;
}

int p_starts_expr(Token *t) {
    switch (t->type) {
    case T_NAME:
        return t->op == KW_NOTKW || t->op == KW_TRUE || t->op == KW_FALSE || t->op == KW_NONE ||
               t->op == KW_NOT || t->op == KW_LAMBDA || t->op == KW_AWAIT;
    case T_NUMBER: case T_STRING: return 1;
    case T_OP:
        return t->op == O_LPAR || t->op == O_LSQB || t->op == O_LBRACE || t->op == O_MINUS ||
               t->op == O_PLUS || t->op == O_TILDE || t->op == O_ELLIPSIS;
    default: return 0;
    }
}

/* ---- errors ---- */

void p_error(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
             const char *fmt, ...) {
    SyntaxErr *e = p->err;
    char buf[sizeof e->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    memcpy(e->msg, buf, sizeof buf);
    e->kind = kind;
    e->line = line;
    e->col = col;
    e->end_line = end_line;
    e->end_col = end_col;
    longjmp(p->jb, 3);   /* 3: a parser (not tokenizer) error */
}

void p_invalid(Parser *p, Token *t) {
    if (t->type == T_INDENT)
        p_error(p, "IndentationError", t->line, t->col + 1, t->line, -1, "unexpected indent");
    if (t->type == T_DEDENT)
        p_error(p, "IndentationError", t->line, t->col + 1, t->line, -1, "unexpected unindent");
    p_error(p, "SyntaxError", t->line, t->col + 1, t->end_line, t->end_col + 1, "invalid syntax");
}

void p_error_tok(Parser *p, Token *t, const char *msg) {
    p_error(p, "SyntaxError", t->line, t->col + 1, t->end_line, t->end_col + 1, "%s", msg);
}

void p_error_node(Parser *p, const Node *n, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    p_error(p, "SyntaxError", n->line, n->col + 1, n->end_line, n->end_col + 1, "%s", buf);
}

/* Nesting deeper than the parser's C stack allows: CPython reports this as a RecursionError
 * without a location, from its compiler. */
static void too_deep(Parser *p) {
    Token *t = p_peek(p, 0);
    p_error(p, "RecursionError", t->line, t->col + 1, t->line, t->col + 1,
            "maximum recursion depth exceeded during compilation");
}

void p_enter(Parser *p) {
    p->depth += PARSE_STEP;
    if (p->depth > PARSE_MAX_DEPTH) too_deep(p);
}

void p_leave(Parser *p) { p->depth -= PARSE_STEP; }

void p_chain(Parser *p, int *links) {
    (*links)++;
    if (++p->depth > PARSE_MAX_DEPTH) too_deep(p);
}

/* ---- nodes ---- */

Node *p_node(Parser *p, NodeKind k, const Token *t) {
    Node *n = arena_alloc(p->a, sizeof *n);
    n->kind = k;
    n->line = t->line;
    n->col = t->col;
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

Node *p_node_at(Parser *p, NodeKind k, const Node *first) {
    Node *n = arena_alloc(p->a, sizeof *n);
    n->kind = k;
    n->line = first->line;
    n->col = first->col;
    n->end_line = first->end_line;
    n->end_col = first->end_col;
    return n;
}

void p_end(Parser *p, Node *n) {
    Token *t = p_prev(p);
    if (t->end_line > n->end_line || (t->end_line == n->end_line && t->end_col > n->end_col)) {
        n->end_line = t->end_line;
        n->end_col = t->end_col;
    }
}

void v_push(Parser *p, Vec *v, Node *n) {
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        Node **items = arena_alloc(p->a, sizeof(Node *) * (size_t)ncap);
        if (v->n) memcpy(items, v->items, sizeof(Node *) * (size_t)v->n);
        v->items = items;
        v->cap = ncap;
    }
    v->items[v->n++] = n;
}

NodeList v_list(Vec *v) {
    NodeList l = { v->items, v->n };
    return l;
}

const char *p_ident(Parser *p, const Token *t) { return arena_strndup(p->a, t->s, t->n); }

/* ---- entry points ---- */

/* Copy `src` normalizing \r\n and \r to \n (CPython's universal newlines) and dropping a
 * UTF-8 BOM; validates UTF-8 and rejects NUL bytes up front. Returns NULL after filling err. */
static const char *prepare_source(Arena *a, const char *src, size_t len, size_t *out_len,
                                  SyntaxErr *err) {
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) { src += 3; len -= 3; }
    char *d = arena_alloc(a, len + 1);
    size_t n = 0;
    int line = 1;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)src[i];
        if (c == 0) {
            err->kind = "SyntaxError";
            snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
            err->line = line; err->col = 0; err->end_line = line; err->end_col = 0;
            return NULL;
        }
        if (c >= 0x80) {
            int cp;
            int k = lex_utf8_decode((const unsigned char *)src + i, len - i, &cp);
            if (k == 0) {
                err->kind = "SyntaxError";
                snprintf(err->msg, sizeof err->msg,
                         "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                         "encoding declared; see https://peps.python.org/pep-0263/ for details",
                         c, "<string>", line);
                err->line = line; err->col = 0; err->end_line = line; err->end_col = 0;
                return NULL;
            }
            memcpy(d + n, src + i, (size_t)k);
            n += (size_t)k;
            i += (size_t)k;
            continue;
        }
        if (c == '\r') {
            d[n++] = '\n';
            i += (i + 1 < len && src[i + 1] == '\n') ? 2 : 1;
            line++;
            continue;
        }
        if (c == '\n') line++;
        d[n++] = (char)c;
        i++;
    }
    d[n] = 0;
    *out_len = n;
    return d;
}

/* After a parser error, give the tokenizer its chance to report something it prefers. */
static void check_rest(Parser *p) {
    SyntaxErr saved = *p->err;
    jmp_buf jb;
    p->L.jb = &jb;
    p->L.checking = 1;
    int r = setjmp(jb);
    if (r == 0) {
        /* CPython compares with the furthest token read, not the error's own position */
        lex_check_rest(&p->L, p->L.toks[p->L.ntoks - 1].line);
        *p->err = saved;
    } else if (r == 2) {
        *p->err = saved;
    }
}

static void fix_filename(SyntaxErr *err, const char *filename) {
    /* The Non-UTF-8 message names the file. */
    const char *ph = strstr(err->msg, "<string>");
    if (!ph || !filename) return;
    char buf[sizeof err->msg];
    snprintf(buf, sizeof buf, "%.*s%s%s", (int)(ph - err->msg), err->msg, filename, ph + 8);
    memcpy(err->msg, buf, sizeof buf);
}

Node *parse_module(Arena *arena, const char *src, size_t len, const char *filename, SyntaxErr *err) {
    memset(err, 0, sizeof *err);
    size_t n;
    const char *s = prepare_source(arena, src, len, &n, err);
    if (!s) { fix_filename(err, filename); return NULL; }
    Parser *p = arena_alloc(arena, sizeof *p);
    p->a = arena;
    p->err = err;
    lex_init(&p->L, arena, s, n, err, &p->jb);
    int r = setjmp(p->jb);
    if (r != 0) {
        if (r == 3) check_rest(p);
        return NULL;
    }
    Node *m = arena_alloc(arena, sizeof *m);
    m->kind = N_MODULE;
    m->line = 1;
    m->u.module.body = p_file(p);
    return m;
}

static Node *expression_input(Parser *p) {
    Node *e = p_star_expressions(p);
    while (p_peek(p, 0)->type == T_NEWLINE) p_next(p);
    if (p_peek(p, 0)->type != T_ENDMARKER) p_invalid(p, p_peek(p, 0));
    return e;
}

Node *parse_expression(Arena *arena, const char *src, size_t len, const char *filename, SyntaxErr *err) {
    memset(err, 0, sizeof *err);
    size_t n;
    const char *s = prepare_source(arena, src, len, &n, err);
    if (!s) { fix_filename(err, filename); return NULL; }
    while (n > 0 && (*s == ' ' || *s == '\t')) { s++; n--; }   /* eval() strips these */
    Parser *p = arena_alloc(arena, sizeof *p);
    p->a = arena;
    p->err = err;
    lex_init(&p->L, arena, s, n, err, &p->jb);
    int r = setjmp(p->jb);
    if (r != 0) {
        if (r == 3) check_rest(p);
        return NULL;
    }
    return expression_input(p);
}

/* An f-string replacement field: CPython 3.11 parses "(" expr ")" on its own and prefixes
 * errors with "f-string: ". (line, col) is where expr starts in the real source. */
Node *p_parse_fstring_expr(Parser *outer, const char *s, size_t n, int line, int col) {
    char *buf = arena_alloc(outer->a, n + 3);
    buf[0] = '(';
    memcpy(buf + 1, s, n);
    buf[n + 1] = ')';
    buf[n + 2] = 0;
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Parser *p = arena_alloc(outer->a, sizeof *p);
    p->a = outer->a;
    p->err = &err;
    p->depth = outer->depth;
    p->fstring_level = outer->fstring_level + 1;
    lex_init(&p->L, outer->a, buf, n + 2, &err, &p->jb);
    p->L.line = line;
    p->L.first_line = line;
    p->L.col_base = col - 1;
    if (setjmp(p->jb) != 0) {
        SyntaxErr *e = outer->err;
        *e = err;
        if (strncmp(err.msg, "f-string", 8) != 0)
            snprintf(e->msg, sizeof e->msg, "f-string: %.240s", err.msg);
        longjmp(outer->jb, 3);
    }
    if (p->depth > PARSE_MAX_DEPTH) p_invalid(p, p_peek(p, 0));
    return expression_input(p);
}
