/* symtable.c — scope analysis over the AST, in two passes: collect what each scope binds,
 * declares and uses; then resolve every name to local / cell / free / global following
 * Python's LEGB rules (class scopes are skipped when resolving free variables of nested
 * functions, comprehensions are function scopes). */
#include "lang/symtable.h"
#include <string.h>
#include <stdio.h>
#include <stdbool.h>

typedef struct {
    Arena *a; SyntaxErr *err; int failed;
    int comp_iter_expr;       /* inside a comprehension's iterable expression (walrus forbidden) */
    int comp_target;          /* visiting a comprehension's `for` target */
} ST;

static unsigned hash_name(const char *s) {
    unsigned h = 2166136261u;
    while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

Sym *scope_lookup(const Scope *s, const char *name) {
    if (!s->cap) return NULL;
    unsigned i = hash_name(name) & (s->cap - 1);
    for (Sym *e = s->table[i]; e; e = e->next) if (strcmp(e->name, name) == 0) return e;
    return NULL;
}

const char *mangle_name(Arena *a, const char *priv, const char *name) {
    if (!priv || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*priv == '_') priv++;
    if (!*priv) return name;
    size_t pl = strlen(priv);
    char *out = arena_alloc(a, pl + n + 2);
    out[0] = '_';
    memcpy(out + 1, priv, pl);
    memcpy(out + 1 + pl, name, n + 1);
    return out;
}

static Sym *add_sym(ST *st, Scope *s, const char *name, int flags) {
    name = mangle_name(st->a, s->private_name, name);
    Sym *e = scope_lookup(s, name);
    if (e) { e->flags |= flags; return e; }
    if (s->count * 2 >= s->cap) {
        int nc = s->cap ? s->cap * 2 : 16;
        Sym **nt = arena_alloc(st->a, sizeof(Sym *) * nc);
        for (int i = 0; i < s->cap; i++)
            for (Sym *p = s->table[i]; p;) {
                Sym *next = p->next;
                unsigned j = hash_name(p->name) & (nc - 1);
                p->next = nt[j]; nt[j] = p;
                p = next;
            }
        s->table = nt; s->cap = nc;
    }
    e = arena_alloc(st->a, sizeof *e);
    e->name = name; e->flags = flags;
    unsigned i = hash_name(name) & (s->cap - 1);
    e->next = s->table[i]; s->table[i] = e;
    s->count++;
    if (s->norder == s->caporder) {
        int nc = s->caporder ? s->caporder * 2 : 16;
        Sym **no = arena_alloc(st->a, sizeof(Sym *) * nc);
        if (s->norder) memcpy(no, s->order, sizeof(Sym *) * s->norder);
        s->order = no; s->caporder = nc;
    }
    s->order[s->norder++] = e;
    return e;
}

static Scope *new_scope(ST *st, Scope *parent, int kind, const Node *node, const char *name) {
    Scope *s = arena_alloc(st->a, sizeof *s);
    s->kind = kind; s->node = node; s->name = name; s->parent = parent;
    s->private_name = kind == SC_CLASS ? name : parent ? parent->private_name : NULL;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            int nc = parent->capchildren ? parent->capchildren * 2 : 8;
            Scope **n = arena_alloc(st->a, sizeof(Scope *) * nc);
            if (parent->nchildren) memcpy(n, parent->children, sizeof(Scope *) * parent->nchildren);
            parent->children = n; parent->capchildren = nc;
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

static void fail(ST *st, const Node *n, const char *msg, const char *name) {
    if (st->failed) return;
    st->failed = 1;
    st->err->kind = "SyntaxError";
    snprintf(st->err->msg, sizeof st->err->msg, msg, name);
    st->err->line = n ? n->line : 1;
    st->err->col = n ? n->col + 1 : 1;
    st->err->end_line = n ? n->end_line : 1;
    st->err->end_col = n ? n->end_col + 1 : 1;
}

static void visit_expr(ST *st, Scope *s, const Node *n);
static void visit_stmts(ST *st, Scope *s, const NodeList *l);

static void visit_list(ST *st, Scope *s, const NodeList *l) {
    for (int i = 0; i < l->n; i++) if (l->items[i]) visit_expr(st, s, l->items[i]);
}

static void bind_name(ST *st, Scope *s, const char *name, const Node *n) {
    Sym *e = scope_lookup(s, mangle_name(st->a, s->private_name, name));
    if (e && (e->flags & DEF_GLOBAL) && (e->flags & DEF_PARAM))
        fail(st, n, "name '%s' is parameter and global", name);
    add_sym(st, s, name, DEF_BOUND | (st->comp_target ? DEF_COMP_ITER : 0));
}

static void visit_args(ST *st, Scope *s, const Node *args) {
    /* defaults and annotations are evaluated in the enclosing scope by the caller */
    const NodeList *lists[3] = { &args->u.arguments.posonlyargs, &args->u.arguments.args, &args->u.arguments.kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++) {
            const char *nm = lists[k]->items[i]->u.arg.name;
            if (scope_lookup(s, nm) && (scope_lookup(s, nm)->flags & DEF_PARAM))
                fail(st, lists[k]->items[i], "duplicate argument '%s' in function definition", nm);
            add_sym(st, s, nm, DEF_PARAM | DEF_BOUND);
        }
    if (args->u.arguments.vararg) add_sym(st, s, args->u.arguments.vararg->u.arg.name, DEF_PARAM | DEF_BOUND);
    if (args->u.arguments.kwarg) {
        const char *nm = args->u.arguments.kwarg->u.arg.name;
        if (scope_lookup(s, nm) && (scope_lookup(s, nm)->flags & DEF_PARAM))
            fail(st, args->u.arguments.kwarg, "duplicate argument '%s' in function definition", nm);
        add_sym(st, s, nm, DEF_PARAM | DEF_BOUND);
    }
}

static void visit_arg_defaults(ST *st, Scope *s, const Node *args) {
    visit_list(st, s, &args->u.arguments.defaults);
    visit_list(st, s, &args->u.arguments.kw_defaults);
    const NodeList *lists[3] = { &args->u.arguments.posonlyargs, &args->u.arguments.args, &args->u.arguments.kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++)
            if (lists[k]->items[i]->u.arg.annotation) visit_expr(st, s, lists[k]->items[i]->u.arg.annotation);
    if (args->u.arguments.vararg && args->u.arguments.vararg->u.arg.annotation) visit_expr(st, s, args->u.arguments.vararg->u.arg.annotation);
    if (args->u.arguments.kwarg && args->u.arguments.kwarg->u.arg.annotation) visit_expr(st, s, args->u.arguments.kwarg->u.arg.annotation);
}

static void visit_comprehension(ST *st, Scope *s, const Node *n) {
    const NodeList *gens = &n->u.comp.generators;
    /* the first iterable is evaluated in the enclosing scope */
    st->comp_iter_expr++;
    visit_expr(st, s, gens->items[0]->u.comprehension.iter);
    st->comp_iter_expr--;
    Scope *c = new_scope(st, s, SC_COMPREHENSION, n,
                         n->kind == N_LISTCOMP ? "<listcomp>" : n->kind == N_SETCOMP ? "<setcomp>" :
                         n->kind == N_DICTCOMP ? "<dictcomp>" : "<genexpr>");
    add_sym(st, c, ".0", DEF_PARAM | DEF_BOUND);
    if (n->kind == N_GENERATOREXP) c->is_generator = 1;
    for (int i = 0; i < gens->n; i++) {
        const Node *g = gens->items[i];
        if (i > 0) {
            st->comp_iter_expr++;
            visit_expr(st, c, g->u.comprehension.iter);
            st->comp_iter_expr--;
        }
        st->comp_target++;
        visit_expr(st, c, g->u.comprehension.target);
        st->comp_target--;
        visit_list(st, c, &g->u.comprehension.ifs);
        if (g->u.comprehension.is_async) c->is_coroutine = 1;
    }
    if (n->u.comp.key) visit_expr(st, c, n->u.comp.key);
    visit_expr(st, c, n->u.comp.elt);
    /* 3.11: a comprehension that awaits makes the comprehension around it await it (and so
     * become asynchronous too); whether that is allowed is checked when compiling */
    if (c->is_coroutine && n->kind != N_GENERATOREXP && s->kind == SC_COMPREHENSION) s->is_coroutine = 1;
}

static void visit_expr(ST *st, Scope *s, const Node *n) {
    if (!n || st->failed) return;
    switch (n->kind) {
    case N_NAME:
        if (n->u.name.ctx == CTX_LOAD) {
            add_sym(st, s, n->u.name.id, DEF_USED);
            if (strcmp(n->u.name.id, "super") == 0) s->uses_super = 1;
        } else {
            bind_name(st, s, n->u.name.id, n);
        }
        break;
    case N_NAMEDEXPR: {
        /* := in a comprehension binds in the nearest enclosing non-comprehension scope */
        if (st->comp_iter_expr > 0) {
            fail(st, n, "assignment expression cannot be used in a comprehension iterable expression", "");
            return;
        }
        Scope *t = s;
        while (t->kind == SC_COMPREHENSION) {
            Sym *it = scope_lookup(t, n->u.named.target->u.name.id);
            if (it && (it->flags & DEF_COMP_ITER)) {
                fail(st, n->u.named.target, "assignment expression cannot rebind comprehension iteration variable '%s'", n->u.named.target->u.name.id);
                return;
            }
            t = t->parent;
        }
        if (t->kind == SC_CLASS && s->kind == SC_COMPREHENSION) {
            fail(st, n, "assignment expression within a comprehension cannot be used in a class body", "");
            return;
        }
        visit_expr(st, s, n->u.named.value);
        const char *nm = n->u.named.target->u.name.id;
        if (t != s) {
            add_sym(st, t, nm, DEF_BOUND);
            for (Scope *c = s; c != t; c = c->parent) add_sym(st, c, nm, DEF_NONLOCAL);
            Sym *e = scope_lookup(t, nm);
            (void)e;
            if (t->kind == SC_MODULE) for (Scope *c = s; c != t; c = c->parent) scope_lookup(c, nm)->flags = (scope_lookup(c, nm)->flags & ~DEF_NONLOCAL) | DEF_GLOBAL;
        } else {
            bind_name(st, s, nm, n);
        }
        break;
    }
    case N_BOOLOP: visit_list(st, s, &n->u.boolop.values); break;
    case N_BINOP: visit_expr(st, s, n->u.binop.left); visit_expr(st, s, n->u.binop.right); break;
    case N_UNARYOP: visit_expr(st, s, n->u.unary.operand); break;
    case N_LAMBDA: {
        visit_arg_defaults(st, s, n->u.lambda.args);
        Scope *c = new_scope(st, s, SC_LAMBDA, n, "<lambda>");
        visit_args(st, c, n->u.lambda.args);
        visit_expr(st, c, n->u.lambda.body);
        break;
    }
    case N_IFEXP: visit_expr(st, s, n->u.ifexp.test); visit_expr(st, s, n->u.ifexp.body); visit_expr(st, s, n->u.ifexp.orelse); break;
    case N_DICT: visit_list(st, s, &n->u.dict.keys); visit_list(st, s, &n->u.dict.values); break;
    case N_SET: case N_LIST: case N_TUPLE: case N_JOINEDSTR: visit_list(st, s, &n->u.seq.elts); break;
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENERATOREXP: visit_comprehension(st, s, n); break;
    case N_AWAIT:
        if (s->kind == SC_COMPREHENSION) s->is_coroutine = 1;   /* a generator expression becomes an async one */
        visit_expr(st, s, n->u.ret.value);
        break;
    case N_YIELD: case N_YIELDFROM:
        if (s->kind == SC_COMPREHENSION) { fail(st, n, "'yield' inside %s", s->name[1] == 'g' ? "generator expression" : s->name[1] == 'l' ? "list comprehension" : s->name[1] == 's' ? "set comprehension" : "dict comprehension"); return; }
        s->has_yield = 1;
        visit_expr(st, s, n->u.ret.value);
        break;
    case N_COMPARE: visit_expr(st, s, n->u.compare.left); visit_list(st, s, &n->u.compare.comparators); break;
    case N_CALL:
        visit_expr(st, s, n->u.call.func);
        visit_list(st, s, &n->u.call.args);
        for (int i = 0; i < n->u.call.keywords.n; i++) visit_expr(st, s, n->u.call.keywords.items[i]->u.keyword.value);
        break;
    case N_FORMATTEDVALUE: visit_expr(st, s, n->u.fmt.value); visit_expr(st, s, n->u.fmt.format_spec); break;
    case N_ATTRIBUTE: visit_expr(st, s, n->u.attr.value); break;
    case N_SUBSCRIPT: visit_expr(st, s, n->u.subscript.value); visit_expr(st, s, n->u.subscript.slice); break;
    case N_STARRED: visit_expr(st, s, n->u.starred.value); break;
    case N_SLICE: visit_expr(st, s, n->u.slice.lower); visit_expr(st, s, n->u.slice.upper); visit_expr(st, s, n->u.slice.step); break;
    default: break;
    }
}

static void visit_stmt(ST *st, Scope *s, const Node *n) {
    if (!n || st->failed) return;
    switch (n->kind) {
    case N_FUNCTIONDEF: {
        visit_list(st, s, &n->u.funcdef.decorators);
        visit_arg_defaults(st, s, n->u.funcdef.args);
        if (n->u.funcdef.returns) visit_expr(st, s, n->u.funcdef.returns);
        bind_name(st, s, n->u.funcdef.name, n);
        Scope *c = new_scope(st, s, SC_FUNCTION, n, n->u.funcdef.name);
        c->is_coroutine = n->u.funcdef.is_async;
        visit_args(st, c, n->u.funcdef.args);
        visit_stmts(st, c, &n->u.funcdef.body);
        break;
    }
    case N_CLASSDEF: {
        visit_list(st, s, &n->u.classdef.decorators);
        visit_list(st, s, &n->u.classdef.bases);
        for (int i = 0; i < n->u.classdef.keywords.n; i++) visit_expr(st, s, n->u.classdef.keywords.items[i]->u.keyword.value);
        bind_name(st, s, n->u.classdef.name, n);
        Scope *c = new_scope(st, s, SC_CLASS, n, n->u.classdef.name);
        visit_stmts(st, c, &n->u.classdef.body);
        break;
    }
    case N_RETURN: case N_EXPR: visit_expr(st, s, n->u.ret.value); break;
    case N_DELETE: visit_list(st, s, &n->u.assign.targets); break;
    case N_ASSIGN: visit_expr(st, s, n->u.assign.value); visit_list(st, s, &n->u.assign.targets); break;
    case N_AUGASSIGN:
        visit_expr(st, s, n->u.augassign.value);
        if (n->u.augassign.target->kind == N_NAME) {
            add_sym(st, s, n->u.augassign.target->u.name.id, DEF_USED);
            bind_name(st, s, n->u.augassign.target->u.name.id, n);
        } else visit_expr(st, s, n->u.augassign.target);
        break;
    case N_ANNASSIGN:
        if (n->u.annassign.target->kind == N_NAME) {
            Sym *e = scope_lookup(s, n->u.annassign.target->u.name.id);
            if (e && (e->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && n->u.annassign.simple) {
                fail(st, n, (e->flags & DEF_GLOBAL) ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal", e->name);
                return;
            }
        }
        visit_expr(st, s, n->u.annassign.annotation);
        if (n->u.annassign.value) visit_expr(st, s, n->u.annassign.value);
        if (n->u.annassign.value || n->u.annassign.target->kind != N_NAME) visit_expr(st, s, n->u.annassign.target);
        else add_sym(st, s, n->u.annassign.target->u.name.id, DEF_BOUND);
        break;
    case N_FOR:
        visit_expr(st, s, n->u.for_.iter);
        visit_expr(st, s, n->u.for_.target);
        visit_stmts(st, s, &n->u.for_.body);
        visit_stmts(st, s, &n->u.for_.orelse);
        break;
    case N_WHILE: case N_IF:
        visit_expr(st, s, n->u.while_.test);
        visit_stmts(st, s, &n->u.while_.body);
        visit_stmts(st, s, &n->u.while_.orelse);
        break;
    case N_WITH:
        for (int i = 0; i < n->u.with.items.n; i++) {
            const Node *it = n->u.with.items.items[i];
            visit_expr(st, s, it->u.withitem.context_expr);
            visit_expr(st, s, it->u.withitem.optional_vars);
        }
        visit_stmts(st, s, &n->u.with.body);
        break;
    case N_RAISE: visit_expr(st, s, n->u.raise.exc); visit_expr(st, s, n->u.raise.cause); break;
    case N_TRY:
        visit_stmts(st, s, &n->u.try_.body);
        for (int i = 0; i < n->u.try_.handlers.n; i++) {
            const Node *h = n->u.try_.handlers.items[i];
            visit_expr(st, s, h->u.handler.type);
            if (h->u.handler.name) bind_name(st, s, h->u.handler.name, h);
            visit_stmts(st, s, &h->u.handler.body);
        }
        visit_stmts(st, s, &n->u.try_.orelse);
        visit_stmts(st, s, &n->u.try_.finalbody);
        break;
    case N_ASSERT: visit_expr(st, s, n->u.assert_.test); visit_expr(st, s, n->u.assert_.msg); break;
    case N_IMPORT: case N_IMPORTFROM:
        for (int i = 0; i < n->u.import.names.n; i++) {
            const Node *al = n->u.import.names.items[i];
            const char *nm = al->u.alias.asname;
            if (!nm) {
                if (strcmp(al->u.alias.name, "*") == 0) {
                    if (s->kind != SC_MODULE) { fail(st, n, "import * only allowed at module level", ""); return; }
                    continue;
                }
                if (n->kind == N_IMPORT) {
                    const char *dot = strchr(al->u.alias.name, '.');
                    nm = dot ? arena_strndup(st->a, al->u.alias.name, dot - al->u.alias.name) : al->u.alias.name;
                } else nm = al->u.alias.name;
            }
            bind_name(st, s, nm, n);
        }
        break;
    case N_GLOBAL: case N_NONLOCAL:
        for (int i = 0; i < n->u.names.n; i++) {
            const char *nm = n->u.names.names[i];
            Sym *e = scope_lookup(s, nm);
            bool is_global = n->kind == N_GLOBAL;
            if (!is_global && s->kind == SC_MODULE) { fail(st, n, "nonlocal declaration not allowed at module level", ""); return; }
            if (e && (e->flags & DEF_PARAM)) { fail(st, n, is_global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal", nm); return; }
            if (e && (e->flags & (is_global ? DEF_NONLOCAL : DEF_GLOBAL))) { fail(st, n, is_global ? "name '%s' is nonlocal and global" : "name '%s' is nonlocal and global", nm); return; }
            if (e && (e->flags & DEF_USED) && !(e->flags & (DEF_GLOBAL | DEF_NONLOCAL))) { fail(st, n, is_global ? "name '%s' is used prior to global declaration" : "name '%s' is used prior to nonlocal declaration", nm); return; }
            if (e && (e->flags & DEF_BOUND) && !(e->flags & (DEF_GLOBAL | DEF_NONLOCAL))) { fail(st, n, is_global ? "name '%s' is assigned to before global declaration" : "name '%s' is assigned to before nonlocal declaration", nm); return; }
            Sym *d = add_sym(st, s, nm, is_global ? DEF_GLOBAL : DEF_NONLOCAL);
            if (!d->decl) d->decl = n;
        }
        break;
    default: break;
    }
}

static void visit_stmts(ST *st, Scope *s, const NodeList *l) {
    for (int i = 0; i < l->n && !st->failed; i++) visit_stmt(st, s, l->items[i]);
}

/* Is `name` bound in a function scope enclosing `s` (skipping class scopes)? */
static Scope *find_binding(Scope *s, const char *name) {
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind == SC_CLASS) continue;
        if (p->kind == SC_MODULE) return NULL;
        Sym *e = scope_lookup(p, name);
        if (e && (e->flags & DEF_GLOBAL)) return NULL;
        if (e && (e->flags & (DEF_BOUND | DEF_NONLOCAL))) return p;
    }
    return NULL;
}

static void mark_free_path(ST *st, Scope *from, Scope *to, const char *name) {
    /* every scope between (exclusive of `to`) gets a FREE entry so the cell is passed down */
    for (Scope *p = from->parent; p && p != to; p = p->parent) {
        Sym *e = add_sym(st, p, name, 0);
        if (!e->scope) e->scope = SYM_FREE;
        if (p->kind == SC_CLASS && e->scope == SYM_FREE) e->flags |= DEF_FREE_CHILD;
        /* the class body keeps its own binding in the namespace, and still passes the cell */
        if (p->kind == SC_CLASS && e->scope == SYM_LOCAL) e->flags |= DEF_FREE_CLASS;
    }
    Sym *owner = scope_lookup(to, name);
    if (owner->scope == SYM_LOCAL || owner->scope == 0 || owner->scope == SYM_CELL) owner->scope = (owner->flags & DEF_NONLOCAL) ? SYM_FREE : SYM_CELL;
}

static void resolve(ST *st, Scope *s) {
    /* implicit __class__ cell for methods that use super() or __class__ */
    for (int i = 0; i < s->norder && !st->failed; i++) {
        Sym *e = s->order[i];
        if (e->scope) continue;
        if (e->flags & DEF_GLOBAL) { e->scope = SYM_GLOBAL_EXPLICIT; continue; }
        if (e->flags & DEF_NONLOCAL) {
            Scope *owner = find_binding(s, e->name);
            if (!owner) { fail(st, e->decl ? e->decl : s->node, "no binding for nonlocal '%s' found", e->name); return; }
            e->scope = SYM_FREE;
            mark_free_path(st, s, owner, e->name);
            continue;
        }
        if (e->flags & DEF_BOUND) { e->scope = SYM_LOCAL; continue; }
        if (s->kind == SC_MODULE) { e->scope = SYM_GLOBAL_IMPLICIT; continue; }
        Scope *owner = find_binding(s, e->name);
        if (owner) { e->scope = SYM_FREE; mark_free_path(st, s, owner, e->name); }
        else e->scope = SYM_GLOBAL_IMPLICIT;
    }
    if (s->kind == SC_FUNCTION || s->kind == SC_LAMBDA || s->kind == SC_COMPREHENSION) {
        Sym *e = scope_lookup(s, "__class__");
        bool wants = s->uses_super || (e && (e->flags & DEF_USED));
        if (wants) {
            Scope *cls = NULL;
            for (Scope *p = s->parent; p; p = p->parent) if (p->kind == SC_CLASS) { cls = p; break; } else if (p->kind == SC_MODULE) break;
            if (cls) {
                Sym *ce = add_sym(st, cls, "__class__", 0);
                ce->scope = SYM_CELL;
                cls->needs_class_cell = 1;
                Sym *fe = add_sym(st, s, "__class__", 0);
                fe->scope = SYM_FREE;
                for (Scope *p = s->parent; p && p != cls; p = p->parent) {
                    Sym *pe = add_sym(st, p, "__class__", 0);
                    if (!pe->scope || pe->scope == SYM_GLOBAL_IMPLICIT) pe->scope = SYM_FREE;
                }
            }
        }
    }
    for (int i = 0; i < s->nchildren; i++) resolve(st, s->children[i]);
}

static void finish(Scope *s) {
    if (s->has_yield) { if (s->is_coroutine) s->is_generator = 1; else s->is_generator = 1; }
    for (int i = 0; i < s->nchildren; i++) finish(s->children[i]);
}

Scope *symtable_build(Arena *a, const Node *module, SyntaxErr *err) {
    ST st = { .a = a, .err = err };
    Scope *top = new_scope(&st, NULL, SC_MODULE, NULL, "<module>");
    visit_stmts(&st, top, &module->u.module.body);
    if (!st.failed) resolve(&st, top);
    if (st.failed) return NULL;
    finish(top);
    return top;
}

Scope *scope_next_child(Scope *s, const Node *node) {
    for (int i = s->child_index; i < s->nchildren; i++)
        if (s->children[i]->node == node) { s->child_index = i + 1; return s->children[i]; }
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node) return s->children[i];
    return NULL;
}
