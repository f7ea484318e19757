/* main.c — the `aspen` command: run a script, -c CODE, --dis, --version, --help, and
 * `aspen test` (the golden runner in testrun.c). */
#include "vm/vm.h"
#include "vm/containers.h"
#include "cli/testrun.h"
#include "cli/repl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libgen.h>
#include <signal.h>

VM *vm_new(const VMConfig *cfg);
void vm_free(VM *vm);

static void usage(FILE *out) {
    fputs("usage: aspen [option] ... [-c cmd | file | test [paths] [-j N]] [arg] ...\n"
          "Options:\n"
          "  -c cmd          program passed in as string\n"
          "  --dis FILE      show the bytecode of FILE\n"
          "  --virtual-time  run the event loop on a virtual clock\n"
          "  --version       print the version and exit\n"
          "  -h, --help      show this help\n"
          "  test [PATHS]    run golden tests (*.as with a sibling .out)\n", out);
}

static VM *the_vm;   /* the CLI runs one VM; the SIGINT handler only sets its flag */

static void on_sigint(int sig) {
    (void)sig;
    if (the_vm) the_vm->interrupt = 1;
}

/* Report an uncaught exception as CPython does; returns the process exit status. */
static int report(VM *vm) {
    Value e = vm->exc;
    vm->exc = VNULL;
    if (isinst(vm, e, vm->e_SystemExit)) {
        Value code = exc_get_attr(vm, e, vm->s_code);
        if (!code || code == vm->none) return 0;
        if (v_is_int(code)) return (int)(v_int(code) & 0xff);
        Value s = vm_str(vm, code);
        if (s) fprintf(stderr, "%s\n", str_cstr(s));
        return 1;
    }
    fflush(stdout);
    vm_print_exception(vm, e, stderr);
    if (isinst(vm, e, vm->e_KeyboardInterrupt)) return 130;   /* like a shell's 128 + SIGINT */
    return 1;
}

static int run_source(VM *vm, const char *src, size_t len, const char *filename) {
    Value mod = module_new(vm, "__main__");
    vm->main_mod = mod;
    Dict *d = ((Module *)mod)->dict;
    dict_set(vm, d, vm->s___builtins__, vm->builtins_mod);
    if (strcmp(filename, "<string>") != 0) dict_set(vm, d, vm->s___file__, str_from_cstr(vm, filename));
    dict_set(vm, vm->modules, vm->s___main__, mod);
    Value r = vm_exec_source(vm, src, len, filename, d);
    int status = 0;
    if (!r) status = report(vm);
    vm_call_method(vm, vm->sys_stdout, vm->s_flush, NULL, 0);
    vm_clear_exc(vm);
    return status;
}

int main(int argc, char **argv) {
    VMConfig cfg = {0};
    int i = 1;
    const char *code = NULL, *file = NULL, *dis = NULL;
    if (getenv("ASPEN_GC_STRESS") && strcmp(getenv("ASPEN_GC_STRESS"), "1") == 0) cfg.gc_stress = 1;
    if (getenv("ASPEN_VIRTUAL_TIME") && strcmp(getenv("ASPEN_VIRTUAL_TIME"), "1") == 0) cfg.virtual_time = 1;
    if (argc > 1 && strcmp(argv[1], "test") == 0) {
        char exe[4096];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n < 0) { perror("readlink"); return 2; }
        exe[n] = 0;
        return aspen_test_main(argc - 1, argv + 1, exe);
    }
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--version") || !strcmp(a, "-V")) { printf("Aspen 0.1 (Python 3.11 subset)\n"); return 0; }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
        if (!strcmp(a, "--virtual-time")) { cfg.virtual_time = 1; continue; }
        if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) { fprintf(stderr, "Argument expected for the -c option\n"); usage(stderr); return 2; }
            code = argv[++i]; i++; break;
        }
        if (!strcmp(a, "--dis")) {
            if (i + 1 >= argc) { fprintf(stderr, "--dis needs a FILE\n"); return 2; }
            dis = argv[++i]; i++; break;
        }
        if (a[0] == '-' && a[1]) { fprintf(stderr, "Unknown option: %s\n", a); usage(stderr); return 2; }
        file = a; i++; break;
    }
    VM *vm = vm_new(&cfg);
    if (!vm) { fprintf(stderr, "aspen: cannot create VM\n"); return 1; }
    int here;
    vm->stack_base = &here;
    vm->progname = argv[0];
    the_vm = vm;
    /* as CPython: Ctrl-C becomes KeyboardInterrupt unless the parent ignored SIGINT (a job
     * started in the background by a non-interactive shell must stay immune to it) */
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN) sigaction(SIGINT, &sa, NULL);
    int status = 0;
    if (code) {
        list_append(vm, vm->argv_list, str_from_cstr(vm, "-c"));
        for (; i < argc; i++) list_append(vm, vm->argv_list, str_from_cstr(vm, argv[i]));
        list_append(vm, vm->path_list, str_from_cstr(vm, ""));
        status = run_source(vm, code, strlen(code), "<string>");
    } else if (file || dis) {
        const char *path = file ? file : dis;
        char *src; size_t len;
        /* CPython (3.9+) names the script by its absolute path: cwd joined, not normalised */
        char abs[8192], cwd[4096];
        if (path[0] != '/' && getcwd(cwd, sizeof cwd)) snprintf(abs, sizeof abs, "%s/%s", cwd, path);
        else snprintf(abs, sizeof abs, "%s", path);
        if (!vm_load_file(vm, path, &src, &len)) {
            vm_clear_exc(vm);
            fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n", argv[0], abs);
            vm_free(vm);
            return 2;
        }
        list_append(vm, vm->argv_list, str_from_cstr(vm, path));
        for (; i < argc; i++) list_append(vm, vm->argv_list, str_from_cstr(vm, argv[i]));
        /* sys.path[0]: the script's directory, symlinks resolved */
        char *dup = strdup(abs);
        char *real = realpath(dirname(dup), NULL);
        list_append(vm, vm->path_list, str_from_cstr(vm, real ? real : dirname(dup)));
        free(real);
        free(dup);
        const char *ap = getenv("ASPEN_PATH");
        if (ap && *ap) {
            char *p = strdup(ap), *save = NULL;
            for (char *t = strtok_r(p, ":", &save); t; t = strtok_r(NULL, ":", &save)) list_append(vm, vm->path_list, str_from_cstr(vm, t));
            free(p);
        }
        if (dis) {
            Value c = vm_compile(vm, src, len, path, 0);
            if (!c) status = report(vm);
            else code_disassemble(vm, (Code *)c, stdout);
        } else {
            status = run_source(vm, src, len, abs);
        }
        free(src);
    } else {
        list_append(vm, vm->argv_list, vm->empty_str);
        list_append(vm, vm->path_list, vm->empty_str);
        status = isatty(STDIN_FILENO) ? repl_main(vm) : stdin_script_main(vm);
    }
    fflush(stdout);
    vm_free(vm);
    return status;
}
