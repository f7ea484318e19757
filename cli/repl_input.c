/* repl_input.c — reading one line for the REPL: GNU readline (line editing, history saved in
 * ~/.aspen_history, tab completion of names and of attributes after a dot, like CPython's
 * rlcompleter), or plain stdio when Aspen is built without readline. Ctrl-C while reading
 * abandons the line: the SIGINT handler (cli/main.c) sets vm->interrupt, which interrupts the
 * wait for input. */
#include "cli/repl.h"
#include "vm/containers.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#ifdef ASPEN_HAVE_READLINE
#include <readline/readline.h>
#include <readline/history.h>

/* readline is process-global (one terminal, one line editor) and its callbacks take no context
 * pointer, so what they need lives here: the VM and namespace completion looks names up in, and
 * the line the input callback hands over. Only one REPL runs per process. */
static struct { VM *vm; Dict *globals; char *line; int done; } rl_ctx;

/* ---- completion ---- */

typedef struct { char **items; int n, cap; } Matches;

static void add_match(Matches *m, const char *s, size_t n, const char *suffix) {
    for (int i = 0; i < m->n; i++)   /* a name in both globals and builtins is offered once */
        if (strncmp(m->items[i], s, n) == 0 && (m->items[i][n] == 0 || strcmp(m->items[i] + n, suffix) == 0)) return;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 32;
        m->items = realloc(m->items, sizeof(char *) * m->cap);
    }
    size_t sl = strlen(suffix);
    char *c = malloc(n + sl + 1);
    memcpy(c, s, n);
    memcpy(c + n, suffix, sl + 1);
    m->items[m->n++] = c;
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", NULL };

/* rlcompleter's decoration: callables get "(", most keywords a space. */
static const char *keyword_suffix(const char *kw) {
    if (!strcmp(kw, "finally") || !strcmp(kw, "try")) return ":";
    static const char *const bare[] = { "False", "None", "True", "break", "continue", "pass", "else", NULL };
    for (int i = 0; bare[i]; i++) if (!strcmp(kw, bare[i])) return "";
    return " ";
}

static const char *value_suffix(VM *vm, Value v) {
    return v && vm_callable(vm, v) ? "(" : "";
}

static void match_dict(VM *vm, Matches *m, Dict *d, const char *text, size_t n) {
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (v_is_int(k) || !isinst(vm, k, vm->t_str)) continue;
        const char *s = str_cstr(k);
        if (strncmp(s, text, n) == 0) add_match(m, s, (size_t)as_str(k)->len, value_suffix(vm, v));
    }
}

static void complete_name(VM *vm, Matches *m, const char *text) {
    size_t n = strlen(text);
    for (int i = 0; keywords[i]; i++)
        if (strncmp(keywords[i], text, n) == 0) add_match(m, keywords[i], strlen(keywords[i]), keyword_suffix(keywords[i]));
    match_dict(vm, m, rl_ctx.globals, text, n);
    match_dict(vm, m, vm->builtins, text, n);
}

/* `a.b.c` with only identifiers: resolve it without calling anything but attribute getters. */
static Value resolve_dotted(VM *vm, const char *expr, size_t len) {
    Value obj = VNULL;
    const char *p = expr, *end = expr + len;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '.') q++;
        if (q == p) return VNULL;
        for (const char *c = p; c < q; c++)
            if (!(*c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || (unsigned char)*c >= 0x80)) return VNULL;
        Value name = str_new(vm, p, (size_t)(q - p));
        if (!name) return VNULL;
        if (!obj) {
            obj = dict_get_str(rl_ctx.globals, str_intern(vm, name));
            if (!obj) obj = dict_get_str(vm->builtins, str_intern(vm, name));
        } else {
            obj = vm_getattr_opt(vm, obj, name);
        }
        if (!obj) return VNULL;
        p = q + 1;
    }
    return obj;
}

/* rlcompleter's attr_matches: dir(obj), hiding _private names (then __dunders) unless asked. */
static void complete_attr(VM *vm, Matches *m, const char *text, const char *dot) {
    Value obj = resolve_dotted(vm, text, (size_t)(dot - text));
    if (!obj) return;
    Value names = vm_dir(vm, obj);
    if (!names || !isinst(vm, names, vm->t_list)) return;
    const char *attr = dot + 1;
    size_t n = strlen(attr), plen = (size_t)(dot - text) + 1;
    const char *noprefix = n == 0 ? "_" : (n == 1 && attr[0] == '_') ? "__" : NULL;
    for (;;) {
        for (int64_t i = 0; i < as_list(names)->n; i++) {
            Value w = as_list(names)->items[i];
            if (v_is_int(w) || !isinst(vm, w, vm->t_str)) continue;
            const char *s = str_cstr(w);
            if (strncmp(s, attr, n) != 0) continue;
            if (noprefix && strncmp(s, noprefix, strlen(noprefix)) == 0) continue;
            if (strncmp(s, "__aspen", 7) == 0) continue;   /* the VM's private slots */
            /* a property would run its getter: offer it without asking whether it is callable */
            Value cls_attr = type_lookup(vm, type_of(vm, obj), w);
            Value v = cls_attr && isinst(vm, cls_attr, vm->t_property) ? VNULL : vm_getattr_opt(vm, obj, w);
            vm_clear_exc(vm);
            StrBuf sb; sb_init(&sb);
            sb_add(&sb, text, plen);
            sb_adds(&sb, s);
            add_match(m, sb.data, sb.len, value_suffix(vm, v));
            sb_free(&sb);
        }
        if (m->n || !noprefix) break;
        noprefix = noprefix[1] ? NULL : "__";
    }
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* readline's match-list shape: [0] the text to substitute (the common prefix), then the
 * matches, then NULL. */
static char **to_rl_matches(Matches *m) {
    if (!m->n) { free(m->items); return NULL; }
    qsort(m->items, m->n, sizeof(char *), cmp_str);
    char **out = malloc(sizeof(char *) * (m->n + 2));
    if (m->n == 1) { out[0] = m->items[0]; out[1] = NULL; free(m->items); return out; }
    size_t lcp = strlen(m->items[0]);
    for (int i = 1; i < m->n; i++) {
        size_t j = 0;
        while (j < lcp && m->items[i][j] == m->items[0][j]) j++;
        lcp = j;
    }
    out[0] = strndup(m->items[0], lcp);
    for (int i = 0; i < m->n; i++) out[i + 1] = m->items[i];
    out[m->n + 1] = NULL;
    free(m->items);
    return out;
}

static char **complete(const char *text, int start, int end) {
    (void)start; (void)end;
    rl_attempted_completion_over = 1;   /* never fall back to file names */
    rl_completion_append_character = '\0';
    VM *vm = rl_ctx.vm;
    const char *t = text;
    while (*t == ' ' || *t == '\t') t++;
    if (!*t) {
        /* Tab on an empty word indents, as in CPython's REPL */
        rl_insert_text("\t");
        rl_redisplay();
        char **out = malloc(sizeof(char *) * 2);
        out[0] = strdup(""); out[1] = NULL;
        return out;
    }
    Value saved_exc = vm->exc;
    vm->exc = VNULL;
    Matches m = {0};
    const char *dot = strrchr(text, '.');
    if (dot) complete_attr(vm, &m, text, dot);
    else complete_name(vm, &m, text);
    vm_clear_exc(vm);
    vm->exc = saved_exc;
    return to_rl_matches(&m);
}

/* ---- reading ---- */

static void on_line(char *line) {
    rl_ctx.line = line;
    rl_ctx.done = 1;
    rl_callback_handler_remove();
}

void repl_input_open(ReplInput *in, VM *vm, Dict *globals) {
    rl_ctx.vm = vm;
    rl_ctx.globals = globals;
    rl_readline_name = "aspen";
    rl_catch_signals = 0;    /* SIGINT stays with the VM's handler; we abandon the line ourselves */
    rl_attempted_completion_function = complete;
    /* a pasted block must arrive line by line, as if typed */
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_completer_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    in->history_path[0] = 0;
    const char *home = getenv("HOME");
    if (home && *home) {
        snprintf(in->history_path, sizeof in->history_path, "%s/.aspen_history", home);
        read_history(in->history_path);
    }
}

static void remember(const char *line) {
    if (!*line) return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (!last || strcmp(last->line, line) != 0) add_history(line);
}

/* The callback interface with select() is what lets Ctrl-C end the wait: readline() itself
 * would restart the read after the signal. */
char *repl_read_line(ReplInput *in, VM *vm, const char *prompt, int *interrupted) {
    (void)in;
    *interrupted = 0;
    rl_ctx.line = NULL;
    rl_ctx.done = 0;
    int fd = fileno(rl_instream ? rl_instream : stdin);
    rl_callback_handler_install(prompt, on_line);
    while (!rl_ctx.done) {
        int n = 0;
        if (!vm->interrupt) {
            fd_set fds;
            FD_ZERO(&fds);
            FD_SET(fd, &fds);
            n = select(fd + 1, &fds, NULL, NULL, NULL);
        }
        if (vm->interrupt) {
            vm->interrupt = 0;
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_cleanup_after_signal();
            rl_callback_handler_remove();
            *interrupted = 1;
            return NULL;
        }
        if (n < 0) {
            if (errno == EINTR) continue;
            rl_callback_handler_remove();
            return NULL;
        }
        rl_callback_read_char();
    }
    if (rl_ctx.line) remember(rl_ctx.line);
    return rl_ctx.line;
}

void repl_input_close(ReplInput *in) {
    if (in->history_path[0]) {
        stifle_history(1000);
        write_history(in->history_path);
    }
}

#else   /* no readline: prompt on stdout, read with stdio */

void repl_input_open(ReplInput *in, VM *vm, Dict *globals) {
    (void)vm; (void)globals;
    in->history_path[0] = 0;
}

char *repl_read_line(ReplInput *in, VM *vm, const char *prompt, int *interrupted) {
    (void)in;
    *interrupted = 0;
    fputs(prompt, stdout);
    fflush(stdout);
    char *line = NULL;
    size_t cap = 0;
    errno = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        if (errno == EINTR || vm->interrupt) {
            clearerr(stdin);
            vm->interrupt = 0;
            *interrupted = 1;
        }
        return NULL;
    }
    if (n && line[n - 1] == '\n') line[n - 1] = 0;
    return line;
}

void repl_input_close(ReplInput *in) { (void)in; }

#endif
