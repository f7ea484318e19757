/* parser_internal.h — state and helpers shared by the parser's files (expressions,
 * statements, strings). Not a public interface: ast.h is. */
#ifndef ASPEN_PARSER_INTERNAL_H
#define ASPEN_PARSER_INTERNAL_H

#include "lang/ast.h"
#include "lang/lexer.h"

/* Depth budget: a recursive descent step costs 10 units (bounding C stack use while parsing),
 * one more link of a left-nested chain (a.b.c..., a+b+c...) costs 1 (bounding the depth of
 * the tree, which the compiler and ast_dump walk recursively). */
enum { PARSE_MAX_DEPTH = 4000, PARSE_STEP = 10 };

typedef struct Parser {
    Arena *a;
    Lexer L;
    SyntaxErr *err;
    jmp_buf jb;
    int pos;            /* index of the next token */
    int depth;          /* recursion guard */
    int fstring_level;  /* >0 while parsing an f-string's sub-expression */
} Parser;

typedef struct { Node **items; int n, cap; } Vec;

/* tokens */
Token *p_peek(Parser *p, int k);
Token *p_next(Parser *p);
Token *p_prev(Parser *p);
int p_isop(Parser *p, int op);
int p_iskw(Parser *p, int kw);
int p_acceptop(Parser *p, int op);
int p_acceptkw(Parser *p, int kw);
int p_starts_expr(Token *t);

/* errors: col is 1-based (SyntaxError.offset) */
_Noreturn void p_error(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                       const char *fmt, ...) __attribute__((format(printf, 7, 8)));
_Noreturn void p_invalid(Parser *p, Token *t);              /* "invalid syntax" at t */
_Noreturn void p_error_tok(Parser *p, Token *t, const char *msg);
_Noreturn void p_error_node(Parser *p, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void p_enter(Parser *p);
void p_leave(Parser *p);
void p_chain(Parser *p, int *links);   /* one more chain link; undo with p->depth -= links */

/* nodes */
Node *p_node(Parser *p, NodeKind k, const Token *t);
Node *p_node_at(Parser *p, NodeKind k, const Node *first);
void p_end(Parser *p, Node *n);    /* end position := end of the previous token */
void v_push(Parser *p, Vec *v, Node *n);
NodeList v_list(Vec *v);
const char *p_ident(Parser *p, const Token *t);

/* expressions (parse_expr.c) */
Node *p_expression(Parser *p);
Node *p_named_expression(Parser *p);
Node *p_star_expressions(Parser *p);
Node *p_star_expression(Parser *p);
Node *p_disjunction(Parser *p);
Node *p_bitor(Parser *p);
Node *p_yield_expr(Parser *p);
Node *p_target_list(Parser *p, int stop_kw);   /* for-loop / comprehension targets */
Node *p_parameters(Parser *p, int is_lambda);  /* N_ARGUMENTS up to ')' or ':' */
void p_call_args(Parser *p, Node *call);        /* after '(' up to and including ')' */
const char *p_expr_name(const Node *n);        /* "function call", "literal", ... */
void p_set_ctx(Parser *p, Node *n, ExprCtx ctx);   /* validates and raises like CPython */
const Node *p_invalid_target(const Node *n, ExprCtx ctx);

/* strings (strings.c / fstring.c) */
Node *p_strings(Parser *p);
Node *p_parse_fstring_expr(Parser *p, const char *s, size_t n, int line, int col);

/* statements (parse_stmt.c) */
NodeList p_file(Parser *p);

#endif
