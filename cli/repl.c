/* repl.c — the interactive loop (`aspen` with a terminal on stdin) and `aspen < file`.
 *
 * The loop collects lines until they form a complete statement, deciding as CPython 3.11's
 * interactive parser does:
 *   - a compound statement (if/while/for/try/with/def/class/async/@) continues until an empty
 *     line, but a line that makes it unparseable is reported at once;
 *   - anything else runs as soon as it parses; unclosed brackets, triple-quoted strings and a
 *     trailing backslash ask for more ("... ").
 * "Incomplete" is read from the parser's error: its message ("'(' was never closed",
 * "unterminated triple-quoted string literal", "unexpected EOF"), a trailing backslash, or an
 * error that moves when a line is added after the input (see fails_at_end).
 * Complete input is compiled in COMPILE_SINGLE mode (expression statements print their repr
 * and set `_`); code that awaits at top level runs on one asyncio event loop kept for the whole
 * session. */
#include "cli/repl.h"
#include "vm/containers.h"
#include "lang/compiler.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { IN_MORE, IN_RUN, IN_ERROR, IN_EMPTY };

typedef struct Repl {
    VM *vm;
    Dict *globals;        /* __main__'s namespace */
    Value loop;           /* asyncio event loop for top-level await; VNULL until first needed */
    ReplInput input;
} Repl;

/* ---- __main__ and the process status ---- */

static Dict *setup_main(VM *vm) {
    Value mod = module_new(vm, "__main__");
    vm->main_mod = mod;
    Dict *d = ((Module *)mod)->dict;
    dict_set(vm, d, vm->s___builtins__, vm->builtins_mod);
    dict_set(vm, vm->modules, vm->s___main__, mod);
    if (as_list(vm->argv_list)->n == 0) list_append(vm, vm->argv_list, vm->empty_str);
    list_append(vm, vm->path_list, vm->empty_str);
    return d;
}

/* Flushes sys.stdout and sys.stderr; a pending exception survives. */
static void flush_std(VM *vm) {
    Value saved = vm->exc;
    vm->exc = VNULL;
    if (vm->sys_stdout) vm_call_method(vm, vm->sys_stdout, vm->s_flush, NULL, 0);
    if (vm->sys_stderr) vm_call_method(vm, vm->sys_stderr, vm->s_flush, NULL, 0);
    vm_clear_exc(vm);
    vm->exc = saved;
    fflush(stdout);
}

/* SystemExit's status as CPython computes it (printing a non-int code). */
static int exit_status(VM *vm, Value e) {
    Value code = exc_get_attr(vm, e, vm->s_code);
    if (!code || code == vm->none) return 0;
    if (v_is_int(code)) return (int)(v_int(code) & 0xff);
    Value s = vm_str(vm, code);
    if (s) fprintf(stderr, "%s\n", str_cstr(s));
    vm_clear_exc(vm);
    return 1;
}

/* Takes the raised exception. Returns the exit status for SystemExit, else prints it and
 * returns -1. */
static int report(VM *vm) {
    Value e = vm->exc;
    vm->exc = VNULL;
    if (isinst(vm, e, vm->e_SystemExit)) return exit_status(vm, e);
    flush_std(vm);
    vm_print_exception(vm, e, stderr);
    vm_clear_exc(vm);
    return -1;
}

/* ---- is the input complete? ---- */

static bool blank_or_comment(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\r')) i++;
    return i == n || s[i] == '#';
}

static bool all_blank_or_comments(const char *src, size_t len) {
    const char *p = src, *end = src + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (!blank_or_comment(p, n)) return false;
        p += n + 1;
    }
    return true;
}

static bool starts_compound(const char *src) {
    static const char *const heads[] = { "if", "while", "for", "try", "with", "def", "class", "async", NULL };
    const char *p = src;
    for (;;) {   /* skip comment and blank lines */
        while (*p == ' ' || *p == '\t' || *p == '\f') p++;
        if (*p == '#') { p = strchr(p, '\n'); if (!p) return false; }
        if (*p != '\n' && *p != '\r') break;
        p++;
    }
    if (*p == '@') return true;
    size_t n = 0;
    while (p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9')) n++;
    for (int i = 0; heads[i]; i++)
        if (strlen(heads[i]) == n && strncmp(p, heads[i], n) == 0) return true;
    return false;
}

/* Errors that more input can cure wherever they are: an open bracket or triple-quoted string,
 * a trailing backslash. */
static bool open_construct(const SyntaxErr *err) {
    return strstr(err->msg, "was never closed") || strstr(err->msg, "unterminated triple-quoted string") ||
           strstr(err->msg, "unexpected EOF");
}

static bool ends_with_backslash(const char *src, size_t len) {
    while (len && (src[len - 1] == '\n' || src[len - 1] == '\r')) len--;
    return len && src[len - 1] == '\\';
}

/* Did the parser fail because the input ended (a header with no body yet, a decorator with
 * nothing to decorate, a try with no except yet)? Then more lines could cure it. Found without
 * trusting where the parser places errors at the end: the same input with a later line added
 * fails elsewhere (or not at all), while an error inside what was typed stays put. */
static bool fails_at_end(const char *src, size_t len, const SyntaxErr *err) {
    if (open_construct(err) || ends_with_backslash(src, len)) return true;
    StrBuf probe;
    sb_init(&probe);
    sb_add(&probe, src, len);
    sb_adds(&probe, "\n\n_\n");
    SyntaxErr e2;
    memset(&e2, 0, sizeof e2);
    Arena *a = arena_new();
    Node *m = parse_module(a, probe.data, probe.len, "<stdin>", &e2);
    arena_free(a);
    sb_free(&probe);
    return m || e2.line != err->line || e2.col != err->col || strcmp(e2.msg, err->msg) != 0;
}

typedef struct { bool ok; SyntaxErr err; int nstmts; int line2, col2; } ParseCheck;

/* Parse only (the compiler's own errors, like 'return' outside function, come later in
 * CPython too: at the end of the statement). */
static void parse_check(const char *src, size_t len, ParseCheck *pc) {
    memset(pc, 0, sizeof *pc);
    Arena *a = arena_new();
    Node *m = parse_module(a, src, len, "<stdin>", &pc->err);
    pc->ok = m != NULL;
    if (m) {
        pc->nstmts = m->u.module.body.n;
        if (pc->nstmts > 1) { pc->line2 = m->u.module.body.items[1]->line; pc->col2 = m->u.module.body.items[1]->col; }
    }
    arena_free(a);
}

/* The interactive grammar takes one statement: a second one after a compound statement's
 * body (typed without the ending empty line) is "invalid syntax" at its first token. */
static void raise_second_statement(VM *vm, const char *src, size_t len, int line, int col) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    Value text = str_new(vm, p, e ? (size_t)(e - p + 1) : (size_t)(end - p));
    Value det = tuple_pack(vm, 6, str_from_cstr(vm, "<stdin>"), v_from_int(line), v_from_int(col + 1),
                           text, v_from_int(line), v_from_int(col + 2));
    Value args[2] = { str_from_cstr(vm, "invalid syntax"), det };
    Value exc = exc_new(vm, vm->e_SyntaxError, args, 2);
    if (exc) vm_raise_value(vm, exc);
}

/* Compile complete input. CPython shows no source line for errors found after parsing
 * (it would have to re-read "<stdin>"), so those lose their text. */
static int compile_input(VM *vm, const char *src, size_t len, const ParseCheck *pc, Value *code) {
    *code = vm_compile(vm, src, len, "<stdin>", COMPILE_SINGLE);
    if (*code) return IN_RUN;
    if (pc->ok && vm->exc && isinst(vm, vm->exc, vm->e_SyntaxError))
        exc_set_attr(vm, vm->exc, vm->s_text, vm->none);
    return IN_ERROR;
}

/* The empty line that ended a block is where CPython's interactive parser found an error that
 * lies past the last line typed ("expected an indented block" for a body never written). */
static void point_at_blank_line(VM *vm, const char *src, size_t len) {
    Value e = vm->exc;
    if (!e || !isinst(vm, e, vm->e_SyntaxError)) return;
    int lines = 0;
    for (size_t i = 0; i < len; i++) lines += src[i] == '\n';
    exc_set_attr(vm, e, vm->s_lineno, v_from_int(lines));
    exc_set_attr(vm, e, vm->s_end_lineno, v_from_int(lines));
    exc_set_attr(vm, e, vm->s_offset, v_from_int(1));
    exc_set_attr(vm, e, vm->s_end_offset, v_from_int(1));
    exc_set_attr(vm, e, vm->s_text, vm->small_strs['\n']);
}

/* `last_empty`: the line just typed was empty (whitespace-only lines do not end a block). */
static int classify(VM *vm, const char *src, size_t len, bool last_empty, Value *code) {
    *code = VNULL;
    if (all_blank_or_comments(src, len)) return IN_EMPTY;
    ParseCheck pc;
    parse_check(src, len, &pc);
    if (starts_compound(src)) {
        if (!last_empty) {
            if (pc.ok && pc.nstmts > 1) {
                raise_second_statement(vm, src, len, pc.line2, pc.col2);
                return IN_ERROR;
            }
            if (pc.ok || fails_at_end(src, len, &pc.err)) return IN_MORE;
        } else if (!pc.ok && open_construct(&pc.err)) {
            return IN_MORE;
        }
    } else if (!pc.ok && fails_at_end(src, len, &pc.err)) {
        return IN_MORE;
    }
    int what = compile_input(vm, src, len, &pc, code);
    if (what == IN_ERROR && last_empty && !pc.ok && fails_at_end(src, len, &pc.err))
        point_at_blank_line(vm, src, len);
    return what;
}

/* ---- running ---- */

/* The session's event loop, made on the first top-level await (asyncio.new_event_loop()) and
 * set as the current loop so asyncio.get_event_loop() finds it. */
static Value event_loop(Repl *r) {
    VM *vm = r->vm;
    if (r->loop) return r->loop;
    Value asyncio = vm_import(vm, STR(vm, "asyncio"), vm->none, 0, r->globals);
    CHECK(asyncio);
    Value mk = vm_getattr_cstr(vm, asyncio, "new_event_loop");
    CHECK(mk);
    Value loop = vm_call0(vm, mk);
    CHECK(loop);
    Value set = vm_getattr_opt(vm, asyncio, STR(vm, "set_event_loop"));
    if (set && !vm_call1(vm, set, loop)) return VNULL;
    vm_clear_exc(vm);
    r->loop = loop;
    vm_push_root(vm, loop);
    return loop;
}

/* A loop that Ctrl-C tore through may be left running; start afresh with a new one. */
static void drop_event_loop(Repl *r) {
    VM *vm = r->vm;
    Value saved = vm->exc;
    vm->exc = VNULL;
    vm_call_method(vm, r->loop, STR(vm, "close"), NULL, 0);
    vm_clear_exc(vm);
    vm->exc = saved;
    r->loop = VNULL;
}

static Value run_async(Repl *r, Code *code) {
    VM *vm = r->vm;
    Value fn = func_new(vm, code, r->globals, VNULL);
    CHECK(fn);
    Value coro = vm_call(vm, fn, NULL, 0, VNULL);
    CHECK(coro);
    Value loop = event_loop(r);
    if (!loop) {
        Value saved = vm->exc;
        vm->exc = VNULL;
        gen_close(vm, coro);   /* it will never run: do not warn that it was never awaited */
        vm_clear_exc(vm);
        vm->exc = saved;
        return VNULL;
    }
    Value res = vm_call_method(vm, loop, STR(vm, "run_until_complete"), &coro, 1);
    if (!res && vm_exc_is(vm, vm->e_KeyboardInterrupt)) drop_event_loop(r);
    return res;
}

/* Returns -1 to go on, or the exit status when the input raised SystemExit. */
static int run_input(Repl *r, Value code) {
    VM *vm = r->vm;
    vm->interrupt = 0;   /* a Ctrl-C typed at the prompt is not for this input */
    Code *c = (Code *)code;
    Value res = (c->flags & CO_COROUTINE) ? run_async(r, c) : vm_run_code(vm, c, r->globals, NULL);
    flush_std(vm);
    if (!res) return report(vm);
    return -1;
}

/* ---- the loop ---- */

static const char *prompt(VM *vm, const char *name, const char *dflt, StrBuf *out) {
    Value p = vm->sys_mod ? vm_getattr_opt(vm, vm->sys_mod, STR(vm, name)) : VNULL;
    Value s = p ? vm_str(vm, p) : VNULL;
    vm_clear_exc(vm);
    out->len = 0;
    sb_adds(out, s ? str_cstr(s) : dflt);
    return out->data;
}

static void banner(void) {
    fprintf(stderr, "Aspen 0.1 (Python 3.11 subset) on linux\n"
                    "Type \"help\", \"exit()\" or Ctrl-D to leave.\n");
}

static int loop(Repl *r) {
    VM *vm = r->vm;
    StrBuf src, ps;
    sb_init(&src); sb_init(&ps);
    int status = -1;
    while (status < 0) {
        flush_std(vm);
        const char *pr = src.len ? prompt(vm, "ps2", "... ", &ps) : prompt(vm, "ps1", ">>> ", &ps);
        int interrupted;
        char *line = repl_read_line(&r->input, vm, pr, &interrupted);
        if (interrupted) {
            fputs("\n", stdout);
            fflush(stdout);
            fputs("KeyboardInterrupt\n", stderr);
            src.len = 0;
            continue;
        }
        if (!line) {   /* Ctrl-D: the terminal's cursor is still on the prompt line */
            fputs("\n", stdout);
            fflush(stdout);
            if (!src.len) { status = 0; break; }
        }
        /* Ctrl-D on a continuation line ends the statement like an empty line */
        bool empty = !line || !*line;
        sb_adds(&src, line ? line : "");
        sb_addc(&src, '\n');
        free(line);
        Value code;
        int what = classify(vm, src.data, src.len, empty, &code);
        if (what == IN_MORE) continue;
        if (what == IN_RUN) status = run_input(r, code);
        else if (what == IN_ERROR) status = report(vm);
        src.len = 0;
    }
    sb_free(&src); sb_free(&ps);
    return status;
}

int repl_main(VM *vm) {
    Repl r = { .vm = vm, .loop = VNULL };
    r.globals = setup_main(vm);
    if (vm->sys_mod) {
        module_add(vm, vm->sys_mod, "ps1", str_from_cstr(vm, ">>> "));
        module_add(vm, vm->sys_mod, "ps2", str_from_cstr(vm, "... "));
    }
    banner();
    repl_input_open(&r.input, vm, r.globals);
    int status = loop(&r);
    repl_input_close(&r.input);
    flush_std(vm);
    return status;
}

/* ---- aspen < file ---- */

int stdin_script_main(VM *vm) {
    StrBuf src;
    sb_init(&src);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) sb_add(&src, buf, n);
    if (!src.data) sb_adds(&src, "");
    Dict *globals = setup_main(vm);
    Value r = vm_exec_source(vm, src.data, src.len, "<stdin>", globals);
    sb_free(&src);
    int status = 0;
    if (!r) {
        bool interrupted = vm_exc_is(vm, vm->e_KeyboardInterrupt);
        status = report(vm);
        if (status < 0) status = interrupted ? 130 : 1;   /* 130: like a shell's 128 + SIGINT */
    }
    flush_std(vm);
    return status;
}
