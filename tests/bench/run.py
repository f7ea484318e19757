#!/usr/bin/env python3
"""Aspen's benchmarks, side by side with CPython (and Lua 5.4 where a .lua twin exists).

Owns: running every tests/bench/**/*.as with build/aspen and with python3 (the language is
a Python subset, so the same file runs on both) and its sibling .lua with lua5.4; the
start-up and peak-memory measurements; the table of ratios against each file's target.

    python3 tests/bench/run.py [--aspen build/aspen] [--runs 3] [--markdown] [NAME...]

Conventions inside a benchmark .as:
    # target: 0.5      the aspen/python ratio the issue asks for (time, or memory below)
    # metric: memory   run with argv[1] = 0 and = 100000; report
                       (peak RSS with 100000 - peak RSS with 0) / 100000 bytes per unit
Each benchmark prints a small checksum; aspen's stdout must equal python's (a mismatch is
flagged WRONG) and lua's must match python's up to whitespace.

Wall time is best of --runs, measured on the process itself. Peak RSS is measured through a
tiny C trampoline (compiled here with cc; else /usr/bin/time): Linux keeps a process's peak
RSS across exec, so a child forked straight from this (15 MB) python would report python's.
Benchmarks are never tests: a MISS does not fail; a wrong checksum or a crash does (exit 1).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RUN_TIMEOUT = 600
MEMORY_UNITS = 100_000


RSS_HELPER_C = r"""
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
/* rss FILE CMD...: runs CMD, writes its peak RSS (KiB) to FILE, exits with its status */
int main(int argc, char **argv) {
    if (argc < 3) return 125;
    pid_t pid = fork();
    if (pid < 0) return 125;
    if (pid == 0) { execvp(argv[2], argv + 2); _exit(127); }
    int st; struct rusage ru;
    if (wait4(pid, &st, 0, &ru) < 0) return 125;
    FILE *f = fopen(argv[1], "w");
    if (f) { fprintf(f, "%ld\n", ru.ru_maxrss); fclose(f); }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
"""


class RssProbe:
    """Wraps a command so that its own peak RSS can be read back afterwards."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.kind = None
        cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
        if cc:
            src = os.path.join(workdir, "rss.c")
            exe = os.path.join(workdir, "rss")
            with open(src, "w") as f:
                f.write(RSS_HELPER_C)
            if subprocess.run([cc, "-O1", "-o", exe, src], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0:
                self.kind, self.exe = "helper", exe
        if self.kind is None and os.access("/usr/bin/time", os.X_OK):
            self.kind = "time"
        if self.kind is None:
            print("note: no cc and no /usr/bin/time: RSS figures include the fork parent's",
                  file=sys.stderr)

    def wrap(self, argv):
        out = os.path.join(self.workdir, "rss.out")
        if self.kind == "helper":
            return [self.exe, out] + argv, out
        if self.kind == "time":
            return ["/usr/bin/time", "-q", "-f", "%M", "-o", out] + argv, out
        return argv, None

    @staticmethod
    def read(path):
        try:
            with open(path) as f:
                return int(f.read().split()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            return None


class Run:
    """One finished process: wall seconds, peak RSS in bytes, exit status, output."""

    def __init__(self, wall, rss, status, out, err):
        self.wall, self.rss, self.status, self.out, self.err = wall, rss, status, out, err


def run_once(argv, cwd, probe=None):
    """Runs argv to completion: wall time of the process, and its peak RSS through probe."""
    rss_file = None
    if probe is not None:
        argv, rss_file = probe.wrap(argv)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err)
        except OSError as e:
            return Run(0.0, 0, 127, b"", str(e).encode())
        deadline = start + RUN_TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                status = -1
                break
            time.sleep(0.0005 if time.perf_counter() - start < 0.05 else 0.005)
        wall = time.perf_counter() - start
        proc.returncode = 0  # reaped above; keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        code = status if status == -1 else os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss * 1024
        if rss_file is not None:
            rss = RssProbe.read(rss_file) or rss
        return Run(wall, rss, code, out.read(), err.read())


def best_of(argv, cwd, runs):
    """Best wall time of `runs` runs (stops early on failure); None if unavailable."""
    best = None
    for _ in range(runs):
        r = run_once(argv, cwd)
        if r.status != 0:
            return r
        if best is None or r.wall < best.wall:
            best = r
    return best


def directive(path, name):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*%s:\s*(\S+)" % name, line)
            if m:
                return m.group(1)
    return None


def find_benchmarks(names):
    found = []
    for root, dirs, files in os.walk(HERE):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".as"):
                path = os.path.join(root, f)
                name = os.path.relpath(path, HERE)[:-3]
                if not names or any(n in name for n in names):
                    found.append((name, path))
    return found


def fmt_s(r):
    if r is None:
        return "-"
    if r.status != 0:
        return "ERR"
    return "%.3f" % r.wall


def ratio(a, b):
    return a / b if a is not None and b else None


def verdict(value, target, wrong=False, error=False):
    if error:
        return "ERR"
    if wrong:
        return "WRONG"
    if value is None or target is None:
        return "-"
    return "PASS" if value <= target else "MISS"


class Table:
    def __init__(self, headers):
        self.headers, self.rows = headers, []

    def add(self, *cells):
        self.rows.append(["-" if c is None else str(c) for c in cells])

    def render(self, markdown):
        if markdown:
            lines = ["| " + " | ".join(self.headers) + " |",
                     "|" + "|".join("---" for _ in self.headers) + "|"]
            lines += ["| " + " | ".join(r) + " |" for r in self.rows]
            return "\n".join(lines)
        widths = [max(len(h), *(len(r[i]) for r in self.rows)) if self.rows else len(h)
                  for i, h in enumerate(self.headers)]
        fmt = "  ".join("%%-%ds" % w if i == 0 else "%%%ds" % w for i, w in enumerate(widths))
        return "\n".join([fmt % tuple(self.headers)] + [fmt % tuple(r) for r in self.rows])


def report_failure(what, r):
    tail = r.err.decode("utf-8", "replace").strip().splitlines()[-5:]
    print("  %s failed (exit status %s)%s" % (what, r.status, ":" if tail else ""),
          file=sys.stderr)
    for line in tail:
        print("    " + line, file=sys.stderr)


def time_benchmark(name, path, args, table, problems):
    cwd = os.path.dirname(path)
    target = directive(path, "target")
    target = float(target) if target else None
    print("running %s ..." % name, file=sys.stderr, flush=True)
    py = best_of([args.python, path], cwd, args.runs) if args.python else None
    asp = best_of([args.aspen, path], cwd, args.runs) if args.aspen else None
    twin = path[:-3] + ".lua"
    lua = best_of([args.lua, twin], cwd, args.runs) if args.lua and os.path.exists(twin) else None
    error = asp is None or asp.status != 0
    wrong = False
    if asp is not None and asp.status != 0:
        report_failure("aspen " + name, asp)
    if py is not None and py.status != 0:
        report_failure("python " + name, py)
    if lua is not None and lua.status != 0:
        report_failure("lua " + name, lua)
    if not error and py is not None and py.status == 0 and asp.out != py.out:
        wrong = True
        print("  %s: aspen printed %r, python %r" % (name, asp.out[:200], py.out[:200]),
              file=sys.stderr)
    if lua is not None and lua.status == 0 and py is not None and py.status == 0 \
            and lua.out.split() != py.out.split():
        print("  %s: the Lua twin printed %r, python %r (fix the twin)"
              % (name, lua.out[:200], py.out[:200]), file=sys.stderr)
    r = None
    if not error and py is not None and py.status == 0:
        r = ratio(asp.wall, py.wall)
    if error or wrong:
        problems.append(name)
    table.add(name, fmt_s(asp), fmt_s(py), fmt_s(lua), "%.2f" % r if r is not None else None,
              target, verdict(r, target, wrong, error))


def memory_benchmark(name, path, args, table, problems):
    """Bytes per unit: (peak RSS at N - peak RSS at N=0) / N, best (lowest) of the runs."""
    cwd = os.path.dirname(path)
    target = directive(path, "target")
    target = float(target) if target else None
    print("running %s (memory) ..." % name, file=sys.stderr, flush=True)

    def per_unit(exe):
        if not exe:
            return None, None
        base = min((run_once([exe, path, "0"], cwd, args.probe) for _ in range(args.runs)),
                   key=lambda r: (r.status != 0, r.rss))
        full = min((run_once([exe, path, str(MEMORY_UNITS)], cwd, args.probe)
                    for _ in range(args.runs)),
                   key=lambda r: (r.status != 0, r.rss))
        for r in (base, full):
            if r.status != 0:
                report_failure("%s %s" % (os.path.basename(exe), name), r)
                return None, r
        return (full.rss - base.rss) / MEMORY_UNITS, full

    asp_b, asp_r = per_unit(args.aspen)
    py_b, py_r = per_unit(args.python)
    error = asp_b is None
    wrong = bool(asp_r and py_r and asp_r.status == 0 and py_r.status == 0
                 and asp_r.out != py_r.out)
    r = ratio(asp_b, py_b)
    if error or wrong:
        problems.append(name)
    table.add(name, "%.0f" % asp_b if asp_b is not None else "ERR",
              "%.0f" % py_b if py_b is not None else "-",
              "%.2f" % r if r is not None else None, target, verdict(r, target, wrong, error))


def startup(args, table, problems):
    """`-c pass`: best wall time of 20 runs, and the lowest peak RSS of 5 more."""
    print("running start-up ...", file=sys.stderr, flush=True)
    results = {}
    for label, exe in (("aspen", args.aspen), ("python", args.python), ("lua", args.lua)):
        if not exe:
            continue
        argv = [exe, "-e", ""] if label == "lua" else [exe, "-c", "pass"]
        runs = [run_once(argv, ROOT) for _ in range(20)]
        mem = [run_once(argv, ROOT, args.probe) for _ in range(5)]
        bad = [r for r in runs + mem if r.status != 0]
        if bad:
            report_failure(label + " -c pass", bad[0])
            results[label] = None
            continue
        results[label] = (min(r.wall for r in runs), min(r.rss for r in mem))
    a, p, l = results.get("aspen"), results.get("python"), results.get("lua")
    if a is None:
        problems.append("start-up")
    t = ratio(a and a[0], p and p[0])
    m = ratio(a and a[1], p and p[1])
    table.add("start-up (s)", "%.4f" % a[0] if a else "ERR", "%.4f" % p[0] if p else None,
              "%.4f" % l[0] if l else None, "%.2f" % t if t is not None else None, 0.2,
              verdict(t, 0.2, error=a is None))
    table.add("start-up RSS (KiB)", "%d" % (a[1] // 1024) if a else "ERR",
              "%d" % (p[1] // 1024) if p else None, "%d" % (l[1] // 1024) if l else None,
              "%.2f" % m if m is not None else None, 0.25, verdict(m, 0.25, error=a is None))


def which(exe):
    if not exe:
        return None
    found = shutil.which(exe) if os.sep not in exe else (exe if os.access(exe, os.X_OK) else None)
    return os.path.abspath(found) if found and os.sep in found else found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aspen", default=os.path.join(ROOT, "build", "aspen"))
    # the real binary, not a version-manager shim that adds ~200 ms to every start
    ap.add_argument("--python", default=sys.executable or "python3")
    ap.add_argument("--lua", default="lua5.4")
    ap.add_argument("--runs", type=int, default=3, help="best of this many runs (default 3)")
    ap.add_argument("--markdown", action="store_true", help="print tables in Markdown")
    ap.add_argument("names", nargs="*", help="only benchmarks whose name contains one of these")
    args = ap.parse_args()
    for tool in ("aspen", "python", "lua"):
        exe = which(getattr(args, tool))
        if exe is None:
            print("note: %s not found (%s); its column stays empty"
                  % (tool, getattr(args, tool)), file=sys.stderr)
        setattr(args, tool, exe)

    problems = []
    workdir = tempfile.mkdtemp(prefix="aspen-bench-")
    args.probe = RssProbe(workdir)
    try:
        return run_all(args, problems)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_all(args, problems):
    timed = Table(["benchmark", "aspen s", "python s", "lua s", "aspen/python", "target",
                   "verdict"])
    memory = Table(["benchmark", "aspen B/task", "python B/task", "aspen/python", "target",
                    "verdict"])
    for name, path in find_benchmarks(args.names):
        if directive(path, "metric") == "memory":
            memory_benchmark(name, path, args, memory, problems)
        else:
            time_benchmark(name, path, args, timed, problems)
    if not args.names:
        startup(args, timed, problems)

    print(timed.render(args.markdown))
    if memory.rows:
        print()
        print(memory.render(args.markdown))
    if problems:
        print("\nbroken (crash or wrong checksum): " + ", ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
