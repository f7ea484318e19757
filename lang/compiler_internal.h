/* compiler_internal.h — the compiler's unit state, shared by compile.c (statements, units,
 * assembly) and compile_expr.c (expressions). */
#ifndef ASPEN_COMPILER_INTERNAL_H
#define ASPEN_COMPILER_INTERNAL_H

#include "lang/compiler.h"
#include "lang/symtable.h"
#include "vm/opcodes.h"
#include <setjmp.h>

enum { FB_WHILE, FB_FOR, FB_TRY_FINALLY, FB_FINALLY_END, FB_HANDLER, FB_WITH, FB_ASYNC_WITH, FB_ASYNC_FOR, FB_EXCEPT_STAR };

typedef struct FBlock {
    int kind;
    int start, exit;            /* labels: continue target, break target */
    const Node *node;           /* try (for its finalbody) */
    const char *name;           /* except ... as name */
    int handler;                /* handler active around this block (for FB_TRY_FINALLY) */
} FBlock;

typedef struct Handler { int label; int depth; } Handler;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    uint32_t *code; int32_t *lines; int32_t *hidx; uint8_t *isjump;
    int n, cap;
    Value consts;               /* list */
    Value names;                /* list of interned str */
    Dict *name_index;           /* str -> int */
    int *labels; int *label_depth; int nlabels, caplabels;
    Handler *handlers; int nhandlers, caphandlers;
    int hstack[64]; int nh;     /* active handler ids */
    FBlock fb[64]; int nfb;
    int depth, maxdepth;
    int line;
    uint32_t pos;               /* col | end_col << 16 of the current node (0xffff end: multi-line) */
    uint32_t *poss;
    const char **slotnames; int nslots;
    int nparams_slots;          /* argcount + kwonly + varargs + varkw */
    int ncells, nfree, nlocals_plain;
    int argcount, posonly, kwonly, flags;
    const char *qualname;
    const char *name;
    int firstline;
    bool in_class_body;
    Arena *arena;               /* the parse's arena (mangled names live there) */
} Unit;

typedef struct Compiler {
    VM *vm;
    Arena *arena;
    const char *filename;
    SyntaxErr *err;
    jmp_buf fail;
    Unit *u;
    int mode;
    int interactive;
} Compiler;

void c_error(Compiler *c, const Node *n, const char *fmt, ...) __attribute__((noreturn, format(printf, 3, 4)));
int c_emit(Compiler *c, int op, int arg);
int c_new_label(Compiler *c);
void c_bind(Compiler *c, int label);
void c_jump(Compiler *c, int op, int label);
int c_const(Compiler *c, Value v);
int c_name(Compiler *c, const char *s);
int c_attr_name(Compiler *c, const char *s);   /* attribute names are mangled too */
void c_load_const(Compiler *c, Value v);
void c_expr(Compiler *c, const Node *n);
/* compile_warnings.c: CPython's SyntaxWarnings for literals misused */
void cw_check_compare(Compiler *c, const Node *n);
void cw_check_call(Compiler *c, const Node *n);
void cw_check_subscript(Compiler *c, const Node *n);
void c_store(Compiler *c, const Node *target);
void c_delete(Compiler *c, const Node *target);
void c_nameop(Compiler *c, const char *name, int ctx, const Node *where);
void c_function_like(Compiler *c, const Node *n, const Node *args, const NodeList *body, const Node *expr_body, const char *name, int is_async);
void c_await(Compiler *c);
void c_test_jump(Compiler *c, const Node *test, int label, bool jump_if);
Value c_str(Compiler *c, const char *s);
void c_set_line(Compiler *c, const Node *n);
int c_make_closure(Compiler *c, Value code, Scope *child, int flags, const char *qualname);
Value c_assemble_unit(Compiler *c);
void c_enter_unit(Compiler *c, Scope *s, const char *name, const char *qualname, int firstline);
void c_comprehension(Compiler *c, const Node *n);
void c_stmts(Compiler *c, const NodeList *l);
const char *c_qualname(Compiler *c, const char *name, Scope *child);
void c_push_handler(Compiler *c, int label, int depth);
void c_pop_handler(Compiler *c);

#endif
