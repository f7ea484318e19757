/* exc.c — exception objects: the built-in hierarchy, raising from C, tracebacks and their
 * CPython-format printing (chained causes and contexts, source lines), ExceptionGroup and the
 * split that except* needs. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "vm/interp.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static void exc_trace(GC *gc, Obj *o) {
    ExcObj *e = (ExcObj *)o;
    gc_mark(gc, e->args); gc_mark(gc, e->cause); gc_mark(gc, e->context);
    gc_mark(gc, e->traceback); gc_mark(gc, e->notes);
}
static void tb_trace(GC *gc, Obj *o) {
    Traceback *t = (Traceback *)o;
    gc_mark(gc, t->next); gc_mark_obj(gc, t->code);
}

Value exc_new(VM *vm, Type *t, Value *args, int nargs) {
    return type_call(vm, t, args, nargs, VNULL);
}

Value vm_raise_value(VM *vm, Value exc) {
    if (!exc) return VNULL;
    ExcObj *e = (ExcObj *)exc;
    /* implicit chaining: the exception being handled becomes __context__ */
    Value c = e->context ? VNULL : vm_handled(vm);
    if (c && c != exc) {
        /* avoid cycles */
        bool cycle = false;
        for (Value p = ((ExcObj *)c)->context; p; p = ((ExcObj *)p)->context) if (p == exc) { cycle = true; break; }
        if (!cycle) e->context = c;
    }
    vm->exc = exc;
    return VNULL;
}

Value vm_raise_str(VM *vm, Type *t, Value msg) {
    Value e = exc_new(vm, t, &msg, 1);
    if (!e) return VNULL;
    return vm_raise_value(vm, e);
}

Value vm_raise(VM *vm, Type *t, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Value saved = vm->exc;
    vm->exc = VNULL;
    vm->raising++;
    Value msg = str_from_cstr(vm, buf);
    Value e = msg ? exc_new(vm, t, &msg, 1) : VNULL;
    vm->raising--;
    if (!e) { if (!vm->exc) vm->exc = saved; return VNULL; }
    return vm_raise_value(vm, e);
}

Value vm_nomem(VM *vm) {
    if (!vm->e_MemoryError) abort();
    ExcObj *e = NULL;
    {
        /* allocate outside the memory limit check's way: there is always room for one */
        size_t lim = vm->config.memory_limit;
        vm->config.memory_limit = 0;
        e = gc_alloc(vm, vm->e_MemoryError, sizeof(ExcObj));
        vm->config.memory_limit = lim;
        if (!e) abort();
        e->args = vm->empty_tuple;
    }
    e->traceback = VNULL;
    e->context = VNULL;
    vm->exc = v_from_obj(e);
    return VNULL;
}

bool vm_exc_is(VM *vm, Type *t) { return vm->exc && isinst(vm, vm->exc, t); }
void vm_clear_exc(VM *vm) { vm->exc = VNULL; }

Value exc_get_attr(VM *vm, Value exc, Value name) {
    ExcObj *e = (ExcObj *)exc;
    if (!e->dict) return VNULL;
    return dict_get_str(e->dict, name);
}

void exc_set_attr(VM *vm, Value exc, Value name, Value v) {
    ExcObj *e = (ExcObj *)exc;
    if (!e->dict) e->dict = dict_new(vm);
    dict_set(vm, e->dict, name, v);
}

void exc_add_traceback(VM *vm, Value exc, Code *code, int line) {
    if (!exc || !isinst(vm, exc, vm->e_BaseException)) return;
    /* a MemoryError still gets its traceback: these few bytes are allowed past the limit */
    size_t limit = vm->config.memory_limit;
    vm->config.memory_limit = 0;
    Traceback *t = gc_alloc(vm, vm->t_traceback, sizeof(Traceback));
    vm->config.memory_limit = limit;
    if (!t) return;
    t->code = code;
    t->line = line;
    t->next = ((ExcObj *)exc)->traceback;
    ((ExcObj *)exc)->traceback = v_from_obj(t);
}

void exc_add_traceback_at(VM *vm, Value exc, Code *code, uint32_t *ip) {
    exc_add_traceback(vm, exc, code, vm_line_of(code, ip));
    if (!exc || !isinst(vm, exc, vm->e_BaseException) || !code->positions || !code->ncode) return;
    int64_t i = ip - code->code - 1;
    if (i < 0) i = 0;
    if (i >= code->ncode) i = code->ncode - 1;
    Traceback *t = (Traceback *)((ExcObj *)exc)->traceback;
    if (t) t->pos = code->positions[i];
}

Value exc_stop_value(VM *vm, Value exc) {
    Value v = exc_get_attr(vm, exc, vm->s_value);
    return v ? v : vm->none;
}

/* ---- printing ---- */

char *vm_source_line(const char *filename, int line) {
    FILE *f = fopen(filename, "r");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    int n = 0;
    char *out = NULL;
    while ((len = getline(&buf, &cap, f)) >= 0) {
        if (++n == line) { out = buf; buf = NULL; break; }
    }
    free(buf);
    fclose(f);
    return out;
}

/* CPython 3.11's position markers (PEP 657): ^^^ under the failing part of the line, or
 * ~~^~~ picking out the operator of a binary operation / the [..] of a subscript. */
static void caret_anchors(const char *seg, size_t n, int *left, int *right) {
    *left = *right = -1;
    Arena *a = arena_new();
    SyntaxErr err;
    Node *e = parse_expression(a, seg, n, "<segment>", &err);
    if (e && e->kind == N_BINOP) {
        int op_start = e->u.binop.left->end_col, op_end = e->u.binop.right->col;
        int cps = (int)utf8_cplen(seg, n);
        if (op_start >= 0 && op_end <= cps && op_start <= op_end) {
            const char *p = seg;
            for (int i = 0; i < op_start; i++) { int k; utf8_decode(p, &k); p += k; }
            int off = 0;
            while (op_start + off < op_end && (p[off] == ' ' || p[off] == '\t' || p[off] == '\n')) off++;
            *left = op_start + off;
            *right = *left + 1;
            if (op_start + off + 1 < op_end && !(p[off + 1] == ' ' || p[off + 1] == '\t' || p[off + 1] == '\n')) (*right)++;
        }
    } else if (e && e->kind == N_SUBSCRIPT) {
        *left = e->u.subscript.value->end_col;
        *right = e->u.subscript.slice->end_col + 1;
    }
    arena_free(a);
}

static void print_carets(StrBuf *out, const char *line, int stripped_chars, int stripped_len, uint32_t pos) {
    int col = (int)(pos & 0xffff), end = (int)(pos >> 16);
    if (pos == 0 || col >= 0xfffe) return;
    int start_off = col + 1, end_off;
    int left = -1, right = -1;
    if (end == 0xffff) {
        end_off = stripped_chars + stripped_len;
    } else {
        end_off = end + 1;
        const char *p = line;
        for (int i = 0; i < col && *p; i++) { int k; utf8_decode(p, &k); p += k; }
        const char *q = p;
        for (int i = col; i < end && *q; i++) { int k; utf8_decode(q, &k); q += k; }
        caret_anchors(p, (size_t)(q - p), &left, &right);
    }
    bool anchors = left >= 0 && right > left;
    if (!(end_off - start_off < stripped_len || anchors)) return;
    if (start_off - 1 - stripped_chars < 0 || end_off <= start_off) return;
    sb_adds(out, "    ");
    sb_fill(out, ' ', (size_t)(start_off - 1 - stripped_chars));
    if (anchors) {
        sb_fill(out, '~', (size_t)left);
        sb_fill(out, '^', (size_t)(right - left));
        if (end_off - start_off - right > 0) sb_fill(out, '~', (size_t)(end_off - start_off - right));
    } else {
        sb_fill(out, '^', (size_t)(end_off - start_off));
    }
    sb_addc(out, '\n');
}

static void print_tb(VM *vm, Value tb, StrBuf *out) {
    /* stored innermost-last as a chain from the outermost frame */
    Value chain[4096];
    int n = 0;
    for (Value t = tb; t && n < 4096; t = ((Traceback *)t)->next) chain[n++] = t;
    sb_adds(out, "Traceback (most recent call last):\n");
    const char *last_file = NULL; int last_line = -1; const char *last_name = NULL; int repeat = 0;
    for (int i = 0; i < n; i++) {
        Traceback *t = (Traceback *)chain[i];
        const char *file = str_cstr(t->code->filename);
        const char *name = str_cstr(t->code->name);
        if (last_file && strcmp(file, last_file) == 0 && t->line == last_line && strcmp(name, last_name) == 0) {
            if (++repeat >= 3) continue;
        } else {
            if (repeat >= 3) sb_printf(out, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
            repeat = 0;
        }
        last_file = file; last_line = t->line; last_name = name;
        sb_printf(out, "  File \"%s\", line %d, in %s\n", file, t->line, name);
        char *src = vm_source_line(file, t->line);
        if (src) {
            size_t l = strlen(src);
            while (l && (src[l - 1] == '\n' || src[l - 1] == '\r')) src[--l] = 0;
            char *s = src;
            while (*s == ' ' || *s == '\t' || *s == '\f') s++;
            size_t sl = strlen(s);
            while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t')) s[--sl] = 0;
            if (sl) {
                sb_printf(out, "    %s\n", s);
                print_carets(out, src, (int)utf8_cplen(src, (size_t)(s - src)), (int)utf8_cplen(s, sl), t->pos);
            }
            free(src);
        }
    }
    if (repeat >= 3) sb_printf(out, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
}

Value suggest_for(VM *vm, Value exc);

static void print_exc_line(VM *vm, Value exc, StrBuf *out) {
    Type *t = type_of(vm, exc);
    const char *mod = t->module ? str_cstr(t->module) : NULL;
    Value s = vm_str(vm, exc);
    if (!s) { vm_clear_exc(vm); s = STR(vm, "<exception str() failed>"); }
    if (isinst(vm, exc, vm->e_SyntaxError)) {
        Value fn = exc_get_attr(vm, exc, vm->s_filename), ln = exc_get_attr(vm, exc, vm->s_lineno);
        Value off = exc_get_attr(vm, exc, vm->s_offset), txt = exc_get_attr(vm, exc, vm->s_text);
        Value eoff = exc_get_attr(vm, exc, vm->s_end_offset);
        if (fn && fn != vm->none && ln && v_is_int(ln)) sb_printf(out, "  File \"%s\", line %lld\n", str_cstr(fn), (long long)v_int(ln));
        if (txt && isinst(vm, txt, vm->t_str)) {
            const char *line = str_cstr(txt);
            const char *st = line;
            while (*st == ' ' || *st == '\t' || *st == '\f') st++;
            size_t l = strlen(st);
            while (l && (st[l - 1] == '\n' || st[l - 1] == '\r')) l--;
            sb_printf(out, "    %.*s\n", (int)l, st);
            if (off && v_is_int(off) && v_int(off) > 0) {
                int64_t col = v_int(off) - 1 - (st - line);
                /* columns count characters, not bytes */
                int64_t width = 1;
                if (eoff && v_is_int(eoff) && v_int(eoff) > v_int(off)) width = v_int(eoff) - v_int(off);
                int64_t cols = utf8_cplen(st, l);
                if (col > cols) col = cols;
                if (col + width > cols + 1) width = cols + 1 - col;
                if (width < 1) width = 1;
                if (col >= 0) {   /* CPython draws no caret left of the text */
                    sb_adds(out, "    ");
                    for (int64_t i = 0; i < col; i++) sb_addc(out, ' ');
                    for (int64_t i = 0; i < width; i++) sb_addc(out, '^');
                    sb_addc(out, '\n');
                }
            }
        }
        Value msg = exc_get_attr(vm, exc, vm->s_msg);
        if (msg && isinst(vm, msg, vm->t_str)) s = msg;
    }
    if (mod && strcmp(mod, "builtins") != 0 && strcmp(mod, "__main__") != 0)
        sb_printf(out, "%s.%s", mod, str_cstr(t->qualname));
    else
        sb_adds(out, str_cstr(t->qualname));
    if (as_str(s)->len) sb_printf(out, ": %s", str_cstr(s));
    Value suggestion = suggest_for(vm, exc);
    if (suggestion) sb_printf(out, ". Did you mean: '%s'?", str_cstr(suggestion));
    sb_addc(out, '\n');
    ExcObj *e = (ExcObj *)exc;
    if (e->notes && isinst(vm, e->notes, vm->t_list))
        for (int64_t i = 0; i < as_list(e->notes)->n; i++) {
            Value nt = vm_str(vm, as_list(e->notes)->items[i]);
            if (nt) sb_printf(out, "%s\n", str_cstr(nt));
        }
}

static void print_chain(VM *vm, Value exc, StrBuf *out, int depth);

static void add_prefixed(StrBuf *out, const char *prefix, StrBuf *lines) {
    const char *p = lines->data ? lines->data : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        sb_adds(out, prefix);
        sb_add(out, p, n);
        sb_addc(out, '\n');
        p += n + (nl ? 1 : 0);
    }
}

/* An exception group: its own traceback and line, then each sub-exception framed with
 * numbered separators and "| " margins, exactly as CPython's traceback module draws it. */
static void print_group(VM *vm, Value exc, StrBuf *out, const char *indent, int depth) {
    ExcObj *e = (ExcObj *)exc;
    char margin[300];
    snprintf(margin, sizeof margin, "%s| ", indent);
    StrBuf body; sb_init(&body);
    if (e->traceback) {
        StrBuf tb; sb_init(&tb);
        print_tb(vm, e->traceback, &tb);
        /* "Traceback (most recent call last):" becomes the group header */
        const char *rest = strchr(tb.data, '\n');
        sb_printf(out, "%s%c Exception Group Traceback (most recent call last):\n", indent, depth == 0 ? '+' : '|');
        StrBuf r; sb_init(&r); sb_adds(&r, rest ? rest + 1 : "");
        add_prefixed(out, margin, &r);
        sb_free(&r); sb_free(&tb);
    }
    print_exc_line(vm, exc, &body);
    add_prefixed(out, margin, &body);
    sb_free(&body);
    Value excs = exc_get_attr(vm, exc, vm->s_exceptions);
    int64_t n = excs ? as_tuple(excs)->n : 0;
    char sub_indent[256];
    snprintf(sub_indent, sizeof sub_indent, "%s  ", indent);
    for (int64_t i = 0; i < n && i < 15; i++) {
        if (i == 0) sb_printf(out, "%s+-+---------------- %lld ----------------\n", indent, (long long)i + 1);
        else sb_printf(out, "%s  +---------------- %lld ----------------\n", indent, (long long)i + 1);
        Value sub = as_tuple(excs)->items[i];
        if (isinst(vm, sub, vm->e_BaseExceptionGroup) && depth < 10) {
            print_group(vm, sub, out, sub_indent, depth + 1);
        } else {
            StrBuf lines; sb_init(&lines);
            print_chain(vm, sub, &lines, 0);
            char m2[300];
            snprintf(m2, sizeof m2, "%s| ", sub_indent);
            add_prefixed(out, m2, &lines);
            sb_free(&lines);
        }
    }
    if (n > 15) sb_printf(out, "%s  +---------------- ... ----------------\n%s    | and %lld more exceptions\n", indent, indent, (long long)(n - 15));
    /* a trailing nested group has already drawn the closing line */
    bool last_group = n > 0 && n <= 15 && depth < 10 && isinst(vm, as_tuple(excs)->items[n - 1], vm->e_BaseExceptionGroup);
    if (!last_group) sb_printf(out, "%s  +------------------------------------\n", indent);
}

static void print_chain(VM *vm, Value exc, StrBuf *out, int depth) {
    ExcObj *e = (ExcObj *)exc;
    if (depth < 100) {
        if (e->cause) {
            print_chain(vm, e->cause, out, depth + 1);
            sb_adds(out, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context) {
            print_chain(vm, e->context, out, depth + 1);
            sb_adds(out, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (isinst(vm, exc, vm->e_BaseExceptionGroup)) { print_group(vm, exc, out, "  ", 0); return; }
    if (e->traceback) print_tb(vm, e->traceback, out);
    print_exc_line(vm, exc, out);
}

void vm_print_exception(VM *vm, Value exc, FILE *out) {
    Value saved = vm->handled;
    vm->handled = VNULL;
    StrBuf sb; sb_init(&sb);
    print_chain(vm, exc, &sb, 0);
    if (sb.data) fputs(sb.data, out);
    sb_free(&sb);
    vm->handled = saved;
    fflush(out);
}

/* ---- BaseException methods ---- */

static Value exc_new_m(VM *vm, Value *a, int n, Value k) {
    Type *t = (Type *)a[0];
    ExcObj *e = gc_alloc(vm, t, t->size);
    if (!e) return VNULL;
    Value args = tuple_new(vm, n - 1);
    for (int i = 1; i < n; i++) as_tuple(args)->items[i - 1] = a[i];
    e->args = args;
    return v_from_obj(e);
}

static Value exc_init_m(VM *vm, Value *a, int n, Value k) {
    ExcObj *e = (ExcObj *)a[0];
    Value args = tuple_new(vm, n - 1);
    for (int i = 1; i < n; i++) as_tuple(args)->items[i - 1] = a[i];
    e->args = args;
    return vm->none;
}

static Value exc_str_m(VM *vm, Value *a, int n, Value k) {
    ExcObj *e = (ExcObj *)a[0];
    Tuple *args = as_tuple(e->args);
    if (args->n == 0) return vm->empty_str;
    if (args->n == 1) return vm_str(vm, args->items[0]);
    return vm_repr(vm, e->args);
}

static Value exc_repr_m(VM *vm, Value *a, int n, Value k) {
    ExcObj *e = (ExcObj *)a[0];
    Tuple *args = as_tuple(e->args);
    const char *name = str_cstr(type_of(vm, a[0])->qualname);
    if (args->n == 1) {
        Value r = vm_repr(vm, args->items[0]);
        if (!r) return VNULL;
        return str_printf(vm, "%s(%s)", name, str_cstr(r));
    }
    Value r = vm_repr(vm, e->args);
    if (!r) return VNULL;
    if (args->n == 0) return str_printf(vm, "%s()", name);
    return str_printf(vm, "%s%s", name, str_cstr(r));
}

static Value keyerror_str_m(VM *vm, Value *a, int n, Value k) {
    ExcObj *e = (ExcObj *)a[0];
    if (as_tuple(e->args)->n == 1) return vm_repr(vm, as_tuple(e->args)->items[0]);
    return exc_str_m(vm, a, n, k);
}

static Value exc_args_get(VM *vm, Value *a, int n, Value k) { return ((ExcObj *)a[0])->args; }
static Value exc_args_set(VM *vm, Value *a, int n, Value k) {
    Value t = vm_to_tuple(vm, a[1]);
    if (!t) return VNULL;
    ((ExcObj *)a[0])->args = t;
    return vm->none;
}
static Value exc_cause_get(VM *vm, Value *a, int n, Value k) { Value c = ((ExcObj *)a[0])->cause; return c ? c : vm->none; }
static Value exc_cause_set(VM *vm, Value *a, int n, Value k) {
    ((ExcObj *)a[0])->cause = a[1] == vm->none ? VNULL : a[1];
    ((ExcObj *)a[0])->suppress_context = 1;
    return vm->none;
}
static Value exc_context_get(VM *vm, Value *a, int n, Value k) { Value c = ((ExcObj *)a[0])->context; return c ? c : vm->none; }
static Value exc_context_set(VM *vm, Value *a, int n, Value k) { ((ExcObj *)a[0])->context = a[1] == vm->none ? VNULL : a[1]; return vm->none; }
static Value exc_suppress_get(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, ((ExcObj *)a[0])->suppress_context); }
static Value exc_suppress_set(VM *vm, Value *a, int n, Value k) {
    int t = vm_truthy(vm, a[1]);
    if (t < 0) return VNULL;
    ((ExcObj *)a[0])->suppress_context = (uint8_t)t;
    return vm->none;
}
static Value exc_tb_get(VM *vm, Value *a, int n, Value k) { Value c = ((ExcObj *)a[0])->traceback; return c ? c : vm->none; }
static Value exc_tb_set(VM *vm, Value *a, int n, Value k) { ((ExcObj *)a[0])->traceback = a[1] == vm->none ? VNULL : a[1]; return vm->none; }
static Value exc_with_traceback(VM *vm, Value *a, int n, Value k) {
    ((ExcObj *)a[0])->traceback = a[1] == vm->none ? VNULL : a[1];
    return a[0];
}
static Value exc_add_note(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "add_note", n - 1, k, 1, 1) < 0) return VNULL;
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "note must be a str, not '%s'", type_name(vm, a[1]));
    ExcObj *e = (ExcObj *)a[0];
    if (!e->notes) e->notes = list_new(vm, 1);
    list_append(vm, e->notes, a[1]);
    return vm->none;
}
static Value exc_notes_get(VM *vm, Value *a, int n, Value k) {
    ExcObj *e = (ExcObj *)a[0];
    if (!e->notes) return vm_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__notes__'", type_name(vm, a[0]));
    return e->notes;
}

/* StopIteration(value), SystemExit(code), OSError(errno, strerror), ImportError(name=) ... */
static Value stopiter_init(VM *vm, Value *a, int n, Value k) {
    exc_init_m(vm, a, n, VNULL);
    exc_set_attr(vm, a[0], vm->s_value, n > 1 ? a[1] : vm->none);
    return vm->none;
}
static Value sysexit_init(VM *vm, Value *a, int n, Value k) {
    exc_init_m(vm, a, n, VNULL);
    exc_set_attr(vm, a[0], vm->s_code, n == 1 ? vm->none : n == 2 ? a[1] : ((ExcObj *)a[0])->args);
    return vm->none;
}
static Value oserror_init(VM *vm, Value *a, int n, Value k) {
    exc_init_m(vm, a, n, VNULL);
    exc_set_attr(vm, a[0], vm->s_errno, n >= 3 ? a[1] : vm->none);
    exc_set_attr(vm, a[0], vm->s_strerror, n >= 3 ? a[2] : vm->none);
    exc_set_attr(vm, a[0], vm->s_filename, n >= 4 ? a[3] : vm->none);
    /* CPython keeps only (errno, strerror) in args when a filename is given */
    if (n >= 4 && n <= 6) ((ExcObj *)a[0])->args = tuple_pack(vm, 2, a[1], a[2]);
    return vm->none;
}
static Value oserror_str(VM *vm, Value *a, int n, Value k) {
    Value en = exc_get_attr(vm, a[0], vm->s_errno), se = exc_get_attr(vm, a[0], vm->s_strerror);
    Value fn = exc_get_attr(vm, a[0], vm->s_filename);
    if (en && en != vm->none && se && se != vm->none) {
        Value ens = vm_str(vm, en), ses = vm_str(vm, se);
        if (!ens || !ses) return VNULL;
        if (fn && fn != vm->none) {
            Value fr = vm_repr(vm, fn);
            return str_printf(vm, "[Errno %s] %s: %s", str_cstr(ens), str_cstr(ses), str_cstr(fr));
        }
        return str_printf(vm, "[Errno %s] %s", str_cstr(ens), str_cstr(ses));
    }
    return exc_str_m(vm, a, n, k);
}
static Value importerror_init(VM *vm, Value *a, int n, Value k) {
    int nk = k ? (int)as_tuple(k)->n : 0;
    exc_init_m(vm, a, n, VNULL);
    exc_set_attr(vm, a[0], vm->s_name, vm->none);
    exc_set_attr(vm, a[0], STR(vm, "path"), vm->none);
    exc_set_attr(vm, a[0], vm->s_msg, n > 1 ? a[1] : vm->none);
    for (int i = 0; i < nk; i++) exc_set_attr(vm, a[0], as_tuple(k)->items[i], a[n + i]);
    return vm->none;
}
static Value attrerror_init(VM *vm, Value *a, int n, Value k) {
    int nk = k ? (int)as_tuple(k)->n : 0;
    exc_init_m(vm, a, n, VNULL);
    for (int i = 0; i < nk; i++) exc_set_attr(vm, a[0], as_tuple(k)->items[i], a[n + i]);
    return vm->none;
}
static Value syntaxerror_init(VM *vm, Value *a, int n, Value k) {
    exc_init_m(vm, a, n, VNULL);
    exc_set_attr(vm, a[0], vm->s_msg, n > 1 ? a[1] : vm->none);
    Value det = n > 2 ? a[2] : VNULL;
    Value names[6] = { vm->s_filename, vm->s_lineno, vm->s_offset, vm->s_text, vm->s_end_lineno, vm->s_end_offset };
    for (int i = 0; i < 6; i++) {
        Value v = vm->none;
        if (det && isinst(vm, det, vm->t_tuple) && as_tuple(det)->n > i) v = as_tuple(det)->items[i];
        exc_set_attr(vm, a[0], names[i], v);
    }
    if (det) {
        Value t = tuple_pack(vm, 1, a[1]);
        ((ExcObj *)a[0])->args = tuple_pack(vm, 2, as_tuple(t)->items[0], det);
    }
    return vm->none;
}
static Value syntaxerror_str(VM *vm, Value *a, int n, Value k) {
    Value msg = exc_get_attr(vm, a[0], vm->s_msg);
    Value fn = exc_get_attr(vm, a[0], vm->s_filename), ln = exc_get_attr(vm, a[0], vm->s_lineno);
    if (!msg || msg == vm->none) return exc_str_m(vm, a, n, k);
    Value ms = vm_str(vm, msg);
    if (!ms) return VNULL;
    if (fn && fn != vm->none && ln && v_is_int(ln))
        return str_printf(vm, "%s (%s, line %lld)", str_cstr(ms), str_cstr(fn), (long long)v_int(ln));
    if (ln && v_is_int(ln)) return str_printf(vm, "%s (line %lld)", str_cstr(ms), (long long)v_int(ln));
    return ms;
}
static Value generic_exc_getattr(VM *vm, Value *a, int n, Value k) {
    Value v = exc_get_attr(vm, a[0], a[1]);
    if (v) return v;
    return vm_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", type_name(vm, a[0]), str_cstr(a[1]));
}

/* ---- exception groups ---- */

static Value eg_new(VM *vm, Value *a, int n, Value k) {
    Type *t = (Type *)a[0];
    if (n != 3) return vm_raise(vm, vm->e_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", n - 1);
    if (!isinst(vm, a[1], vm->t_str)) return vm_raise(vm, vm->e_TypeError, "argument 1 must be str, not %s", type_name(vm, a[1]));
    Value excs = vm_to_tuple(vm, a[2]);
    if (!excs) { vm_clear_exc(vm); return vm_raise(vm, vm->e_TypeError, "second argument (exceptions) must be a sequence"); }
    if (as_tuple(excs)->n == 0) return vm_raise(vm, vm->e_ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exc = true;
    for (int64_t i = 0; i < as_tuple(excs)->n; i++) {
        Value x = as_tuple(excs)->items[i];
        if (!isinst(vm, x, vm->e_BaseException))
            return vm_raise(vm, vm->e_ValueError, "Item %lld of second argument (exceptions) is not an exception", (long long)i);
        if (!isinst(vm, x, vm->e_Exception)) all_exc = false;
    }
    if (t == vm->e_BaseExceptionGroup && all_exc) t = vm->e_ExceptionGroup;
    if (t == vm->e_ExceptionGroup && !all_exc) return vm_raise(vm, vm->e_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    ExcObj *e = gc_alloc(vm, t, t->size);
    e->args = tuple_pack(vm, 2, a[1], a[2]);
    exc_set_attr(vm, v_from_obj(e), vm->s_message, a[1]);
    exc_set_attr(vm, v_from_obj(e), vm->s_exceptions, excs);
    return v_from_obj(e);
}
static Value eg_init(VM *vm, Value *a, int n, Value k) { return vm->none; }
static Value eg_str(VM *vm, Value *a, int n, Value k) {
    Value msg = exc_get_attr(vm, a[0], vm->s_message);
    Value ex = exc_get_attr(vm, a[0], vm->s_exceptions);
    int64_t cnt = ex ? as_tuple(ex)->n : 0;
    return str_printf(vm, "%s (%lld sub-exception%s)", str_cstr(msg), (long long)cnt, cnt == 1 ? "" : "s");
}
static Value eg_derive(VM *vm, Value self, Value excs) {
    Value msg = exc_get_attr(vm, self, vm->s_message);
    Value m = vm_getattr(vm, self, STR(vm, "derive"));
    if (!m) return VNULL;
    Value r = vm_call1(vm, m, excs);
    if (!r) return VNULL;
    (void)msg;
    ExcObj *src = (ExcObj *)self, *dst = (ExcObj *)r;
    dst->cause = src->cause; dst->context = src->context; dst->traceback = src->traceback;
    dst->notes = src->notes;
    return r;
}
static Value eg_derive_m(VM *vm, Value *a, int n, Value k) {
    Value msg = exc_get_attr(vm, a[0], vm->s_message);
    Value x[3] = { v_from_obj(vm->e_BaseExceptionGroup), msg, a[1] };
    return eg_new(vm, x, 3, VNULL);
}

/* Split an exception (group) by a match predicate on types. Returns match (or None) and rest. */
static int split(VM *vm, Value exc, Value type, Value *match, Value *rest) {
    int r = vm_isinstance(vm, exc, type);
    if (r < 0) return -1;
    if (r) { *match = exc; *rest = VNULL; return 0; }
    if (!isinst(vm, exc, vm->e_BaseExceptionGroup)) { *match = VNULL; *rest = exc; return 0; }
    Value excs = exc_get_attr(vm, exc, vm->s_exceptions);
    Value ml = list_new(vm, 0), rl = list_new(vm, 0);
    for (int64_t i = 0; i < as_tuple(excs)->n; i++) {
        Value m, rr;
        if (split(vm, as_tuple(excs)->items[i], type, &m, &rr) < 0) return -1;
        if (m) list_append(vm, ml, m);
        if (rr) list_append(vm, rl, rr);
    }
    *match = as_list(ml)->n ? eg_derive(vm, exc, ml) : VNULL;
    *rest = as_list(rl)->n ? (as_list(ml)->n ? eg_derive(vm, exc, rl) : exc) : VNULL;
    if (as_list(ml)->n && !*match) return -1;
    return 0;
}

static Value eg_split_m(VM *vm, Value *a, int n, Value k) {
    Value m, r;
    if (split(vm, a[0], a[1], &m, &r) < 0) return VNULL;
    return tuple_pack(vm, 2, m ? m : vm->none, r ? r : vm->none);
}
static Value eg_subgroup_m(VM *vm, Value *a, int n, Value k) {
    Value m, r;
    if (split(vm, a[0], a[1], &m, &r) < 0) return VNULL;
    return m ? m : vm->none;
}

int check_exc_match_type(VM *vm, Value t) {
    if (isinst(vm, t, vm->t_tuple)) {
        for (int64_t i = 0; i < as_tuple(t)->n; i++) if (check_exc_match_type(vm, as_tuple(t)->items[i]) < 0) return -1;
        return 0;
    }
    if (!isinst(vm, t, vm->t_type) || !(((Type *)t)->flags & TF_EXCEPTION)) {
        vm_raise(vm, vm->e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

Value exc_match_group(VM *vm, Value exc, Value type, Value *rest) {
    if (isinst(vm, type, vm->t_type) && type_is_subtype((Type *)type, vm->e_BaseExceptionGroup))
        return vm_raise(vm, vm->e_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    if (exc == vm->none) { *rest = vm->none; return vm->none; }
    Value m, r;
    if (!isinst(vm, exc, vm->e_BaseExceptionGroup)) {
        int ok = vm_isinstance(vm, exc, type);
        if (ok < 0) return VNULL;
        if (ok) {
            /* a naked exception matched by except* is wrapped in an ExceptionGroup */
            Value excs = tuple_pack(vm, 1, exc);
            Value x[3] = { v_from_obj(vm->e_BaseExceptionGroup), vm->empty_str, excs };
            Value g = eg_new(vm, x, 3, VNULL);
            if (!g) return VNULL;
            ((ExcObj *)g)->traceback = ((ExcObj *)exc)->traceback;
            *rest = vm->none;
            return g;
        }
        *rest = exc;
        return vm->none;
    }
    if (split(vm, exc, type, &m, &r) < 0) return VNULL;
    *rest = r ? r : vm->none;
    return m ? m : vm->none;
}

/* raised_list holds exceptions raised in except* bodies followed by the unhandled rest. */
Value exc_prep_reraise_star(VM *vm, Value orig, Value raised_list) {
    List *l = as_list(raised_list);
    Value keep = list_new(vm, 0);
    for (int64_t i = 0; i < l->n; i++) if (l->items[i] != vm->none) list_append(vm, keep, l->items[i]);
    List *k = as_list(keep);
    if (k->n == 0) return vm->none;
    if (k->n == 1) return k->items[0];
    /* several: the unhandled rest keeps the original group's shape; raised ones join it */
    Value msg = isinst(vm, orig, vm->e_BaseExceptionGroup) ? exc_get_attr(vm, orig, vm->s_message) : vm->empty_str;
    Value x[3] = { v_from_obj(vm->e_BaseExceptionGroup), msg, keep };
    return eg_new(vm, x, 3, VNULL);
}

static Value tb_lineno(VM *vm, Value *a, int n, Value k) { return v_from_int(((Traceback *)a[0])->line); }
static Value tb_next(VM *vm, Value *a, int n, Value k) { Value x = ((Traceback *)a[0])->next; return x ? x : vm->none; }

void exc_init(VM *vm) {
    vm->t_traceback = type_new_builtin(vm, "traceback", vm->t_object, sizeof(Traceback), 0);
    vm->t_traceback->trace = tb_trace;
    type_add_property(vm, vm->t_traceback, "tb_lineno", tb_lineno, NULL);
    type_add_property(vm, vm->t_traceback, "tb_next", tb_next, NULL);
#define X(n, b) \
    vm->e_##n = type_new_builtin(vm, #n, strcmp(#b, "object") == 0 ? vm->t_object : (Type *)vm->e_##b, sizeof(ExcObj), TF_BASETYPE | TF_EXCEPTION); \
    vm->e_##n->trace = exc_trace; \
    vm->e_##n->dictoffset = offsetof(ExcObj, dict);
    ASPEN_EXCEPTIONS(X)
#undef X
    Type *b = vm->e_BaseException;
    type_add_static(vm, b, "__new__", exc_new_m);
    type_add_method(vm, b, "__init__", exc_init_m);
    type_add_method(vm, b, "__str__", exc_str_m);
    type_add_method(vm, b, "__repr__", exc_repr_m);
    type_add_method(vm, b, "with_traceback", exc_with_traceback);
    type_add_method(vm, b, "add_note", exc_add_note);
    type_add_property(vm, b, "args", exc_args_get, exc_args_set);
    type_add_property(vm, b, "__cause__", exc_cause_get, exc_cause_set);
    type_add_property(vm, b, "__context__", exc_context_get, exc_context_set);
    type_add_property(vm, b, "__suppress_context__", exc_suppress_get, exc_suppress_set);
    type_add_property(vm, b, "__traceback__", exc_tb_get, exc_tb_set);
    type_add_property(vm, b, "__notes__", exc_notes_get, NULL);
    type_add_method(vm, vm->e_KeyError, "__str__", keyerror_str_m);
    type_add_method(vm, vm->e_StopIteration, "__init__", stopiter_init);
    type_add_method(vm, vm->e_StopAsyncIteration, "__init__", stopiter_init);
    type_add_method(vm, vm->e_SystemExit, "__init__", sysexit_init);
    type_add_method(vm, vm->e_OSError, "__init__", oserror_init);
    type_add_method(vm, vm->e_OSError, "__str__", oserror_str);
    type_add_method(vm, vm->e_ImportError, "__init__", importerror_init);
    type_add_method(vm, vm->e_AttributeError, "__init__", attrerror_init);
    type_add_method(vm, vm->e_NameError, "__init__", attrerror_init);
    type_add_method(vm, vm->e_SyntaxError, "__init__", syntaxerror_init);
    type_add_method(vm, vm->e_SyntaxError, "__str__", syntaxerror_str);
    type_add_method(vm, b, "__getattr__", generic_exc_getattr);
    b->flags |= TF_HAS_GETATTR;
    /* ExceptionGroup(BaseExceptionGroup, Exception): the one built-in with two bases */
    Type *eg = vm->e_ExceptionGroup;
    eg->bases = tuple_pack(vm, 2, v_from_obj(vm->e_BaseExceptionGroup), v_from_obj(vm->e_Exception));
    eg->mro = tuple_pack(vm, 5, v_from_obj(eg), v_from_obj(vm->e_BaseExceptionGroup), v_from_obj(vm->e_Exception),
                         v_from_obj(vm->e_BaseException), v_from_obj(vm->t_object));
    Type *g = vm->e_BaseExceptionGroup;
    type_add_static(vm, g, "__new__", eg_new);
    type_add_method(vm, g, "__init__", eg_init);
    type_add_method(vm, g, "__str__", eg_str);
    type_add_method(vm, g, "derive", eg_derive_m);
    type_add_method(vm, g, "split", eg_split_m);
    type_add_method(vm, g, "subgroup", eg_subgroup_m);
    vm->e_CancelledError->module = str_from_cstr(vm, "asyncio.exceptions");
    vm->e_InvalidStateError->module = str_from_cstr(vm, "asyncio.exceptions");
    /* TF_HAS_GETATTR propagates to subclasses created by type_new_builtin via base flags */
#define X(n, bb) vm->e_##n->flags |= TF_HAS_GETATTR;
    ASPEN_EXCEPTIONS(X)
#undef X
}

void vm_warn(VM *vm, Type *category, const char *msg) {
    fprintf(stderr, "%s: %s\n", category->name, msg);
}
