#!/usr/bin/env bash
# tests/run_all.sh — runs Aspen's test suites and totals them into ONE last line
# `N passed, N failed` (exit status 1 if anything failed). What `make test` and friends call.
#
#   tests/run_all.sh [--build DIR] [--only unit,golden,cpython] [-j N]
#
#   unit     every Criterion binary DIR/test_* (its "Synthesis:" line is counted; a binary
#            that dies without one counts as one failure)
#   golden   DIR/aspen test tests/golden examples -j N
#   cpython  python3 tests/golden/regen.py --check (expectations still match CPython)
#
# Each suite's own output is shown as it runs.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

build=build
only=unit,golden,cpython,repl
jobs=$(nproc 2>/dev/null || echo 2)
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        -j) jobs=$2; shift 2 ;;
        -j*) jobs=${1#-j}; shift ;;
        *) echo "usage: $0 [--build DIR] [--only unit,golden,cpython] [-j N]" >&2; exit 2 ;;
    esac
done

passed=0
failed=0
notes=()
log=$(mktemp "${TMPDIR:-/tmp}/aspen-run-all.XXXXXX")
trap 'rm -f "$log"' EXIT

wants() { [[ ",$only," == *",$1,"* ]]; }

# Adds the counts of the last line of $log matching a sed -E pattern with two groups
# (passed, failed); returns 1 if there is no such line.
count_from_log() {
    local line
    line=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | sed -nE "s/$1/\\1 \\2/p" | tail -n 1)
    [ -n "$line" ] || return 1
    # shellcheck disable=SC2086  # two numbers, split on purpose
    set -- $line
    passed=$((passed + $1))
    failed=$((failed + $2))
}

run_unit() {
    local bin any=0 rc p0 f0
    for bin in "$build"/test_*; do
        if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then continue; fi
        any=1
        echo "---- unit: $(basename "$bin")"
        p0=$passed f0=$failed
        "$bin" 2>&1 | tee "$log"
        rc=${PIPESTATUS[0]}
        # Criterion: "[====] Synthesis: Tested: T | Passing: P | Failing: F | Crashing: C",
        # where F already includes the C crashed tests.
        if ! count_from_log '.*Synthesis: Tested: *[0-9]+ *\| *Passing: *([0-9]+) *\| *Failing: *([0-9]+).*'; then
            echo "!!!! $(basename "$bin"): no Criterion synthesis (exit status $rc)"
            failed=$((failed + 1))
            continue
        fi
        if [ "$rc" -ne 0 ] && [ "$failed" -eq "$f0" ]; then
            echo "!!!! $(basename "$bin"): exit status $rc although no test failed"
            failed=$((failed + 1))
        fi
        notes+=("unit $(basename "$bin"): $((passed - p0)) passed, $((failed - f0)) failed")
    done
    [ $any -eq 1 ] || notes+=("unit: no $build/test_* binaries (is libcriterion-dev installed?)")
}

run_golden() {
    local p0=$passed f0=$failed rc
    if [ ! -x "$build/aspen" ]; then
        echo "!!!! golden: $build/aspen does not exist"
        failed=$((failed + 1))
        notes+=("golden: no $build/aspen")
        return
    fi
    echo "---- golden: $build/aspen test tests/golden examples -j $jobs"
    "$build/aspen" test tests/golden examples -j "$jobs" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    if ! count_from_log '^([0-9]+) passed, ([0-9]+) failed$'; then
        echo "!!!! golden: the runner ended without a summary (exit status $rc)"
        failed=$((failed + 1))
    elif [ "$rc" -ne 0 ] && [ "$failed" -eq "$f0" ]; then
        echo "!!!! golden: exit status $rc although no test failed"
        failed=$((failed + 1))
    fi
    notes+=("golden: $((passed - p0)) passed, $((failed - f0)) failed")
}

run_cpython() {
    local p0=$passed f0=$failed rc
    if ! command -v python3 >/dev/null 2>&1; then
        notes+=("cpython-check: skipped (no python3)")
        return
    fi
    if [ ! -f tests/golden/regen.py ]; then
        notes+=("cpython-check: skipped (no tests/golden/regen.py)")
        return
    fi
    echo "---- cpython-check: python3 tests/golden/regen.py --check"
    python3 tests/golden/regen.py --check 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    if ! count_from_log '^cpython-check: ([0-9]+) passed, ([0-9]+) failed$'; then
        echo "!!!! cpython-check: ended without a summary (exit status $rc)"
        failed=$((failed + 1))
    elif [ "$rc" -ne 0 ] && [ "$failed" -eq "$f0" ]; then
        failed=$((failed + 1))
    fi
    notes+=("cpython-check: $((passed - p0)) passed, $((failed - f0)) failed")
}

run_repl() {
    local p0=$passed f0=$failed rc
    if ! command -v tmux >/dev/null 2>&1; then
        echo "!!!! repl: tmux is missing (the REPL is tested through a real terminal)"
        failed=$((failed + 1))
        notes+=("repl: tmux missing")
        return
    fi
    echo "---- repl: tests/repl/test_repl.sh $build/aspen"
    bash tests/repl/test_repl.sh "$build/aspen" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    if ! count_from_log '^([0-9]+) passed, ([0-9]+) failed$'; then
        echo "!!!! repl: ended without a summary (exit status $rc)"
        failed=$((failed + 1))
    elif [ "$rc" -ne 0 ] && [ "$failed" -eq "$f0" ]; then
        failed=$((failed + 1))
    fi
    notes+=("repl: $((passed - p0)) passed, $((failed - f0)) failed")
}

wants unit && run_unit
wants golden && run_golden
wants cpython && run_cpython
wants repl && run_repl

echo "==== summary"
printf '  %s\n' "${notes[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
