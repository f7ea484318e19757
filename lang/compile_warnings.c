/* compile_warnings.c — the SyntaxWarnings CPython 3.11's compiler gives for code that will
 * certainly fail or mislead: `x is 1` ("is" with a literal), `[1, 2] (3)` (calling a literal:
 * a missing comma), `"abc"[1.5]` and `5[0]` (subscripting or indexing a literal wrongly). They
 * print at compile time, before the code runs, each time as CPython (vm/warn.c). */
#include "lang/compiler_internal.h"
#include <stdio.h>
#include <string.h>

/* What CPython's AST optimizer turns into a constant: literals, signed numbers, and tuples of
 * constants. */
static bool is_constant(const Node *e) {
    switch (e->kind) {
    case N_CONSTANT: return true;
    case N_UNARYOP: {
        const Node *o = e->u.unary.operand;
        if (o->kind != N_CONSTANT) return false;
        ConstKind k = o->u.constant.kind;
        if (e->u.unary.op == UOP_INVERT) return k == K_INT;
        return (e->u.unary.op == UOP_USUB || e->u.unary.op == UOP_UADD) && (k == K_INT || k == K_FLOAT || k == K_IMAG);
    }
    case N_TUPLE:
        for (int i = 0; i < e->u.seq.elts.n; i++) if (!is_constant(e->u.seq.elts.items[i])) return false;
        return true;
    default: return false;
    }
}

static const char *const_type(const Node *e) {
    if (e->kind == N_TUPLE) return "tuple";
    if (e->kind == N_UNARYOP) e = e->u.unary.operand;
    switch (e->u.constant.kind) {
    case K_NONE: return "NoneType";
    case K_TRUE: case K_FALSE: return "bool";
    case K_ELLIPSIS: return "ellipsis";
    case K_INT: return "int";
    case K_FLOAT: return "float";
    case K_IMAG: return "complex";
    case K_STR: return "str";
    default: return "bytes";
    }
}

/* CPython's infer_type: the type an expression certainly has, or NULL. */
static const char *infer_type(const Node *e) {
    if (is_constant(e)) return const_type(e);
    switch (e->kind) {
    case N_TUPLE: return "tuple";
    case N_LIST: case N_LISTCOMP: return "list";
    case N_DICT: case N_DICTCOMP: return "dict";
    case N_SET: case N_SETCOMP: return "set";
    case N_GENERATOREXP: return "generator";
    case N_LAMBDA: return "function";
    case N_JOINEDSTR: case N_FORMATTEDVALUE: return "str";
    default: return NULL;
    }
}

static void warn(Compiler *c, const Node *n, const char *text) {
    vm_warn_at(c->vm, c->filename, n->line, "SyntaxWarning", text);
}

/* `is` / `is not` with a literal operand (None, True, False and ... are fine). */
static bool is_arg_ok(const Node *e) {
    if (!is_constant(e)) return true;
    if (e->kind != N_CONSTANT) return false;
    ConstKind k = e->u.constant.kind;
    return k == K_NONE || k == K_TRUE || k == K_FALSE || k == K_ELLIPSIS;
}

void cw_check_compare(Compiler *c, const Node *n) {
    const Node *left = n->u.compare.left;
    for (int i = 0; i < n->u.compare.comparators.n; i++) {
        const Node *right = n->u.compare.comparators.items[i];
        int op = n->u.compare.ops[i];
        if ((op == CMP_IS || op == CMP_ISNOT) && (!is_arg_ok(left) || !is_arg_ok(right))) {
            warn(c, n, op == CMP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                    : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

void cw_check_call(Compiler *c, const Node *n) {
    const Node *f = n->u.call.func;
    switch (f->kind) {
    case N_TUPLE: case N_LIST: case N_LISTCOMP: case N_DICT: case N_DICTCOMP: case N_SET:
    case N_SETCOMP: case N_GENERATOREXP: case N_JOINEDSTR: case N_FORMATTEDVALUE:
        break;
    default:
        if (!is_constant(f)) return;
    }
    char text[200];
    snprintf(text, sizeof text, "'%s' object is not callable; perhaps you missed a comma?", infer_type(f));
    warn(c, n, text);
}

void cw_check_subscript(Compiler *c, const Node *n) {
    const Node *v = n->u.subscript.value, *s = n->u.subscript.slice;
    char text[200];
    const char *vt = infer_type(v);
    bool not_subscriptable = v->kind == N_SET || v->kind == N_SETCOMP || v->kind == N_GENERATOREXP || v->kind == N_LAMBDA;
    if (is_constant(v) && v->kind != N_TUPLE) {
        const char *t = const_type(v);
        not_subscriptable = strcmp(t, "str") != 0 && strcmp(t, "bytes") != 0;
    }
    if (not_subscriptable) {
        snprintf(text, sizeof text, "'%s' object is not subscriptable; perhaps you missed a comma?", vt);
        warn(c, n, text);
        return;
    }
    bool sequence = v->kind == N_TUPLE || v->kind == N_LIST || v->kind == N_LISTCOMP || v->kind == N_JOINEDSTR ||
                    v->kind == N_FORMATTEDVALUE || (v->kind == N_CONSTANT && (v->u.constant.kind == K_STR || v->u.constant.kind == K_BYTES));
    const char *it = sequence ? infer_type(s) : NULL;
    if (!it || !strcmp(it, "int") || !strcmp(it, "bool")) return;
    snprintf(text, sizeof text, "%s indices must be integers or slices, not %s; perhaps you missed a comma?", vt, it);
    warn(c, n, text);
}
