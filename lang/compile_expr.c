/* compile_expr.c — code generation for expressions, assignment targets and comprehensions. */
#include "lang/compiler_internal.h"
#include "vm/numfmt.h"
#include "vm/complexobj.h"
#include <string.h>
#include <stdlib.h>

static Value const_value(Compiler *c, const Node *n) {
    VM *vm = c->vm;
    switch (n->u.constant.kind) {
    case K_NONE: return vm->none;
    case K_TRUE: return vm->true_;
    case K_FALSE: return vm->false_;
    case K_ELLIPSIS: return vm->ellipsis;
    case K_INT: {
        const char *s = n->u.constant.str;
        int base = 10;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16;
        else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8;
        else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2;
        int saved = vm->int_max_str_digits;
        vm->int_max_str_digits = 0;
        Value v = int_parse(vm, s, strlen(s), base == 10 ? 10 : 0, VNULL);
        vm->int_max_str_digits = saved;
        if (!v) { vm_clear_exc(vm); c_error(c, n, "invalid decimal literal"); }
        return v;
    }
    case K_FLOAT: return float_new(vm, n->u.constant.f);
    case K_IMAG: return complex_new(vm, 0.0, n->u.constant.f);
    case K_STR: return str_intern(vm, str_new(vm, n->u.constant.str, n->u.constant.len));
    case K_BYTES: return bytes_new(vm, (const uint8_t *)n->u.constant.str, (int64_t)n->u.constant.len);
    }
    return vm->none;
}

static bool all_constant(const NodeList *l) {
    for (int i = 0; i < l->n; i++) {
        const Node *e = l->items[i];
        if (e->kind != N_CONSTANT || e->u.constant.kind == K_IMAG) return false;
    }
    return true;
}

static bool has_starred(const NodeList *l) {
    for (int i = 0; i < l->n; i++) if (l->items[i]->kind == N_STARRED) return true;
    return false;
}

/* Build a list from elements some of which are *starred; leaves the list on the stack.
 * `ext` is OR-ed into LIST_EXTEND's argument (0x100 when building call arguments). */
static void starred_list_ex(Compiler *c, const NodeList *l, int ext);
static void starred_list(Compiler *c, const NodeList *l) { starred_list_ex(c, l, 0); }
static void starred_list_ex(Compiler *c, const NodeList *l, int ext) {
    int pending = 0;
    bool built = false;
    for (int i = 0; i < l->n; i++) {
        const Node *e = l->items[i];
        if (e->kind == N_STARRED) {
            if (!built) { c_emit(c, OP_BUILD_LIST, pending); built = true; }
            else if (pending) { c_emit(c, OP_BUILD_LIST, pending); c_emit(c, OP_LIST_EXTEND, 1 | ext); }
            pending = 0;
            c_expr(c, e->u.starred.value);
            c_emit(c, OP_LIST_EXTEND, 1 | ext);
        } else {
            c_expr(c, e);
            pending++;
        }
    }
    if (!built) c_emit(c, OP_BUILD_LIST, pending);
    else if (pending) { c_emit(c, OP_BUILD_LIST, pending); c_emit(c, OP_LIST_EXTEND, 1); }
}

static void c_call(Compiler *c, const Node *n) {
    const Node *f = n->u.call.func;
    const NodeList *args = &n->u.call.args, *kws = &n->u.call.keywords;
    for (int i = 0; i < kws->n; i++)
        for (int j = 0; j < i; j++)
            if (kws->items[i]->u.keyword.arg && kws->items[j]->u.keyword.arg &&
                strcmp(kws->items[i]->u.keyword.arg, kws->items[j]->u.keyword.arg) == 0)
                c_error(c, kws->items[i], "keyword argument repeated: %s", kws->items[i]->u.keyword.arg);
    bool star = has_starred(args);
    bool dstar = false;
    for (int i = 0; i < kws->n; i++) if (!kws->items[i]->u.keyword.arg) dstar = true;
    if (!star && !dstar && f->kind == N_ATTRIBUTE && kws->n == 0) {
        c_expr(c, f->u.attr.value);
        c_set_line(c, f);
        c_emit(c, OP_LOAD_METHOD, c_attr_name(c, f->u.attr.attr));
        for (int i = 0; i < args->n; i++) c_expr(c, args->items[i]);
        c_set_line(c, n);
        c_emit(c, OP_CALL_METHOD, args->n);
        return;
    }
    c_expr(c, f);
    if (!star && !dstar) {
        for (int i = 0; i < args->n; i++) c_expr(c, args->items[i]);
        if (kws->n) {
            Value names = tuple_new(c->vm, kws->n);
            for (int i = 0; i < kws->n; i++) {
                c_expr(c, kws->items[i]->u.keyword.value);
                as_tuple(names)->items[i] = c_str(c, kws->items[i]->u.keyword.arg);
            }
            c_load_const(c, names);
            c_set_line(c, n);
            c_emit(c, OP_CALL_KW, args->n + kws->n);
            return;
        }
        c_set_line(c, n);
        c_emit(c, OP_CALL, args->n);
        return;
    }
    /* general form: f(*tuple, **dict) */
    starred_list_ex(c, args, 0x100);
    c_emit(c, OP_LIST_TO_TUPLE, 0);
    if (kws->n) {
        c_emit(c, OP_BUILD_MAP, 0);
        int pending = 0;
        for (int i = 0; i < kws->n; i++) {
            const Node *k = kws->items[i];
            if (k->u.keyword.arg) {
                c_load_const(c, c_str(c, k->u.keyword.arg));
                c_expr(c, k->u.keyword.value);
                c_emit(c, OP_BUILD_MAP, 1);
                c_emit(c, OP_DICT_MERGE, 1);
                pending++;
            } else {
                c_expr(c, k->u.keyword.value);
                c_emit(c, OP_DICT_MERGE, 1);
            }
        }
        (void)pending;
        c_set_line(c, n);
        c_emit(c, OP_CALL_EX, 1);
    } else {
        c_set_line(c, n);
        c_emit(c, OP_CALL_EX, 0);
    }
}

static void c_compare(Compiler *c, const Node *n) {
    const NodeList *cmps = &n->u.compare.comparators;
    c_expr(c, n->u.compare.left);
    int cleanup = cmps->n > 1 ? c_new_label(c) : -1;
    for (int i = 0; i < cmps->n; i++) {
        c_expr(c, cmps->items[i]);
        bool last = i == cmps->n - 1;
        if (!last) { c_emit(c, OP_SWAP, 2); c_emit(c, OP_COPY, 2); }
        int op = n->u.compare.ops[i];
        c_set_line(c, n);
        switch (op) {
        case CMP_IS: c_emit(c, OP_IS_OP, 0); break;
        case CMP_ISNOT: c_emit(c, OP_IS_OP, 1); break;
        case CMP_IN: c_emit(c, OP_CONTAINS_OP, 0); break;
        case CMP_NOTIN: c_emit(c, OP_CONTAINS_OP, 1); break;
        default: c_emit(c, OP_COMPARE_OP, op); break;
        }
        if (!last) c_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (cleanup >= 0) {
        int end = c_new_label(c);
        c_jump(c, OP_JUMP, end);
        c_bind(c, cleanup);
        c->u->depth++;           /* [left, result] at the cleanup label */
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_POP_TOP, 0);
        c_bind(c, end);
    }
}

void c_test_jump(Compiler *c, const Node *t, int label, bool jump_if) {
    if (t->kind == N_UNARYOP && t->u.unary.op == UOP_NOT) { c_test_jump(c, t->u.unary.operand, label, !jump_if); return; }
    if (t->kind == N_BOOLOP) {
        bool is_and = t->u.boolop.op == OP_AND;
        const NodeList *vals = &t->u.boolop.values;
        if (is_and != jump_if) {
            /* (a and b) jump if false: any false -> jump; (a or b) jump if true: any true -> jump */
            for (int i = 0; i < vals->n; i++) c_test_jump(c, vals->items[i], label, jump_if);
        } else {
            int skip = c_new_label(c);
            for (int i = 0; i < vals->n - 1; i++) c_test_jump(c, vals->items[i], skip, !jump_if);
            c_test_jump(c, vals->items[vals->n - 1], label, jump_if);
            c_bind(c, skip);
        }
        return;
    }
    c_expr(c, t);
    c_jump(c, jump_if ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static void c_fstring(Compiler *c, const Node *n) {
    const NodeList *vals = &n->u.seq.elts;
    int count = 0;
    for (int i = 0; i < vals->n; i++) {
        const Node *v = vals->items[i];
        if (v->kind == N_CONSTANT) c_load_const(c, const_value(c, v));
        else {
            c_expr(c, v->u.fmt.value);
            int conv = v->u.fmt.conversion;
            int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
            if (v->u.fmt.format_spec) { c_fstring(c, v->u.fmt.format_spec); flags |= 4; }
            c_emit(c, OP_FORMAT_VALUE, flags);
        }
        count++;
    }
    if (count == 0) c_load_const(c, c->vm->empty_str);
    else if (count > 1 || vals->items[0]->kind == N_FORMATTEDVALUE) {
        if (count > 1) c_emit(c, OP_BUILD_STRING, count);
    }
}

static void c_dict(Compiler *c, const Node *n) {
    const NodeList *keys = &n->u.dict.keys, *vals = &n->u.dict.values;
    int pending = 0;
    bool built = false;
    for (int i = 0; i < vals->n; i++) {
        if (!keys->items[i]) {
            if (!built) { c_emit(c, OP_BUILD_MAP, pending); built = true; }
            else if (pending) { c_emit(c, OP_BUILD_MAP, pending); c_emit(c, OP_DICT_UPDATE, 1); }
            pending = 0;
            c_expr(c, vals->items[i]);
            c_emit(c, OP_DICT_UPDATE, 1);
        } else {
            c_expr(c, keys->items[i]);
            c_expr(c, vals->items[i]);
            pending++;
        }
    }
    if (!built) c_emit(c, OP_BUILD_MAP, pending);
    else if (pending) { c_emit(c, OP_BUILD_MAP, pending); c_emit(c, OP_DICT_UPDATE, 1); }
}

static void c_yield_value(Compiler *c) {
    c_emit(c, OP_YIELD_VALUE, 0);
}

void c_await(Compiler *c) {
    /* [awaitable-iter] -> [result], delegating yields up to the task (or, for yield from,
     * to whoever iterates this generator) */
    c_load_const(c, c->vm->none);
    int loop = c_new_label(c), done = c_new_label(c);
    c_bind(c, loop);
    c_jump(c, OP_SEND, done);
    c_emit(c, OP_YIELD_VALUE, 1);
    c_jump(c, OP_JUMP, loop);
    c_bind(c, done);   /* SEND's target depth was recorded by c_jump */
}

void c_expr(Compiler *c, const Node *n) {
    VM *vm = c->vm;
    c_set_line(c, n);
    switch (n->kind) {
    case N_CONSTANT: c_load_const(c, const_value(c, n)); break;
    case N_NAME: c_nameop(c, n->u.name.id, CTX_LOAD, n); break;
    case N_BINOP:
        c_expr(c, n->u.binop.left);
        c_expr(c, n->u.binop.right);
        c_set_line(c, n);
        c_emit(c, OP_BINARY_OP, n->u.binop.op);
        break;
    case N_UNARYOP:
        if (n->u.unary.op == UOP_USUB && n->u.unary.operand->kind == N_CONSTANT &&
            (n->u.unary.operand->u.constant.kind == K_INT || n->u.unary.operand->u.constant.kind == K_FLOAT)) {
            /* fold -<number> as CPython's optimizer does */
            Value v = vm_unaryop(vm, UOP_USUB, const_value(c, n->u.unary.operand));
            if (v) { c_load_const(c, v); break; }
            vm_clear_exc(vm);
        }
        c_expr(c, n->u.unary.operand);
        c_set_line(c, n);
        c_emit(c, n->u.unary.op == UOP_NOT ? OP_UNARY_NOT : n->u.unary.op == UOP_USUB ? OP_UNARY_NEGATIVE :
                  n->u.unary.op == UOP_UADD ? OP_UNARY_POSITIVE : OP_UNARY_INVERT, 0);
        break;
    case N_BOOLOP: {
        int end = c_new_label(c);
        const NodeList *vals = &n->u.boolop.values;
        for (int i = 0; i < vals->n - 1; i++) {
            c_expr(c, vals->items[i]);
            c_jump(c, n->u.boolop.op == OP_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        c_expr(c, vals->items[vals->n - 1]);
        c_bind(c, end);
        break;
    }
    case N_COMPARE: cw_check_compare(c, n); c_compare(c, n); break;
    case N_CALL: cw_check_call(c, n); c_call(c, n); break;
    case N_ATTRIBUTE:
        c_expr(c, n->u.attr.value);
        c_set_line(c, n);
        c_emit(c, OP_LOAD_ATTR, c_attr_name(c, n->u.attr.attr));
        break;
    case N_SUBSCRIPT:
        cw_check_subscript(c, n);
        c_expr(c, n->u.subscript.value);
        c_expr(c, n->u.subscript.slice);
        c_set_line(c, n);
        c_emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case N_SLICE:
        if (n->u.slice.lower) c_expr(c, n->u.slice.lower); else c_load_const(c, vm->none);
        if (n->u.slice.upper) c_expr(c, n->u.slice.upper); else c_load_const(c, vm->none);
        if (n->u.slice.step) { c_expr(c, n->u.slice.step); c_emit(c, OP_BUILD_SLICE, 3); }
        else c_emit(c, OP_BUILD_SLICE, 2);
        break;
    case N_TUPLE:
        if (has_starred(&n->u.seq.elts)) { starred_list(c, &n->u.seq.elts); c_emit(c, OP_LIST_TO_TUPLE, 0); }
        else {
            for (int i = 0; i < n->u.seq.elts.n; i++) c_expr(c, n->u.seq.elts.items[i]);
            c_emit(c, OP_BUILD_TUPLE, n->u.seq.elts.n);
        }
        break;
    case N_LIST:
        if (has_starred(&n->u.seq.elts)) starred_list(c, &n->u.seq.elts);
        else {
            for (int i = 0; i < n->u.seq.elts.n; i++) c_expr(c, n->u.seq.elts.items[i]);
            c_emit(c, OP_BUILD_LIST, n->u.seq.elts.n);
        }
        break;
    case N_SET:
        if (n->u.seq.elts.n >= 3 && all_constant(&n->u.seq.elts)) {
            /* CPython 3.11 folds a constant set display into a frozenset constant and then
             * copies it into a new set: the double insertion decides the iteration order. */
            Value items = list_new(vm, n->u.seq.elts.n);
            for (int i = 0; i < n->u.seq.elts.n; i++) list_append(vm, items, const_value(c, n->u.seq.elts.items[i]));
            Value fs = vm_call1(vm, v_from_obj(vm->t_frozenset), items);
            Value order = fs ? vm_to_list(vm, fs) : VNULL;
            Value again = order ? vm_call1(vm, v_from_obj(vm->t_frozenset), order) : VNULL;
            if (!again) { vm_clear_exc(vm); c_error(c, n, "unhashable constant in set display"); }
            c_emit(c, OP_BUILD_SET, 0);
            c_load_const(c, again);
            c_emit(c, OP_SET_UPDATE, 1);
            break;
        }
        if (has_starred(&n->u.seq.elts)) {
            c_emit(c, OP_BUILD_SET, 0);
            for (int i = 0; i < n->u.seq.elts.n; i++) {
                const Node *e = n->u.seq.elts.items[i];
                if (e->kind == N_STARRED) { c_expr(c, e->u.starred.value); c_emit(c, OP_SET_UPDATE, 1); }
                else { c_expr(c, e); c_emit(c, OP_SET_ADD, 1); }
            }
        } else {
            for (int i = 0; i < n->u.seq.elts.n; i++) c_expr(c, n->u.seq.elts.items[i]);
            c_emit(c, OP_BUILD_SET, n->u.seq.elts.n);
        }
        break;
    case N_DICT: c_dict(c, n); break;
    case N_IFEXP: {
        int orelse = c_new_label(c), end = c_new_label(c);
        c_test_jump(c, n->u.ifexp.test, orelse, false);
        c_expr(c, n->u.ifexp.body);
        c_jump(c, OP_JUMP, end);
        c_bind(c, orelse);
        c_expr(c, n->u.ifexp.orelse);
        c_bind(c, end);
        break;
    }
    case N_NAMEDEXPR:
        c_expr(c, n->u.named.value);
        c_emit(c, OP_COPY, 1);
        c_store(c, n->u.named.target);
        break;
    case N_LAMBDA:
        c_function_like(c, n, n->u.lambda.args, NULL, n->u.lambda.body, "<lambda>", 0);
        break;
    case N_JOINEDSTR: c_fstring(c, n); break;
    case N_FORMATTEDVALUE: {
        c_expr(c, n->u.fmt.value);
        int conv = n->u.fmt.conversion;
        int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
        if (n->u.fmt.format_spec) { c_fstring(c, n->u.fmt.format_spec); flags |= 4; }
        c_emit(c, OP_FORMAT_VALUE, flags);
        break;
    }
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENERATOREXP:
        c_comprehension(c, n);
        break;
    case N_YIELD: {
        Scope *s = c->u->scope;
        if (s->kind != SC_FUNCTION && s->kind != SC_LAMBDA) c_error(c, n, "'yield' outside function");
        if (n->u.ret.value) c_expr(c, n->u.ret.value); else c_load_const(c, vm->none);
        c_yield_value(c);
        break;
    }
    case N_YIELDFROM: {
        Scope *s = c->u->scope;
        if (s->kind != SC_FUNCTION && s->kind != SC_LAMBDA) c_error(c, n, "'yield' outside function");
        if (s->is_coroutine) c_error(c, n, "'yield from' inside async function");
        c_expr(c, n->u.ret.value);
        c_emit(c, OP_GET_YIELD_FROM_ITER, 0);
        c_await(c);   /* the same delegation loop as await */
        break;
    }
    case N_AWAIT: {
        Scope *s = c->u->scope;
        /* in a comprehension (asynchronous for it, see symtable.c) c_comprehension decides */
        bool ok = s->is_coroutine || s->kind == SC_COMPREHENSION || (c->interactive && s->kind == SC_MODULE);
        if (!ok) c_error(c, n, "'await' outside %s", s->kind == SC_MODULE || s->kind == SC_CLASS ? "function" : "async function");
        /* REPL top-level await: the module code becomes a coroutine the REPL runs on a loop */
        if (c->interactive && s->kind == SC_MODULE) c->u->flags |= CO_COROUTINE;
        c_expr(c, n->u.ret.value);
        c_emit(c, OP_GET_AWAITABLE, 0);
        c_await(c);
        break;
    }
    case N_STARRED:
        c_error(c, n, "can't use starred expression here");
    default:
        c_error(c, n, "unsupported expression");
    }
}

/* ---- assignment targets ---- */

static void c_unpack(Compiler *c, const NodeList *elts, const Node *where) {
    int star = -1;
    for (int i = 0; i < elts->n; i++)
        if (elts->items[i]->kind == N_STARRED) {
            if (star >= 0) c_error(c, elts->items[i], "multiple starred expressions in assignment");
            star = i;
        }
    if (star >= 0) {
        if (star > 255 || elts->n - star - 1 > 255) c_error(c, where, "too many expressions in star-unpacking assignment");
        c_emit(c, OP_UNPACK_EX, star | ((elts->n - star - 1) << 8));
    } else {
        c_emit(c, OP_UNPACK_SEQUENCE, elts->n);
    }
    for (int i = 0; i < elts->n; i++) {
        const Node *t = elts->items[i];
        c_store(c, t->kind == N_STARRED ? t->u.starred.value : t);
    }
}

void c_store(Compiler *c, const Node *t) {
    c_set_line(c, t);
    switch (t->kind) {
    case N_NAME: c_nameop(c, t->u.name.id, CTX_STORE, t); break;
    case N_ATTRIBUTE:
        c_expr(c, t->u.attr.value);
        c_emit(c, OP_STORE_ATTR, c_attr_name(c, t->u.attr.attr));
        break;
    case N_SUBSCRIPT:
        c_expr(c, t->u.subscript.value);
        c_expr(c, t->u.subscript.slice);
        c_emit(c, OP_STORE_SUBSCR, 0);
        break;
    case N_TUPLE: case N_LIST: c_unpack(c, &t->u.seq.elts, t); break;
    case N_STARRED: c_error(c, t, "starred assignment target must be in a list or tuple");
    default: c_error(c, t, "cannot assign to expression");
    }
}

void c_delete(Compiler *c, const Node *t) {
    c_set_line(c, t);
    switch (t->kind) {
    case N_NAME: c_nameop(c, t->u.name.id, CTX_DEL, t); break;
    case N_ATTRIBUTE:
        c_expr(c, t->u.attr.value);
        c_emit(c, OP_DELETE_ATTR, c_attr_name(c, t->u.attr.attr));
        break;
    case N_SUBSCRIPT:
        c_expr(c, t->u.subscript.value);
        c_expr(c, t->u.subscript.slice);
        c_emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < t->u.seq.elts.n; i++) c_delete(c, t->u.seq.elts.items[i]);
        break;
    default: c_error(c, t, "cannot delete expression");
    }
}

/* ---- comprehensions: a nested function called with the first iterator ---- */

static void comp_loops(Compiler *c, const Node *n, int gi, int depth) {
    const NodeList *gens = &n->u.comp.generators;
    const Node *g = gens->items[gi];
    int start = c_new_label(c), end = c_new_label(c), cont = c_new_label(c);
    bool is_async = g->u.comprehension.is_async;
    if (gi == 0) c_emit(c, OP_LOAD_FAST, 0);
    else {
        c_expr(c, g->u.comprehension.iter);
        c_emit(c, is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    int handler = -1;
    if (is_async) {
        c_bind(c, start);
        handler = c_new_label(c);
        c_push_handler(c, handler, c->u->depth);
        c_emit(c, OP_GET_ANEXT, 0);
        c_await(c);
        c_pop_handler(c);
    } else {
        c_bind(c, start);
        c_jump(c, OP_FOR_ITER, end);
    }
    c_store(c, g->u.comprehension.target);
    for (int i = 0; i < g->u.comprehension.ifs.n; i++) c_test_jump(c, g->u.comprehension.ifs.items[i], cont, false);
    if (gi + 1 < gens->n) comp_loops(c, n, gi + 1, depth + 1);
    else {
        switch (n->kind) {
        case N_LISTCOMP: c_expr(c, n->u.comp.elt); c_emit(c, OP_LIST_APPEND, depth + 1); break;
        case N_SETCOMP: c_expr(c, n->u.comp.elt); c_emit(c, OP_SET_ADD, depth + 1); break;
        case N_DICTCOMP:
            c_expr(c, n->u.comp.key); c_expr(c, n->u.comp.elt);
            c_emit(c, OP_MAP_ADD, depth + 1);
            break;
        default:
            c_expr(c, n->u.comp.elt);
            c_emit(c, OP_YIELD_VALUE, 0);
            c_emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    c_bind(c, cont);
    c_jump(c, OP_JUMP, start);
    if (is_async) {
        c_bind(c, handler);
        c->u->depth = c->u->depth;  /* [.., aiter, exc] set by the handler binding */
        c_emit(c, OP_END_ASYNC_FOR, 0);
    } else {
        c_bind(c, end);
    }
}

void c_comprehension(Compiler *c, const Node *n) {
    Scope *child = scope_next_child(c->u->scope, n);
    const Node *first = n->u.comp.generators.items[0];
    if (child->is_coroutine && n->kind != N_GENERATOREXP) {
        /* awaited where it stands: in an async function, or in a comprehension (which then
         * awaits too, 3.11), or at the REPL's top level */
        Scope *p = c->u->scope;
        bool ok = (p->kind == SC_FUNCTION && p->is_coroutine) || p->kind == SC_COMPREHENSION ||
                  (c->interactive && p->kind == SC_MODULE);
        if (!ok) c_error(c, n, "asynchronous comprehension outside of an asynchronous function");
        if (c->interactive && p->kind == SC_MODULE) c->u->flags |= CO_COROUTINE;
    }
    const char *qn = c_qualname(c, child->name, child);
    c_enter_unit(c, child, child->name, qn, n->line);
    Unit *u = c->u;
    u->argcount = 1;
    bool is_gen = n->kind == N_GENERATOREXP;
    if (!is_gen) c_emit(c, n->kind == N_LISTCOMP ? OP_BUILD_LIST : n->kind == N_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
    comp_loops(c, n, 0, is_gen ? 0 : 1);
    if (is_gen) c_load_const(c, c->vm->none);
    c_emit(c, OP_RETURN_VALUE, 0);
    if (is_gen) u->flags |= child->is_coroutine ? CO_ASYNC_GENERATOR : CO_GENERATOR;
    else if (child->is_coroutine) u->flags |= CO_COROUTINE;
    Value code = c_assemble_unit(c);
    c_make_closure(c, code, child, 0, qn);
    c_expr(c, first->u.comprehension.iter);
    c_emit(c, first->u.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    c_set_line(c, n);
    c_emit(c, OP_CALL, 1);
    if (!is_gen && child->is_coroutine) {
        c_emit(c, OP_GET_AWAITABLE, 0);
        c_await(c);
    }
}
