/* ast_dump.c — renders a tree exactly like CPython 3.11's ast.dump(ast.parse(src)) (no
 * attributes, no indent), including Python's repr of str/bytes/float/complex constants.
 * Used to test the parser differentially against CPython. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/ast.h"

typedef struct { char *s; size_t n, cap; } Out;

static void put(Out *o, const char *s, size_t n) {
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        while (cap < o->n + n + 1) cap *= 2;
        char *ns = realloc(o->s, cap);
        if (!ns) abort();
        o->s = ns;
        o->cap = cap;
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = 0;
}

static void puts_(Out *o, const char *s) { put(o, s, strlen(s)); }

static void putf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void putf(Out *o, const char *fmt, ...) {
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(o, buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1));
}

/* ---- reprs ---- */

static int decode(const unsigned char *s, size_t n, unsigned *cp) {
    unsigned c = s[0];
    int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if ((size_t)len > n) len = 1;
    if (len == 1) { *cp = c; return 1; }
    unsigned v = c & (0x7F >> len);
    for (int i = 1; i < len; i++) v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return len;
}

/* Python's str.isprintable() approximated without a Unicode database. */
static int printable(unsigned cp) {
    if (cp < 0x20 || cp == 0x7F) return 0;
    if (cp >= 0x80 && cp <= 0xA0) return 0;
    if (cp == 0xAD) return 0;
    if (cp >= 0x2000 && cp <= 0x200F) return 0;   /* odd spaces and format characters */
    if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F)) return 0;
    if (cp == 0x3000 || cp == 0x1680 || cp == 0xFEFF) return 0;
    if (cp >= 0xD800 && cp <= 0xF8FF) return 0;
    if (cp >= 0xFFF0 && cp <= 0xFFFB) return 0;
    if (cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) return 0;
    if (cp >= 0xE0000) return 0;
    return 1;
}

static void repr_str(Out *o, const char *s, size_t n, int bytes) {
    int sq = 0, dq = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'') sq = 1;
        if (s[i] == '"') dq = 1;
    }
    char q = sq && !dq ? '"' : '\'';
    if (bytes) puts_(o, "b");
    put(o, &q, 1);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        int len = bytes ? (cp = (unsigned char)s[i], 1) : decode((const unsigned char *)s + i, n - i, &cp);
        if (cp == (unsigned)q || cp == '\\') { putf(o, "\\%c", (char)cp); }
        else if (cp == '\t') puts_(o, "\\t");
        else if (cp == '\n') puts_(o, "\\n");
        else if (cp == '\r') puts_(o, "\\r");
        else if (cp < 0x20 || cp == 0x7F || (bytes && cp >= 0x80)) putf(o, "\\x%02x", cp);
        else if (cp < 0x80) { char c = (char)cp; put(o, &c, 1); }
        else if (printable(cp)) put(o, s + i, (size_t)len);
        else if (cp <= 0xFF) putf(o, "\\x%02x", cp);
        else if (cp <= 0xFFFF) putf(o, "\\u%04x", cp);
        else putf(o, "\\U%08x", cp);
        i += (size_t)len;
    }
    put(o, &q, 1);
}

/* repr(float): shortest round-tripping digits, laid out the way Python's 'r' format does. */
static void repr_float(Out *o, double x, int for_complex) {
    if (isnan(x)) { puts_(o, "nan"); return; }
    if (isinf(x)) { puts_(o, x < 0 ? "-inf" : "inf"); return; }
    char buf[64];
    int prec = 1;
    for (; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x) break;
    }
    /* buf: [-]d[.ddd]e[+-]XX */
    char digits[32];
    int nd = 0, neg = 0;
    const char *q = buf;
    if (*q == '-') { neg = 1; q++; }
    for (; *q && *q != 'e'; q++)
        if (*q != '.') digits[nd++] = *q;
    int e = atoi(q + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    if (neg) puts_(o, "-");
    if (e >= -4 && e < 16) {
        if (e >= 0) {
            for (int i = 0; i <= e; i++) put(o, i < nd ? &digits[i] : "0", 1);
            if (nd > e + 1) {
                puts_(o, ".");
                put(o, digits + e + 1, (size_t)(nd - e - 1));
            } else if (!for_complex) {
                puts_(o, ".0");
            }
        } else {
            puts_(o, "0.");
            for (int i = 0; i < -e - 1; i++) puts_(o, "0");
            put(o, digits, (size_t)nd);
        }
    } else {
        put(o, digits, 1);
        if (nd > 1) {
            puts_(o, ".");
            put(o, digits + 1, (size_t)(nd - 1));
        }
        putf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
}

/* Integer literal (any base, no underscores) to decimal, arbitrary size. */
static void repr_int(Out *o, const char *s, size_t n) {
    int base = 10;
    size_t i = 0;
    if (n > 1 && s[0] == '0') {
        char b = s[1];
        if (b == 'x' || b == 'X') base = 16;
        else if (b == 'o' || b == 'O') base = 8;
        else if (b == 'b' || b == 'B') base = 2;
        if (base != 10) i = 2;
    }
    size_t cap = n + 2, len = 1;
    uint32_t *limbs = calloc(cap, sizeof *limbs);   /* base 1e9, little-endian */
    if (!limbs) abort();
    for (; i < n; i++) {
        int c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
        uint64_t carry = (uint64_t)d;
        for (size_t k = 0; k < len; k++) {
            uint64_t v = (uint64_t)limbs[k] * (uint64_t)base + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry && len < cap) limbs[len++] = (uint32_t)carry;
    }
    putf(o, "%u", limbs[len - 1]);
    for (size_t k = len - 1; k-- > 0;) putf(o, "%09u", limbs[k]);
    free(limbs);
}

/* ---- nodes ---- */

static void node(Out *o, const Node *n);

static void list(Out *o, NodeList l) {
    puts_(o, "[");
    for (int i = 0; i < l.n; i++) {
        if (i) puts_(o, ", ");
        if (l.items[i]) node(o, l.items[i]);
        else puts_(o, "None");
    }
    puts_(o, "]");
}

/* Field printers: `first` tracks the ", " separators inside one node's parentheses. */
typedef struct { Out *o; int first; } F;

static void sep(F *f, const char *name) {
    if (!f->first) puts_(f->o, ", ");
    f->first = 0;
    puts_(f->o, name);
    puts_(f->o, "=");
}
static void fnode(F *f, const char *name, const Node *n) { sep(f, name); node(f->o, n); }
static void fopt(F *f, const char *name, const Node *n) { if (n) fnode(f, name, n); }
static void flist(F *f, const char *name, NodeList l) { sep(f, name); list(f->o, l); }
static void fstr(F *f, const char *name, const char *s) { sep(f, name); repr_str(f->o, s, strlen(s), 0); }
static void fostr(F *f, const char *name, const char *s) { if (s) fstr(f, name, s); }
static void fint(F *f, const char *name, int v) { sep(f, name); putf(f->o, "%d", v); }
static void fraw(F *f, const char *name, const char *s) { sep(f, name); puts_(f->o, s); }

static const char *ctx_name(ExprCtx c) { return c == CTX_STORE ? "Store()" : c == CTX_DEL ? "Del()" : "Load()"; }

static const char *binop_name(int op) {
    static const char *const names[] = { "Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()",
        "Pow()", "LShift()", "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()", "And()", "Or()" };
    return op >= 0 && op <= OP_OR ? names[op] : "?";
}

static const char *unop_name(int op) {
    static const char *const names[] = { "Invert()", "Not()", "UAdd()", "USub()" };
    return op >= 0 && op <= UOP_USUB ? names[op] : "?";
}

static const char *cmp_name(int op) {
    static const char *const names[] = { "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()",
        "IsNot()", "In()", "NotIn()" };
    return op >= 0 && op <= CMP_NOTIN ? names[op] : "?";
}

static void constant(Out *o, const Node *n) {
    switch (n->u.constant.kind) {
    case K_NONE: puts_(o, "None"); break;
    case K_TRUE: puts_(o, "True"); break;
    case K_FALSE: puts_(o, "False"); break;
    case K_ELLIPSIS: puts_(o, "Ellipsis"); break;
    case K_INT: repr_int(o, n->u.constant.str, n->u.constant.len); break;
    case K_FLOAT: repr_float(o, n->u.constant.f, 0); break;
    case K_IMAG: repr_float(o, n->u.constant.f, 1); puts_(o, "j"); break;
    case K_STR: repr_str(o, n->u.constant.str, n->u.constant.len, 0); break;
    case K_BYTES: repr_str(o, n->u.constant.str, n->u.constant.len, 1); break;
    }
}

static const char *kind_name(const Node *n) {
    switch (n->kind) {
    case N_MODULE: return "Module";
    case N_FUNCTIONDEF: return n->u.funcdef.is_async ? "AsyncFunctionDef" : "FunctionDef";
    case N_CLASSDEF: return "ClassDef";
    case N_RETURN: return "Return";
    case N_DELETE: return "Delete";
    case N_ASSIGN: return "Assign";
    case N_AUGASSIGN: return "AugAssign";
    case N_ANNASSIGN: return "AnnAssign";
    case N_FOR: return n->u.for_.is_async ? "AsyncFor" : "For";
    case N_WHILE: return "While";
    case N_IF: return "If";
    case N_WITH: return n->u.with.is_async ? "AsyncWith" : "With";
    case N_RAISE: return "Raise";
    case N_TRY: return n->u.try_.is_star ? "TryStar" : "Try";
    case N_ASSERT: return "Assert";
    case N_IMPORT: return "Import";
    case N_IMPORTFROM: return "ImportFrom";
    case N_GLOBAL: return "Global";
    case N_NONLOCAL: return "Nonlocal";
    case N_EXPR: return "Expr";
    case N_PASS: return "Pass";
    case N_BREAK: return "Break";
    case N_CONTINUE: return "Continue";
    case N_BOOLOP: return "BoolOp";
    case N_NAMEDEXPR: return "NamedExpr";
    case N_BINOP: return "BinOp";
    case N_UNARYOP: return "UnaryOp";
    case N_LAMBDA: return "Lambda";
    case N_IFEXP: return "IfExp";
    case N_DICT: return "Dict";
    case N_SET: return "Set";
    case N_LISTCOMP: return "ListComp";
    case N_SETCOMP: return "SetComp";
    case N_DICTCOMP: return "DictComp";
    case N_GENERATOREXP: return "GeneratorExp";
    case N_AWAIT: return "Await";
    case N_YIELD: return "Yield";
    case N_YIELDFROM: return "YieldFrom";
    case N_COMPARE: return "Compare";
    case N_CALL: return "Call";
    case N_FORMATTEDVALUE: return "FormattedValue";
    case N_JOINEDSTR: return "JoinedStr";
    case N_CONSTANT: return "Constant";
    case N_ATTRIBUTE: return "Attribute";
    case N_SUBSCRIPT: return "Subscript";
    case N_STARRED: return "Starred";
    case N_NAME: return "Name";
    case N_LIST: return "List";
    case N_TUPLE: return "Tuple";
    case N_SLICE: return "Slice";
    case N_EXCEPTHANDLER: return "ExceptHandler";
    case N_ARGUMENTS: return "arguments";
    case N_ARG: return "arg";
    case N_KEYWORD: return "keyword";
    case N_ALIAS: return "alias";
    case N_WITHITEM: return "withitem";
    case N_COMPREHENSION: return "comprehension";
    }
    return "?";
}

static void fields(F *f, const Node *n) {
    Out *o = f->o;
    switch (n->kind) {
    case N_MODULE: flist(f, "body", n->u.module.body); fraw(f, "type_ignores", "[]"); break;
    case N_FUNCTIONDEF:
        fstr(f, "name", n->u.funcdef.name); fnode(f, "args", n->u.funcdef.args);
        flist(f, "body", n->u.funcdef.body); flist(f, "decorator_list", n->u.funcdef.decorators);
        fopt(f, "returns", n->u.funcdef.returns);
        break;
    case N_CLASSDEF:
        fstr(f, "name", n->u.classdef.name); flist(f, "bases", n->u.classdef.bases);
        flist(f, "keywords", n->u.classdef.keywords); flist(f, "body", n->u.classdef.body);
        flist(f, "decorator_list", n->u.classdef.decorators);
        break;
    case N_RETURN: case N_YIELD: fopt(f, "value", n->u.ret.value); break;
    case N_EXPR: case N_AWAIT: case N_YIELDFROM: fnode(f, "value", n->u.ret.value); break;
    case N_DELETE: flist(f, "targets", n->u.assign.targets); break;
    case N_ASSIGN: flist(f, "targets", n->u.assign.targets); fnode(f, "value", n->u.assign.value); break;
    case N_AUGASSIGN:
        fnode(f, "target", n->u.augassign.target); fraw(f, "op", binop_name(n->u.augassign.op));
        fnode(f, "value", n->u.augassign.value);
        break;
    case N_ANNASSIGN:
        fnode(f, "target", n->u.annassign.target); fnode(f, "annotation", n->u.annassign.annotation);
        fopt(f, "value", n->u.annassign.value); fint(f, "simple", n->u.annassign.simple);
        break;
    case N_FOR:
        fnode(f, "target", n->u.for_.target); fnode(f, "iter", n->u.for_.iter);
        flist(f, "body", n->u.for_.body); flist(f, "orelse", n->u.for_.orelse);
        break;
    case N_WHILE: case N_IF:
        fnode(f, "test", n->u.while_.test); flist(f, "body", n->u.while_.body);
        flist(f, "orelse", n->u.while_.orelse);
        break;
    case N_WITH: flist(f, "items", n->u.with.items); flist(f, "body", n->u.with.body); break;
    case N_RAISE: fopt(f, "exc", n->u.raise.exc); fopt(f, "cause", n->u.raise.cause); break;
    case N_TRY:
        flist(f, "body", n->u.try_.body); flist(f, "handlers", n->u.try_.handlers);
        flist(f, "orelse", n->u.try_.orelse); flist(f, "finalbody", n->u.try_.finalbody);
        break;
    case N_ASSERT: fnode(f, "test", n->u.assert_.test); fopt(f, "msg", n->u.assert_.msg); break;
    case N_IMPORT: flist(f, "names", n->u.import.names); break;
    case N_IMPORTFROM:
        fostr(f, "module", n->u.import.module); flist(f, "names", n->u.import.names);
        fint(f, "level", n->u.import.level);
        break;
    case N_GLOBAL: case N_NONLOCAL:
        sep(f, "names");
        puts_(o, "[");
        for (int i = 0; i < n->u.names.n; i++) {
            if (i) puts_(o, ", ");
            repr_str(o, n->u.names.names[i], strlen(n->u.names.names[i]), 0);
        }
        puts_(o, "]");
        break;
    case N_PASS: case N_BREAK: case N_CONTINUE: break;
    case N_BOOLOP: fraw(f, "op", binop_name(n->u.boolop.op)); flist(f, "values", n->u.boolop.values); break;
    case N_NAMEDEXPR: fnode(f, "target", n->u.named.target); fnode(f, "value", n->u.named.value); break;
    case N_BINOP:
        fnode(f, "left", n->u.binop.left); fraw(f, "op", binop_name(n->u.binop.op));
        fnode(f, "right", n->u.binop.right);
        break;
    case N_UNARYOP: fraw(f, "op", unop_name(n->u.unary.op)); fnode(f, "operand", n->u.unary.operand); break;
    case N_LAMBDA: fnode(f, "args", n->u.lambda.args); fnode(f, "body", n->u.lambda.body); break;
    case N_IFEXP:
        fnode(f, "test", n->u.ifexp.test); fnode(f, "body", n->u.ifexp.body);
        fnode(f, "orelse", n->u.ifexp.orelse);
        break;
    case N_DICT: flist(f, "keys", n->u.dict.keys); flist(f, "values", n->u.dict.values); break;
    case N_SET: flist(f, "elts", n->u.seq.elts); break;
    case N_JOINEDSTR: flist(f, "values", n->u.seq.elts); break;
    case N_LIST: case N_TUPLE: flist(f, "elts", n->u.seq.elts); fraw(f, "ctx", ctx_name(n->u.seq.ctx)); break;
    case N_LISTCOMP: case N_SETCOMP: case N_GENERATOREXP:
        fnode(f, "elt", n->u.comp.elt); flist(f, "generators", n->u.comp.generators);
        break;
    case N_DICTCOMP:
        fnode(f, "key", n->u.comp.key); fnode(f, "value", n->u.comp.elt);
        flist(f, "generators", n->u.comp.generators);
        break;
    case N_COMPARE:
        fnode(f, "left", n->u.compare.left);
        sep(f, "ops");
        puts_(o, "[");
        for (int i = 0; i < n->u.compare.comparators.n; i++) {
            if (i) puts_(o, ", ");
            puts_(o, cmp_name(n->u.compare.ops[i]));
        }
        puts_(o, "]");
        flist(f, "comparators", n->u.compare.comparators);
        break;
    case N_CALL:
        fnode(f, "func", n->u.call.func); flist(f, "args", n->u.call.args);
        flist(f, "keywords", n->u.call.keywords);
        break;
    case N_FORMATTEDVALUE:
        fnode(f, "value", n->u.fmt.value); fint(f, "conversion", n->u.fmt.conversion);
        fopt(f, "format_spec", n->u.fmt.format_spec);
        break;
    case N_CONSTANT: sep(f, "value"); constant(o, n); break;
    case N_ATTRIBUTE:
        fnode(f, "value", n->u.attr.value); fstr(f, "attr", n->u.attr.attr);
        fraw(f, "ctx", ctx_name(n->u.attr.ctx));
        break;
    case N_SUBSCRIPT:
        fnode(f, "value", n->u.subscript.value); fnode(f, "slice", n->u.subscript.slice);
        fraw(f, "ctx", ctx_name(n->u.subscript.ctx));
        break;
    case N_STARRED: fnode(f, "value", n->u.starred.value); fraw(f, "ctx", ctx_name(n->u.starred.ctx)); break;
    case N_NAME: fstr(f, "id", n->u.name.id); fraw(f, "ctx", ctx_name(n->u.name.ctx)); break;
    case N_SLICE:
        fopt(f, "lower", n->u.slice.lower); fopt(f, "upper", n->u.slice.upper);
        fopt(f, "step", n->u.slice.step);
        break;
    case N_EXCEPTHANDLER:
        fopt(f, "type", n->u.handler.type); fostr(f, "name", n->u.handler.name);
        flist(f, "body", n->u.handler.body);
        break;
    case N_ARGUMENTS:
        flist(f, "posonlyargs", n->u.arguments.posonlyargs); flist(f, "args", n->u.arguments.args);
        fopt(f, "vararg", n->u.arguments.vararg); flist(f, "kwonlyargs", n->u.arguments.kwonlyargs);
        flist(f, "kw_defaults", n->u.arguments.kw_defaults); fopt(f, "kwarg", n->u.arguments.kwarg);
        flist(f, "defaults", n->u.arguments.defaults);
        break;
    case N_ARG: fstr(f, "arg", n->u.arg.name); fopt(f, "annotation", n->u.arg.annotation); break;
    case N_KEYWORD: fostr(f, "arg", n->u.keyword.arg); fnode(f, "value", n->u.keyword.value); break;
    case N_ALIAS: fstr(f, "name", n->u.alias.name); fostr(f, "asname", n->u.alias.asname); break;
    case N_WITHITEM:
        fnode(f, "context_expr", n->u.withitem.context_expr);
        fopt(f, "optional_vars", n->u.withitem.optional_vars);
        break;
    case N_COMPREHENSION:
        fnode(f, "target", n->u.comprehension.target); fnode(f, "iter", n->u.comprehension.iter);
        flist(f, "ifs", n->u.comprehension.ifs); fint(f, "is_async", n->u.comprehension.is_async);
        break;
    }
}

static void node(Out *o, const Node *n) {
    if (!n) { puts_(o, "None"); return; }
    puts_(o, kind_name(n));
    puts_(o, "(");
    F f = { o, 1 };
    fields(&f, n);
    puts_(o, ")");
}

char *ast_dump_str(Arena *a, const Node *n) {
    Out o = {0};
    node(&o, n);
    char *r = arena_strndup(a, o.s ? o.s : "", o.n);
    free(o.s);
    return r;
}

void ast_dump(const Node *n) {
    Out o = {0};
    node(&o, n);
    if (o.s) fputs(o.s, stdout);
    fputc('\n', stdout);
    free(o.s);
}
