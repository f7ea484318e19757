/* repl.h — the interactive prompt and the stdin-as-script mode of the `aspen` command.
 *
 * main.c calls one of these when it is given no script and no -c, after it has created the VM
 * and installed the SIGINT handler that sets vm->interrupt:
 *     status = isatty(0) ? repl_main(vm) : stdin_script_main(vm);
 * Both set up __main__ themselves and return the process exit status. */
#ifndef ASPEN_CLI_REPL_H
#define ASPEN_CLI_REPL_H

#include "vm/vm.h"

/* CPython 3.11's REPL: banner, ">>> "/"... " prompts (sys.ps1/sys.ps2), readline editing,
 * history in ~/.aspen_history, tab completion, expression results shown with repr and kept in
 * `_`, tracebacks that do not end the session, Ctrl-C, Ctrl-D, exit(), top-level await on a
 * persistent asyncio event loop. */
int repl_main(VM *vm);

/* `aspen < file`: read all of stdin and run it as the script "<stdin>", like `python3 < file`. */
int stdin_script_main(VM *vm);

/* ---- internal: shared by cli/repl.c and cli/repl_input.c ---- */

/* Line input: GNU readline when built with it, else stdio. */
typedef struct ReplInput {
    char history_path[4096];   /* "" when there is no $HOME */
} ReplInput;

void repl_input_open(ReplInput *in, VM *vm, Dict *globals);
/* Read one line (malloc'd, no newline). NULL at end of input, or with *interrupted = 1 when
 * Ctrl-C abandoned the line. Lines are added to the history. */
char *repl_read_line(ReplInput *in, VM *vm, const char *prompt, int *interrupted);
void repl_input_close(ReplInput *in);   /* saves the history */

#endif
