#!/usr/bin/env python3
"""Regenerate or re-check golden-test expectations against CPython 3.11.

Owns the link between tests/golden/**/*.as and the reference interpreter: a
portable golden test is a Python 3.11 script whose expected stdout (.out),
exit status (.rc) and stderr patterns (.err) come from python3, never from
Aspen, so that the expectations stay honest.

    python3 tests/golden/regen.py [paths...]          # write .out/.rc/.err
    python3 tests/golden/regen.py --check [paths...]  # compare, exit 1 on drift

A test is run exactly as the Aspen runner runs it: cwd = the test's directory,
the bare file name as the argument.  A file whose first line is a
`# aspen: ...` directive containing `no-cpython` is Aspen-specific and is
skipped; so is a helper module (a file named `mod_*.as`, or whose directive
contains `module`), which tests import and which has no .out of its own; any
other directive (e.g. `# aspen: virtual-time`) is just a comment
to CPython.  In --check mode only files that already have a .out are checked
(files without one are helper modules, not tests).

.err holds substrings the runner requires in stderr, derived (only when the
exit status is non-zero) from CPython's stderr:
  - every "message line": a line at the left margin of its traceback block
    (e.g. `ValueError: bad`, `The above exception was the direct cause of
    the following exception:`, `SyntaxError: expected ':'`), where lines of an
    exception-group traceback are first stripped of their `| ` margin;
  - for each message line, the innermost `File "name.as", line N[, in f]`
    line that precedes it (stripped of indentation).
CPython prints the script's absolute path in File lines; both modes strip the
test's directory from them first, so expectations say `File "name.as"`.
"""

import concurrent.futures
import os
import re
import subprocess
import sys

TIMEOUT = 60
HERE = os.path.dirname(os.path.abspath(__file__))
GROUP_MARGIN = re.compile(r"^\s*\| ?")


def directives(path):
    """Words of a first-line `# aspen: ...` directive, else an empty set."""
    with open(path, encoding="utf-8", errors="replace") as f:
        first = f.readline()
    m = re.match(r"#\s*aspen:\s*(.*)", first)
    return set(m.group(1).replace(",", " ").split()) if m else set()


def is_portable_test(path):
    words = directives(path)
    if "no-cpython" in words or "module" in words:
        return False
    return not os.path.basename(path).startswith("mod_")


def find_tests(paths):
    found = []
    for p in paths:
        if os.path.isfile(p) and p.endswith(".as"):
            found.append(os.path.abspath(p))
            continue
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".as"):
                    found.append(os.path.abspath(os.path.join(root, name)))
    return found


def run_cpython(path):
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1",
               PYTHONIOENCODING="utf-8")
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS"):
        env.pop(var, None)
    try:
        proc = subprocess.run(
            ["python3", os.path.basename(path)],
            cwd=os.path.dirname(path), env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return (proc.stdout.decode("utf-8", "replace"), proc.returncode,
            relative_paths(proc.stderr.decode("utf-8", "replace"), path))


def relative_paths(stderr, path):
    """CPython makes the script's path absolute in tracebacks; Aspen prints it
    as given (the bare name), and expectations must not depend on where the
    tree lives, so strip the test's directory."""
    return stderr.replace('File "%s%s' % (os.path.dirname(path), os.sep), 'File "')


def err_lines(stderr):
    """The stderr substrings a runner must find (see module docstring)."""
    out = []
    last_file = None
    for raw in stderr.splitlines():
        content = GROUP_MARGIN.sub("", raw, count=1) if GROUP_MARGIN.match(raw) else raw
        stripped = content.strip()
        if not stripped:
            continue
        if stripped.startswith("File \""):
            last_file = stripped
            continue
        if content[0].isspace() or stripped.startswith(("Traceback", "+")):
            continue
        if last_file is not None:
            out.append(last_file)
            last_file = None
        out.append(stripped)
    return out


def expected_of(stdout, rc, stderr):
    return stdout, rc, (err_lines(stderr) if rc != 0 else [])


def sidecar(path, ext):
    return path[:-3] + ext


def read_or_none(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write_expectations(path, result):
    stdout, rc, errs = expected_of(*result)
    with open(sidecar(path, ".out"), "w", encoding="utf-8", newline="") as f:
        f.write(stdout)
    for ext, text in ((".rc", "%d\n" % rc if rc != 0 else None),
                      (".err", "".join(l + "\n" for l in errs) if errs else None)):
        target = sidecar(path, ext)
        if text is None:
            if os.path.exists(target):
                os.remove(target)
        else:
            with open(target, "w", encoding="utf-8", newline="") as f:
                f.write(text)


def check_one(path):
    """Return None when CPython still agrees with the stored files, else why not."""
    result = run_cpython(path)
    if result is None:
        return "timed out after %d s" % TIMEOUT
    stdout, rc, stderr = result
    problems = []
    want_out = read_or_none(sidecar(path, ".out"))
    if stdout != want_out:
        problems.append("stdout differs")
    rc_text = read_or_none(sidecar(path, ".rc"))
    want_rc = int(rc_text.strip()) if rc_text and rc_text.strip() else 0
    if rc != want_rc:
        problems.append("exit status %d, expected %d" % (rc, want_rc))
    err_text = read_or_none(sidecar(path, ".err")) or ""
    for line in err_text.splitlines():
        if line.strip() and line.strip() not in stderr:
            problems.append("stderr lacks %r" % line.strip())
    return "; ".join(problems) or None


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"] or [HERE]
    tests = [t for t in find_tests(paths) if is_portable_test(t)]
    if check:
        tests = [t for t in tests if os.path.exists(sidecar(t, ".out"))]
    rel = lambda p: os.path.relpath(p)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        if check:
            failed = 0
            for path, why in zip(tests, pool.map(check_one, tests)):
                if why:
                    failed += 1
                    print("CPYTHON MISMATCH %s: %s" % (rel(path), why))
            print("cpython-check: %d passed, %d failed" % (len(tests) - failed, failed))
            return 1 if failed else 0
        bad = 0
        for path, result in zip(tests, pool.map(run_cpython, tests)):
            if result is None:
                bad += 1
                print("TIMEOUT %s (expectations not written)" % rel(path))
                continue
            if "Warning: " in result[2]:
                # A compile-time warning is CPython-only noise on stderr that
                # Aspen need not reproduce; the test should avoid it.
                print("WARNING %s: CPython printed a warning" % rel(path))
            write_expectations(path, result)
        print("regenerated %d test(s)%s" % (len(tests) - bad,
                                            ", %d timed out" % bad if bad else ""))
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
