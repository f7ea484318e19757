/* ast.h — the abstract syntax tree the parser builds and the compiler consumes.
 *
 * Shapes follow CPython's `ast` module (same node names, same fields) so that a reader who
 * knows `ast.dump()` knows this file. Every node lives in an Arena owned by the parse; freeing
 * the arena frees the tree. Strings in the tree are arena copies, NUL-terminated, UTF-8, with
 * an explicit length (string literals may contain NUL). */
#ifndef ASPEN_AST_H
#define ASPEN_AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct Arena Arena;
Arena *arena_new(void);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);              /* zeroed, 8-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);

typedef struct Node Node;
typedef struct { Node **items; int n; } NodeList;

typedef enum {
    /* ---- module / statements ---- */
    N_MODULE,        /* body */
    N_FUNCTIONDEF,   /* funcdef: name, args, body, decorators, returns, is_async */
    N_CLASSDEF,      /* classdef: name, bases, keywords, body, decorators */
    N_RETURN,        /* value (may be NULL) */
    N_DELETE,        /* targets */
    N_ASSIGN,        /* targets (chained: a = b = 1 has 2 targets), value */
    N_AUGASSIGN,     /* target, op (BinOp), value */
    N_ANNASSIGN,     /* target, annotation, value (may be NULL), simple */
    N_FOR,           /* for_: target, iter, body, orelse, is_async */
    N_WHILE,         /* while_: test, body, orelse */
    N_IF,            /* if_: test, body, orelse (elif is a nested N_IF in orelse) */
    N_WITH,          /* with: items (N_WITHITEM), body, is_async */
    N_RAISE,         /* raise: exc (may be NULL), cause (may be NULL) */
    N_TRY,           /* try_: body, handlers (N_EXCEPTHANDLER), orelse, finalbody, is_star */
    N_ASSERT,        /* assert_: test, msg (may be NULL) */
    N_IMPORT,        /* import: names (N_ALIAS) */
    N_IMPORTFROM,    /* import: module (may be NULL for relative), names, level */
    N_GLOBAL,        /* names: list of identifiers */
    N_NONLOCAL,      /* names */
    N_EXPR,          /* value */
    N_PASS, N_BREAK, N_CONTINUE,

    /* ---- expressions ---- */
    N_BOOLOP,        /* boolop: op (OP_AND/OP_OR), values (>= 2) */
    N_NAMEDEXPR,     /* target (N_NAME), value */
    N_BINOP,         /* binop: left, op, right */
    N_UNARYOP,       /* unary: op (UOP_*), operand */
    N_LAMBDA,        /* lambda: args, body (expression) */
    N_IFEXP,         /* ifexp: test, body, orelse */
    N_DICT,          /* dict: keys, values; a NULL key means `**value` */
    N_SET,           /* elts */
    N_LISTCOMP,      /* comp: elt, generators (N_COMPREHENSION) */
    N_SETCOMP,       /* comp */
    N_DICTCOMP,      /* comp: key, elt(=value), generators */
    N_GENERATOREXP,  /* comp */
    N_AWAIT,         /* value */
    N_YIELD,         /* value (may be NULL) */
    N_YIELDFROM,     /* value */
    N_COMPARE,       /* compare: left, ops[], comparators */
    N_CALL,          /* call: func, args (may contain N_STARRED), keywords (N_KEYWORD) */
    N_FORMATTEDVALUE,/* fmt: value, conversion ('r','s','a' or -1), format_spec (N_JOINEDSTR or NULL) */
    N_JOINEDSTR,     /* values: N_CONSTANT strings and N_FORMATTEDVALUE */
    N_CONSTANT,      /* constant: see ConstKind */
    N_ATTRIBUTE,     /* attr: value, attr name, ctx */
    N_SUBSCRIPT,     /* subscript: value, slice, ctx */
    N_STARRED,       /* starred: value, ctx */
    N_NAME,          /* name: id, ctx */
    N_LIST,          /* elts, ctx */
    N_TUPLE,         /* elts, ctx */
    N_SLICE,         /* slice: lower, upper, step (each may be NULL) */

    /* ---- helpers ---- */
    N_EXCEPTHANDLER, /* handler: type (may be NULL), name (may be NULL), body */
    N_ARGUMENTS,     /* arguments: see struct */
    N_ARG,           /* arg: name, annotation (may be NULL) */
    N_KEYWORD,       /* keyword: arg (NULL for **value), value */
    N_ALIAS,         /* alias: name (dotted, "a.b.c"), asname (may be NULL) */
    N_WITHITEM,      /* withitem: context_expr, optional_vars (may be NULL) */
    N_COMPREHENSION, /* comprehension: target, iter, ifs, is_async */
} NodeKind;

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;

typedef enum {
    /* binary operators, in the order of CPython's ast module */
    OP_ADD, OP_SUB, OP_MULT, OP_MATMULT, OP_DIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT,
    OP_BITOR, OP_BITXOR, OP_BITAND, OP_FLOORDIV,
    /* boolean */
    OP_AND, OP_OR,
} BinOpKind;

typedef enum { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOpKind;

typedef enum {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE, CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN
} CmpOpKind;

typedef enum {
    K_NONE, K_TRUE, K_FALSE, K_ELLIPSIS,
    K_INT,      /* str holds the literal's digits exactly as written, underscores removed,
                   with prefix (e.g. "0x1F", "123", "0b101"); the compiler converts it */
    K_FLOAT,    /* f */
    K_IMAG,     /* f holds the imaginary part (complex literals: parsed, may be rejected later) */
    K_STR,      /* str/len: decoded UTF-8 text */
    K_BYTES,    /* str/len: raw bytes */
} ConstKind;

struct Node {
    NodeKind kind;
    int line, col;          /* 1-based line, 0-based column (in characters), of the first token */
    int end_line, end_col;  /* position just past the last token */
    union {
        struct { NodeList body; } module;
        struct {
            const char *name; Node *args /* N_ARGUMENTS */; NodeList body; NodeList decorators;
            Node *returns; int is_async;
        } funcdef;
        struct {
            const char *name; NodeList bases; NodeList keywords; NodeList body;
            NodeList decorators;
        } classdef;
        struct { Node *value; } ret;          /* N_RETURN, N_EXPR, N_AWAIT, N_YIELD, N_YIELDFROM */
        struct { NodeList targets; Node *value; } assign;  /* N_ASSIGN, N_DELETE (targets only) */
        struct { Node *target; int op; Node *value; } augassign;
        struct { Node *target; Node *annotation; Node *value; int simple; } annassign;
        struct { Node *target; Node *iter; NodeList body; NodeList orelse; int is_async; } for_;
        struct { Node *test; NodeList body; NodeList orelse; } while_;   /* N_WHILE, N_IF */
        struct { NodeList items; NodeList body; int is_async; } with;
        struct { Node *exc; Node *cause; } raise;
        struct {
            NodeList body; NodeList handlers; NodeList orelse; NodeList finalbody; int is_star;
        } try_;
        struct { Node *test; Node *msg; } assert_;
        struct { const char *module; NodeList names; int level; } import; /* N_IMPORT(FROM) */
        struct { const char **names; int n; } names;  /* N_GLOBAL, N_NONLOCAL */

        struct { int op; NodeList values; } boolop;
        struct { Node *target; Node *value; } named;
        struct { Node *left; int op; Node *right; } binop;
        struct { int op; Node *operand; } unary;
        struct { Node *args; Node *body; } lambda;
        struct { Node *test; Node *body; Node *orelse; } ifexp;
        struct { NodeList keys; NodeList values; } dict;
        struct { NodeList elts; ExprCtx ctx; } seq;   /* N_SET, N_LIST, N_TUPLE, N_JOINEDSTR(values) */
        struct { Node *key; Node *elt; NodeList generators; } comp;
        struct { Node *left; int *ops; NodeList comparators; } compare;
        struct { Node *func; NodeList args; NodeList keywords; } call;
        struct { Node *value; int conversion; Node *format_spec; } fmt;
        struct {
            ConstKind kind; double f; const char *str; size_t len;
        } constant;
        struct { Node *value; const char *attr; ExprCtx ctx; } attr;
        struct { Node *value; Node *slice; ExprCtx ctx; } subscript;
        struct { Node *value; ExprCtx ctx; } starred;
        struct { const char *id; ExprCtx ctx; } name;
        struct { Node *lower; Node *upper; Node *step; } slice;

        struct { Node *type; const char *name; NodeList body; } handler;
        struct {
            NodeList posonlyargs; NodeList args; Node *vararg; NodeList kwonlyargs;
            NodeList kw_defaults; /* one per kwonlyarg, NULL where no default */
            Node *kwarg; NodeList defaults; /* for the last len(defaults) of posonly+args */
        } arguments;
        struct { const char *name; Node *annotation; } arg;
        struct { const char *arg; Node *value; } keyword;
        struct { const char *name; const char *asname; } alias;
        struct { Node *context_expr; Node *optional_vars; } withitem;
        struct { Node *target; Node *iter; NodeList ifs; int is_async; } comprehension;
    } u;
};

/* A syntax error found by the lexer, parser or compiler. `msg` is CPython's wording
 * ("invalid syntax", "expected ':'", "unindent does not match any outer indentation level"...);
 * `kind` is the exception class name: "SyntaxError", "IndentationError" or "TabError".
 * line is 1-based; col is 1-based like CPython's SyntaxError.offset; end_col likewise (0 when
 * unknown). */
typedef struct {
    const char *kind;
    char msg[256];
    int line, col, end_line, end_col;
} SyntaxErr;

/* Parse `src` (len bytes, UTF-8) into a module node allocated in `arena`.
 * Returns NULL and fills *err on a syntax error. `filename` is used only for messages. */
Node *parse_module(Arena *arena, const char *src, size_t len, const char *filename, SyntaxErr *err);

/* Parse a single expression (used by f-string sub-expressions and eval()). */
Node *parse_expression(Arena *arena, const char *src, size_t len, const char *filename, SyntaxErr *err);

/* Debug helper: write a CPython-ast.dump()-like rendering of the tree to stdout. */
void ast_dump(const Node *n);
/* The same rendering (without the newline) as an arena string; for tests. */
char *ast_dump_str(Arena *a, const Node *n);

#endif
