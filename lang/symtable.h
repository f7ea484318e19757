/* symtable.h — scope analysis: which names of each scope are local, cell, free or global. */
#ifndef ASPEN_SYMTABLE_H
#define ASPEN_SYMTABLE_H

#include "lang/ast.h"

enum { SC_MODULE, SC_FUNCTION, SC_CLASS, SC_LAMBDA, SC_COMPREHENSION };
enum { SYM_LOCAL = 1, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT, SYM_FREE, SYM_CELL };

/* flags while collecting */
enum {
    DEF_BOUND = 1, DEF_PARAM = 2, DEF_GLOBAL = 4, DEF_NONLOCAL = 8, DEF_USED = 16,
    DEF_FREE_CHILD = 32,   /* some child scope references it as free */
    DEF_FREE_CLASS = 64,   /* class scope: bound in the class body and also passed to children as a cell */
    DEF_COMP_ITER = 128,   /* comprehension scope: an iteration variable (a `for` target) */
};

typedef struct Sym { const char *name; int flags; int scope; struct Sym *next; const Node *decl; } Sym;

typedef struct Scope {
    int kind;
    const Node *node;           /* the def/lambda/class/comprehension node (NULL for module) */
    const char *name;
    struct Scope *parent;
    struct Scope **children; int nchildren, capchildren;
    Sym **table; int cap, count;          /* hash table of symbols */
    Sym **order; int norder, caporder;    /* insertion order */
    int is_generator, is_coroutine, has_yield, needs_class_cell, uses_super;
    int child_index;            /* compiler cursor: next child to visit */
    int comp_iter_in_parent;
    const char *private_name;   /* enclosing class name, for __private name mangling */
} Scope;

/* Build the scope tree for a module. Returns NULL and fills *err on a scope error
 * ("nonlocal declaration not allowed at module level", "no binding for nonlocal 'x' found",
 * "name 'x' is used prior to global declaration", ...). */
Scope *symtable_build(Arena *a, const Node *module, SyntaxErr *err);
Sym *scope_lookup(const Scope *s, const char *name);
Scope *scope_next_child(Scope *s, const Node *node);
/* Python's private name mangling: __x inside class C becomes _C__x. */
const char *mangle_name(Arena *a, const char *private_name, const char *name);

#endif
