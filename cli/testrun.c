/* testrun.c — the `aspen test` golden runner (see testrun.h for the file conventions).
 *
 * Owns: finding tests, running them as parallel child processes with a timeout, comparing
 * their stdout / exit status / stderr with the expectations, and printing the reports.
 * It is deliberately independent of the VM: a test runs in a fresh process so a crash, a
 * hang or a leak in one test cannot touch the runner or another test. */
#define _GNU_SOURCE
#include "cli/testrun.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum {
    OUT_CAP = 32 << 20,        /* stdout kept per test; more is drained and flagged */
    ERR_CAP = 4 << 20,         /* stderr kept per test */
    DIFF_LINES = 80,           /* lines of `diff -u` shown per failure */
    STDERR_LINES = 20,         /* lines of unexpected stderr shown per failure */
    LINE_SHOWN = 400,          /* longest stderr line shown, in bytes */
    POLL_SLICE_MS = 250,       /* upper bound on a poll so exits are noticed promptly */
};
static const double GRACE_S = 2.0; /* after exit or kill, how long pipes may stay open */

/* The one piece of process-wide state: a signal handler can only talk through a flag. Set
 * when the runner is interrupted so it can kill its children's process groups (they are
 * not in the terminal's foreground group, so Ctrl-C does not reach them by itself). */
static volatile sig_atomic_t interrupted_by;

/* ---- small helpers ---------------------------------------------------------------------- */

typedef struct {
    char *data;
    size_t len, cap;
    int truncated;             /* bytes were dropped because of the cap */
} Buf;

static void die_oom(void) {
    fputs("aspen test: out of memory\n", stderr);
    exit(2);
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) die_oom();
    return p;
}

static char *xstrdup(const char *s) {
    char *d = strdup(s);
    if (!d) die_oom();
    return d;
}

static void buf_append(Buf *b, const char *s, size_t n, size_t limit) {
    if (b->len + n > limit) {
        b->truncated = 1;
        n = limit > b->len ? limit - b->len : 0;
    }
    if (n == 0) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1) cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_printf(Buf *b, const char *fmt, ...) {
    char tmp[1024];
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof tmp) buf_append(b, tmp, (size_t)n, SIZE_MAX);
    else if (n >= 0) {   /* a long one (a test's whole stderr): it used to be cut at 1 KiB */
        char *big = malloc((size_t)n + 1);
        if (big) {
            vsnprintf(big, (size_t)n + 1, fmt, again);
            buf_append(b, big, (size_t)n, SIZE_MAX);
            free(big);
        }
    }
    va_end(again);
}

static void buf_free(Buf *b) {
    free(b->data);
    memset(b, 0, sizeof *b);
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads a whole file; returns 0, or -1 with errno set (ENOENT: absent). */
static int read_file(const char *path, Buf *out) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        if (n == 0) break;
        buf_append(out, chunk, (size_t)n, SIZE_MAX);
    }
    close(fd);
    if (!out->data) {  /* an empty file still yields a valid C string */
        out->data = xrealloc(NULL, 1);
        out->data[0] = '\0';
        out->cap = 1;
    }
    return 0;
}

static char *sibling(const char *as_path, const char *ext) {
    size_t n = strlen(as_path) - 3; /* callers guarantee the ".as" suffix */
    char *s = xrealloc(NULL, n + strlen(ext) + 1);
    memcpy(s, as_path, n);
    strcpy(s + n, ext);
    return s;
}

static int ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

static int is_regular(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- discovery -------------------------------------------------------------------------- */

typedef struct {
    char *path;                /* the .as file, spelled relative to how the user named it */
    char *error;               /* set when the path cannot be a test (reported as a failure) */
} Test;

typedef struct {
    Test *v;
    size_t n, cap;
} TestList;

static void add_test(TestList *l, const char *path, const char *error) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].path = xstrdup(path);
    l->v[l->n].error = error ? xstrdup(error) : NULL;
    l->n++;
}

static char *join_path(const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    char *s = xrealloc(NULL, a + b + 2);
    memcpy(s, dir, a);
    size_t at = a;
    if (a == 0 || dir[a - 1] != '/') s[at++] = '/';
    memcpy(s + at, name, b + 1);
    return s;
}

static void consider_file(TestList *l, const char *path) {
    if (!ends_with(path, ".as")) return;
    char *out = sibling(path, ".out");
    if (is_regular(out)) add_test(l, path, NULL);
    free(out);
}

/* Walks a directory tree; symlinked directories are not followed (no loops), hidden entries
 * (".git", editor droppings) are skipped. */
static void walk_dir(TestList *l, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        char msg[256];
        snprintf(msg, sizeof msg, "cannot read directory: %s", strerror(errno));
        add_test(l, dir, msg);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char *p = join_path(dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode)) walk_dir(l, p);
            else if (S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && is_regular(p)))
                consider_file(l, p);
        }
        free(p);
    }
    closedir(d);
}

static void find_tests(TestList *l, const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        add_test(l, path, "no such file or directory");
    } else if (S_ISDIR(st.st_mode)) {
        walk_dir(l, path);
    } else if (!ends_with(path, ".as")) {
        add_test(l, path, "not a .as file");
    } else {
        char *out = sibling(path, ".out");
        add_test(l, path, is_regular(out) ? NULL : "no .out file beside it");
        free(out);
    }
}

static int cmp_test(const void *a, const void *b) {
    return strcmp(((const Test *)a)->path, ((const Test *)b)->path);
}

/* Sorted for a stable order; a test named twice (overlapping PATHS) runs once. */
static void sort_unique(TestList *l) {
    if (l->n == 0) return;
    qsort(l->v, l->n, sizeof *l->v, cmp_test);
    size_t w = 1;
    for (size_t r = 1; r < l->n; r++) {
        if (strcmp(l->v[r].path, l->v[w - 1].path) == 0) {
            free(l->v[r].path);
            free(l->v[r].error);
        } else {
            l->v[w++] = l->v[r];
        }
    }
    l->n = w;
}

/* True when the first line is a `# aspen: ...` directive naming `word` (the syntax of
 * tests/golden/regen.py: words separated by spaces or commas). */
static int has_directive(const char *path, const char *word) {
    FILE *f = fopen(path, "re");
    if (!f) return 0;
    char line[512];
    int yes = 0;
    if (fgets(line, sizeof line, f)) {
        char *p = line;
        if (*p == '#') {
            p++;
            while (*p == ' ' || *p == '\t') p++;
            if (strncmp(p, "aspen:", 6) == 0) {
                char *save = NULL;
                for (char *w = strtok_r(p + 6, " \t,\r\n", &save); w;
                     w = strtok_r(NULL, " \t,\r\n", &save))
                    if (strcmp(w, word) == 0) yes = 1;
            }
        }
    }
    fclose(f);
    return yes;
}

static int wants_virtual_time(const char *path) { return has_directive(path, "virtual-time"); }

/* `# aspen: no-gc-stress` marks a test whose work is per code point or per object in the
 * millions: with a collection at every allocation it would run for hours, so the
 * ASPEN_GC_STRESS=1 run leaves it out (and says so) instead of timing out. */
static int skipped_under_gc_stress(const char *path) {
    const char *stress = getenv("ASPEN_GC_STRESS");
    return stress && strcmp(stress, "1") == 0 && has_directive(path, "no-gc-stress");
}

/* ---- running one test ------------------------------------------------------------------- */

typedef struct {
    const Test *test;
    pid_t pid;                 /* 0 when the slot is free */
    int fd[2];                 /* stdout, stderr read ends; -1 once closed */
    Buf out, err;
    double start, deadline, limit;
    int timed_out, exited, status;
} Job;

typedef struct {
    const char *exe;
    int jobs, verbose;
    double timeout;
    int passed, failed;
} Runner;

static void set_nonblock(int fd) {
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/* Child side of a spawn: only async-signal-safe calls between fork and exec. */
static void exec_child(const char *dir, char *const argv[], int out_w, int err_w) {
    setpgid(0, 0);
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(out_w, 1) < 0 || dup2(err_w, 2) < 0) _exit(126);
    signal(SIGPIPE, SIG_DFL);  /* an ignored SIGPIPE would otherwise survive exec */
    if (chdir(dir) != 0) {
        static const char msg[] = "aspen test: cannot chdir to the test's directory\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(126);
    }
    execv(argv[0], argv);
    static const char msg[] = "aspen test: cannot execute the interpreter\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(127);
}

/* Starts the test in job; returns 0, or -1 (with a message in *why) if it could not start. */
static int job_start(Runner *r, Job *j, const Test *t, Buf *why) {
    memset(j, 0, sizeof *j);
    j->test = t;
    j->fd[0] = j->fd[1] = -1;

    char *dir = xstrdup(t->path);
    char *slash = strrchr(dir, '/');
    const char *base = t->path;
    if (slash) {
        base = t->path + (slash - dir) + 1;
        if (slash == dir) slash[1] = '\0'; else *slash = '\0';
    } else {
        strcpy(dir, ".");
    }
    char *argv[4];
    int argc = 0;
    argv[argc++] = (char *)r->exe;
    if (wants_virtual_time(t->path)) argv[argc++] = (char *)"--virtual-time";
    argv[argc++] = (char *)base;
    argv[argc] = NULL;

    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC) != 0) {
        buf_printf(why, "cannot create a pipe: %s", strerror(errno));
        free(dir);
        return -1;
    }
    if (pipe2(pe, O_CLOEXEC) != 0) {
        buf_printf(why, "cannot create a pipe: %s", strerror(errno));
        close(po[0]), close(po[1]);
        free(dir);
        return -1;
    }
    fflush(NULL);  /* the child must not inherit and re-flush our stdio buffers */
    pid_t pid = fork();
    if (pid == 0) exec_child(dir, argv, po[1], pe[1]);
    int err = errno;
    close(po[1]);
    close(pe[1]);
    free(dir);
    if (pid < 0) {
        close(po[0]), close(pe[0]);
        buf_printf(why, "cannot fork: %s", strerror(err));
        return -1;
    }
    setpgid(pid, pid);  /* also done by the child; whichever runs first wins the race */
    j->pid = pid;
    j->fd[0] = po[0];
    j->fd[1] = pe[0];
    set_nonblock(po[0]);
    set_nonblock(pe[0]);
    j->start = now_s();
    j->limit = r->timeout;
    j->deadline = j->start + r->timeout;
    return 0;
}

static void job_close_fds(Job *j) {
    for (int i = 0; i < 2; i++) {
        if (j->fd[i] >= 0) close(j->fd[i]);
        j->fd[i] = -1;
    }
}

/* Drains what is readable on one of the job's pipes; closes it at EOF. */
static void job_read(Job *j, int which) {
    char chunk[65536];
    Buf *b = which == 0 ? &j->out : &j->err;
    size_t cap = which == 0 ? OUT_CAP : ERR_CAP;
    for (;;) {
        ssize_t n = read(j->fd[which], chunk, sizeof chunk);
        if (n > 0) {
            buf_append(b, chunk, (size_t)n, cap);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        close(j->fd[which]);   /* EOF or a real error: nothing more will come */
        j->fd[which] = -1;
        return;
    }
}

static void kill_group(pid_t pid) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);        /* in case the child had not yet made its own group */
}

/* Advances the job's state machine; returns 1 when it is complete (exited and drained).
 * The exit is noticed with WNOWAIT so the child stays a zombie until the end: its pid, and so
 * its process-group id, cannot be reused, which makes the final kill(-pid) safe. */
static int job_tick(Job *j, double now) {
    if (!j->exited) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)j->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
            si.si_pid == j->pid) {
            j->exited = 1;
            /* A background grandchild may hold the pipes open forever: bound the wait. */
            if (j->deadline > now + GRACE_S) j->deadline = now + GRACE_S;
        }
    }
    if (now >= j->deadline) {
        if (!j->exited && !j->timed_out) {
            j->timed_out = 1;
            kill_group(j->pid);
            j->deadline = now + GRACE_S;
        } else {
            job_close_fds(j);  /* stop waiting for pipes something else holds open */
        }
    }
    if (!j->exited || j->fd[0] >= 0 || j->fd[1] >= 0) return 0;
    kill(-j->pid, SIGKILL);    /* stragglers of the test's group must not outlive it */
    while (waitpid(j->pid, &j->status, 0) < 0 && errno == EINTR) {}
    return 1;
}

/* ---- judging and reporting -------------------------------------------------------------- */

/* Line (1-based) and byte offset of the first difference, for the one-line summary. */
static void first_difference(const Buf *want, const Buf *got, size_t *line, size_t *byte) {
    size_t n = want->len < got->len ? want->len : got->len, i = 0;
    *line = 1;
    for (; i < n && want->data[i] == got->data[i]; i++)
        if (want->data[i] == '\n') (*line)++;
    *byte = i;
}

/* Parses a .rc file: an integer, surrounding whitespace allowed. */
static int parse_rc(const Buf *b, int *rc) {
    if (strspn(b->data, " \t\r\n") == b->len) {  /* empty means 0, as in regen.py */
        *rc = 0;
        return 0;
    }
    char *end;
    errno = 0;
    long v = strtol(b->data, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r') end++;
    if (errno || end == b->data || *end || (size_t)(end - b->data) != b->len || v < 0 || v > 255)
        return -1;
    *rc = (int)v;
    return 0;
}

/* Writes bytes to a fresh temp file and returns its path (caller unlinks and frees). */
static char *write_temp(const Buf *b) {
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    char *path = join_path(tmp, "aspen-test-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    size_t off = 0;
    while (off < b->len) {
        ssize_t n = write(fd, b->data + off, b->len - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        off += (size_t)n;
    }
    close(fd);
    return path;
}

/* Prints at most max_lines lines of text, each prefixed; long lines are cut. */
static void print_lines(const char *s, size_t len, int max_lines, const char *prefix,
                        size_t max_line_len) {
    size_t i = 0;
    int shown = 0, total = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (shown < max_lines) {
            size_t n = end - i;
            fputs(prefix, stdout);
            fwrite(s + i, 1, n > max_line_len ? max_line_len : n, stdout);
            fputs(n > max_line_len ? " [...]\n" : "\n", stdout);
            shown++;
        }
        total++;
        i = end + 1;
    }
    if (total > shown) printf("%s... (%d more lines)\n", prefix, total - shown);
}

/* Shows `diff -u` of the expected file against the actual output, cut to DIFF_LINES. */
static void show_diff(const char *expected_path, const Buf *actual) {
    char *act = write_temp(actual);
    if (!act) {
        printf("  (cannot write a temp file for the diff: %s)\n", strerror(errno));
        return;
    }
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        unlink(act), free(act);
        return;
    }
    char *argv[] = {"diff", "-u", "--label", "expected", "--label", "actual",
                    (char *)expected_path, act, NULL};
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        dup2(p[1], 1);
        dup2(p[1], 2);
        execvp("diff", argv);
        _exit(127);
    }
    close(p[1]);
    Buf d = {0};
    if (pid > 0) {
        char chunk[65536];
        ssize_t n;
        while ((n = read(p[0], chunk, sizeof chunk)) != 0) {
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) break;
            buf_append(&d, chunk, (size_t)n, 4 << 20);
        }
        int st;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
        if (WIFEXITED(st) && WEXITSTATUS(st) == 127) buf_free(&d);
    }
    close(p[0]);
    if (d.len) {
        print_lines(d.data, d.len, DIFF_LINES, "", SIZE_MAX);
    } else {  /* no diff(1) on this machine: show both heads instead */
        Buf want = {0};
        read_file(expected_path, &want);
        puts("  expected:");
        print_lines(want.data ? want.data : "", want.len, 20, "  | ", LINE_SHOWN);
        puts("  actual:");
        print_lines(actual->data ? actual->data : "", actual->len, 20, "  | ", LINE_SHOWN);
        buf_free(&want);
    }
    buf_free(&d);
    unlink(act);
    free(act);
}

/* Tracebacks name the script by its absolute path; .err files (like tests/golden/regen.py)
 * name it relative to the test's directory: drop `dir/` after each `File "`. */
static void relative_paths(const char *test_path, const Buf *err, Buf *out) {
    char *d = xstrdup(test_path);
    char *slash = strrchr(d, '/');
    if (slash) *slash = '\0';
    char *real = realpath(slash ? d : ".", NULL);
    Buf prefix = {0};
    buf_printf(&prefix, "File \"%s/", real ? real : d);
    size_t i = 0;
    while (i < err->len) {
        const char *hit = memmem(err->data + i, err->len - i, prefix.data, prefix.len);
        size_t upto = hit ? (size_t)(hit - err->data) : err->len;
        buf_printf(out, "%.*s", (int)(upto - i), err->data + i);
        if (!hit) break;
        buf_printf(out, "File \"");
        i = upto + prefix.len;
    }
    buf_free(&prefix);
    free(real);
    free(d);
}

/* Checks that each non-empty line of .err occurs in stderr; notes each missing one. */
static int check_err_patterns(const Buf *pat, const Buf *err, Buf *why) {
    int ok = 1;
    size_t i = 0;
    while (i < pat->len) {
        const char *nl = memchr(pat->data + i, '\n', pat->len - i);
        size_t end = nl ? (size_t)(nl - pat->data) : pat->len;
        size_t n = end - i;
        if (n && pat->data[i + n - 1] == '\r') n--;
        if (n && !memmem(err->data ? err->data : "", err->len, pat->data + i, n)) {
            if (ok) buf_printf(why, "; stderr lacks ");
            else buf_printf(why, ", ");
            buf_printf(why, "\"%.*s\"", (int)(n > 200 ? 200 : n), pat->data + i);
            ok = 0;
        }
        i = end + 1;
    }
    return ok;
}

static void describe_status(const Job *j, Buf *why, int *rc_out) {
    if (j->timed_out) {
        buf_printf(why, "; timed out after %g s (killed)", j->limit);
        *rc_out = -1;
    } else if (WIFSIGNALED(j->status)) {
        buf_printf(why, "; killed by signal %d (%s)", WTERMSIG(j->status),
                   strsignal(WTERMSIG(j->status)));
        *rc_out = -1;
    } else {
        *rc_out = WIFEXITED(j->status) ? WEXITSTATUS(j->status) : -1;
    }
}

/* Judges a finished job against its expectation files and prints the verdict. */
static void job_report(Runner *r, Job *j) {
    const char *path = j->test->path;
    char *out_p = sibling(path, ".out"), *rc_p = sibling(path, ".rc"),
         *err_p = sibling(path, ".err");
    Buf why = {0}, want = {0}, rc_b = {0}, pat = {0};
    int stdout_bad = 0, err_bad = 0, rc;

    describe_status(j, &why, &rc);
    if (read_file(out_p, &want) != 0) {
        buf_printf(&why, "; cannot read %s: %s", out_p, strerror(errno));
    } else if (j->out.truncated) {
        buf_printf(&why, "; stdout exceeds %d MiB", OUT_CAP >> 20);
        stdout_bad = 1;
    } else if (want.len != j->out.len || memcmp(want.data, j->out.data ? j->out.data : "",
                                                want.len) != 0) {
        size_t line, byte;
        first_difference(&want, &j->out, &line, &byte);
        buf_printf(&why, "; stdout differs (line %zu, byte %zu)", line, byte);
        stdout_bad = 1;
    }
    int want_rc = 0;
    if (read_file(rc_p, &rc_b) == 0 && parse_rc(&rc_b, &want_rc) != 0)
        buf_printf(&why, "; %s is not an exit status", rc_p);
    else if (rc >= 0 && rc != want_rc)
        buf_printf(&why, "; exit status %d, expected %d", rc, want_rc);
    int have_pat = read_file(err_p, &pat) == 0;
    if (have_pat) {
        Buf rel = {0};
        relative_paths(path, &j->err, &rel);
        if (!check_err_patterns(&pat, &rel, &why)) err_bad = 1;
        buf_free(&rel);
    }

    double secs = now_s() - j->start;
    if (why.len == 0) {
        r->passed++;
        if (r->verbose) printf("PASS %s (%.2f s)\n", path, secs);
    } else {
        r->failed++;
        printf("FAIL %s: %s (%.2f s)\n", path, why.data + 2, secs);
        if (stdout_bad) show_diff(out_p, &j->out);
        if (j->err.len && (!have_pat || err_bad)) {
            printf("  stderr%s:\n", j->err.truncated ? " (truncated)" : "");
            print_lines(j->err.data, j->err.len, STDERR_LINES, "  | ", LINE_SHOWN);
        }
    }
    fflush(stdout);
    buf_free(&why), buf_free(&want), buf_free(&rc_b), buf_free(&pat);
    free(out_p), free(rc_p), free(err_p);
}

static void report_unstartable(Runner *r, const Test *t, const char *why) {
    r->failed++;
    printf("FAIL %s: %s\n", t->path, why);
    fflush(stdout);
}

/* ---- the scheduler ---------------------------------------------------------------------- */

static void on_signal(int sig) { interrupted_by = sig; }

static void kill_all(Job *jobs, int n) {
    for (int i = 0; i < n; i++)
        if (jobs[i].pid > 0) {
            kill_group(jobs[i].pid);
            waitpid(jobs[i].pid, NULL, 0);
        }
}

/* Runs every test, at most r->jobs at a time: one poll() over all pipes drives them all. */
static void run_all(Runner *r, const TestList *tests) {
    Job *jobs = calloc((size_t)r->jobs, sizeof *jobs);
    struct pollfd *pfd = calloc((size_t)r->jobs * 2, sizeof *pfd);
    int *owner = calloc((size_t)r->jobs * 2, sizeof *owner);
    if (!jobs || !pfd || !owner) die_oom();
    size_t next = 0;
    int running = 0;

    while ((next < tests->n || running > 0) && !interrupted_by) {
        for (int i = 0; i < r->jobs; i++) {
            while (!jobs[i].pid && next < tests->n) {
                const Test *t = &tests->v[next++];
                Buf why = {0};
                if (t->error) report_unstartable(r, t, t->error);
                else if (skipped_under_gc_stress(t->path))
                    printf("SKIP %s: no-gc-stress\n", t->path);
                else if (job_start(r, &jobs[i], t, &why) != 0) report_unstartable(r, t, why.data);
                else running++;
                buf_free(&why);
            }
        }
        int np = 0;
        double now = now_s(), wake = now + POLL_SLICE_MS / 1000.0;
        for (int i = 0; i < r->jobs; i++) {
            if (!jobs[i].pid) continue;
            if (jobs[i].deadline < wake) wake = jobs[i].deadline;
            for (int k = 0; k < 2; k++)
                if (jobs[i].fd[k] >= 0) {
                    pfd[np] = (struct pollfd){.fd = jobs[i].fd[k], .events = POLLIN};
                    owner[np++] = i * 2 + k;
                }
        }
        int ms = wake > now ? (int)((wake - now) * 1000.0) + 1 : 0;
        int ready = poll(pfd, (nfds_t)np, ms);
        if (ready < 0 && errno != EINTR) {
            perror("aspen test: poll");
            break;
        }
        for (int p = 0; ready > 0 && p < np; p++)
            if (pfd[p].revents) job_read(&jobs[owner[p] / 2], owner[p] % 2);
        now = now_s();
        for (int i = 0; i < r->jobs; i++) {
            if (!jobs[i].pid || !job_tick(&jobs[i], now)) continue;
            job_report(r, &jobs[i]);
            job_close_fds(&jobs[i]);
            buf_free(&jobs[i].out);
            buf_free(&jobs[i].err);
            jobs[i].pid = 0;
            running--;
        }
    }
    if (interrupted_by) kill_all(jobs, r->jobs);
    for (int i = 0; i < r->jobs; i++) {
        job_close_fds(&jobs[i]);
        buf_free(&jobs[i].out);
        buf_free(&jobs[i].err);
    }
    free(jobs), free(pfd), free(owner);
}

/* ---- command line ----------------------------------------------------------------------- */

static void usage(FILE *f) {
    fputs("usage: aspen test [-j N] [-t SECONDS] [-v] [PATHS...]\n"
          "  Runs every NAME.as with a sibling NAME.out under PATHS (default tests/golden):\n"
          "  stdout must equal NAME.out, the exit status NAME.rc (default 0), and each line of\n"
          "  NAME.err must occur in stderr.\n"
          "  -j N        run N tests at once (default: number of CPUs)\n"
          "  -t SECONDS  per-test timeout (default 30, or $ASPEN_TEST_TIMEOUT)\n"
          "  -v          list every test, not only failures\n", f);
}

/* Resolves the interpreter to an absolute path, since each test runs in its own cwd. */
static char *resolve_exe(const char *exe) {
    char buf[PATH_MAX];
    if (!exe || !*exe) {
        ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (n <= 0) return NULL;
        buf[n] = '\0';
        return xstrdup(buf);
    }
    if (strchr(exe, '/')) return realpath(exe, buf) ? xstrdup(buf) : NULL;
    const char *path = getenv("PATH");
    if (!path) return NULL;
    char *dirs = xstrdup(path), *save = NULL, *found = NULL;
    for (char *d = strtok_r(dirs, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
        char *cand = join_path(*d ? d : ".", exe);
        if (access(cand, X_OK) == 0 && realpath(cand, buf)) found = xstrdup(buf);
        free(cand);
    }
    free(dirs);
    return found;
}

/* Parses a positive number option value; returns -1 if malformed. */
static double parse_positive(const char *s) {
    char *end;
    errno = 0;
    double v = strtod(s ? s : "", &end);
    if (!s || errno || end == s || *end || !(v > 0) || v > 1e6) return -1;
    return v;
}

/* Fetches an option's value from "-jN", "--jobs=N" or the next argument. */
static const char *opt_value(int argc, char **argv, int *i, const char *arg, size_t name_len) {
    if (arg[name_len] == '=') return arg + name_len + 1;
    if (arg[name_len]) return arg + name_len;
    if (*i + 1 < argc) return argv[++*i];
    return NULL;
}

static int parse_args(int argc, char **argv, Runner *r, TestList *tests) {
    int only_paths = 0, any_path = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            find_tests(tests, a);
            any_path = 1;
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            r->verbose = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return -1;
        } else if (strncmp(a, "-j", 2) == 0 || strncmp(a, "--jobs", 6) == 0) {
            double v = parse_positive(opt_value(argc, argv, &i, a, a[1] == 'j' ? 2 : 6));
            if (v < 1 || v != (int)v) {
                fputs("aspen test: -j needs a positive whole number\n", stderr);
                return 2;
            }
            r->jobs = (int)v;
        } else if (strncmp(a, "-t", 2) == 0 || strncmp(a, "--timeout", 9) == 0) {
            double v = parse_positive(opt_value(argc, argv, &i, a, a[1] == 't' ? 2 : 9));
            if (v < 0) {
                fputs("aspen test: -t needs a positive number of seconds\n", stderr);
                return 2;
            }
            r->timeout = v;
        } else {
            fprintf(stderr, "aspen test: unknown option %s\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (!any_path) find_tests(tests, "tests/golden");
    return 0;
}

int aspen_test_main(int argc, char **argv, const char *aspen_exe) {
    Runner r = {.jobs = 0, .timeout = 30.0};
    const char *env_timeout = getenv("ASPEN_TEST_TIMEOUT");
    if (env_timeout && parse_positive(env_timeout) > 0) r.timeout = parse_positive(env_timeout);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    r.jobs = cpus > 0 ? (int)(cpus > 256 ? 256 : cpus) : 1;

    TestList tests = {0};
    int rc = parse_args(argc, argv, &r, &tests);
    char *exe = NULL;
    if (rc == 0 && !(exe = resolve_exe(aspen_exe))) {
        fprintf(stderr, "aspen test: cannot find the interpreter %s\n",
                aspen_exe ? aspen_exe : "(/proc/self/exe)");
        rc = 2;
    }
    if (rc == 0) {
        sort_unique(&tests);
        if (tests.n == 0) fputs("aspen test: no tests found\n", stderr);
        r.exe = exe;
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
        struct sigaction sa = {0}, old[3];
        sa.sa_handler = on_signal;  /* no SA_RESTART: poll() must return EINTR */
        sigemptyset(&sa.sa_mask);
        interrupted_by = 0;
        for (int i = 0; i < 3; i++) {
            sigaction(sigs[i], &sa, &old[i]);
            if (old[i].sa_handler == SIG_IGN) sigaction(sigs[i], &old[i], NULL); /* nohup, & */
        }
        run_all(&r, &tests);
        for (int i = 0; i < 3; i++) sigaction(sigs[i], &old[i], NULL);
        if (interrupted_by) {
            printf("interrupted: ");
            fflush(stdout);
        }
        printf("%d passed, %d failed\n", r.passed, r.failed);
        fflush(stdout);
        if (interrupted_by) raise(interrupted_by);  /* die as the signal says, like make */
        rc = interrupted_by ? 128 + interrupted_by : r.failed ? 1 : 0;
    }
    for (size_t i = 0; i < tests.n; i++) free(tests.v[i].path), free(tests.v[i].error);
    free(tests.v);
    free(exe);
    return rc < 0 ? 0 : rc;
}
