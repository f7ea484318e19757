/* testrun.h — `aspen test`, the golden-test runner built into the CLI.
 *
 * A golden test is a script `NAME.as` with a sibling `NAME.out` (exact expected stdout), an
 * optional `NAME.rc` (expected exit status, default 0) and an optional `NAME.err` (each
 * non-empty line must occur somewhere in stderr). Files named `*.as` without a `.out` are
 * helper modules and are not run. A first line `# aspen: virtual-time` (the same directive
 * syntax tests/golden/regen.py reads) runs the test with `--virtual-time`; one naming
 * `no-gc-stress` leaves the test out (printing a SKIP line) when ASPEN_GC_STRESS=1.
 *
 * Each test runs in its own process group: cwd = the test's directory, argv = [aspen,
 * (--virtual-time,) NAME.as], stdin = /dev/null, killed after a timeout. */
#ifndef ASPEN_CLI_TESTRUN_H
#define ASPEN_CLI_TESTRUN_H

/* Runs `aspen test [-j N] [-t SECONDS] [-v] [PATHS...]`.
 *
 * argv[0] is the subcommand word ("test") and is ignored; options and paths follow, so
 * cli/main.c calls it as `aspen_test_main(argc - 1, argv + 1, NULL)`.
 * PATHS are files or directories (searched recursively); the default is `tests/golden`.
 * aspen_exe is the interpreter each test is run with; NULL means this very executable
 * (/proc/self/exe). A bare name is looked up on PATH.
 *
 * Environment: ASPEN_TEST_TIMEOUT (seconds, default 30) sets the per-test timeout when -t is
 * not given; everything else in the environment (ASPEN_GC_STRESS, ...) reaches the tests.
 *
 * Prints one report per failure (with a unified diff of stdout), `-v` also one line per pass,
 * and last the line `N passed, N failed`. Returns 0 when all passed, 1 when any failed (a
 * missing path counts as a failure), 2 on a usage error. */
int aspen_test_main(int argc, char **argv, const char *aspen_exe);

#endif
