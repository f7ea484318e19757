#!/usr/bin/env bash
# test_repl.sh — drive Aspen's interactive REPL as a person would (keystrokes into a terminal,
# through tmux) and compare what the screen shows with CPython 3.11's REPL (`python3 -q`, or
# `python3 -m asyncio` for top-level await) given the same keystrokes, modulo the banner.
#
# usage: tests/repl/test_repl.sh [path/to/aspen]      (default: build/aspen)
# Prints "N passed, N failed"; exits 1 when anything failed (2 when tmux is missing).
# VERBOSE=1 shows both screens of a failing scenario.

ASPEN=${1:-build/aspen}
ASPEN=$(cd "$(dirname "$ASPEN")" && pwd)/$(basename "$ASPEN")
PY=${PYTHON:-python3}
command -v tmux >/dev/null || { echo "tmux not found"; exit 2; }
[ -x "$ASPEN" ] || { echo "no aspen at $ASPEN"; exit 2; }

WORK=$(mktemp -d /tmp/aspen_repl_test.XXXXXX)
SOCK="aspen_repl_test_$$"                # a private tmux server: other sessions are untouched
T="tmux -L $SOCK"
trap '$T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
$T new-session -d -s keeper "sleep 100000"   # keeps the server up between scenarios
nhome=0                                  # each REPL gets a fresh $HOME: no history carried over
export HOME="$WORK/home0"
mkdir -p "$HOME"
unset PYTHONSTARTUP
export TERM=xterm-256color

passed=0; failed=0

screen() { $T capture-pane -t repl -p -S - 2>/dev/null; }

# Wait until the screen has not changed for a moment (the interpreter is idle).
settle() {
    local prev="" cur i
    for i in $(seq 1 60); do
        sleep 0.08
        cur=$(screen)
        [ "$cur" = "$prev" ] && [ $i -gt 1 ] && return
        prev=$cur
    done
}

k() { $T send-keys -t repl "$@"; settle; }          # keys, then wait for the output
line() { $T send-keys -t repl -l "$1"; $T send-keys -t repl Enter; settle; }   # a typed line

# start CMD: a fresh terminal running CMD (with no history from earlier scenarios) once it
# shows its first prompt; its exit status is shown when it ends
start() {
    $T kill-session -t repl 2>/dev/null
    if [ "$1" != keep ]; then nhome=$((nhome + 1)); HOME="$WORK/home$nhome"; mkdir -p "$HOME"; fi
    $T new-session -d -s repl -x 100 -y 60 -e HOME="$HOME" "${2:-$1}; echo \"[exit \$?]\"; sleep 60"
    for i in $(seq 1 100); do screen | grep -q '^>>>' && break; sleep 0.05; done
    settle
}

# The transcript from the first prompt on: drops the banner and trailing blank lines.
transcript() {
    screen | awk 'BEGIN{on=0} /^>>>/{on=1} on' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

check() {   # check NAME EXPECTED ACTUAL
    if [ "$2" == "$3" ]; then
        passed=$((passed + 1)); echo "ok   $1"
    else
        failed=$((failed + 1)); echo "FAIL $1"
        if [ -n "$VERBOSE" ]; then
            echo "--- expected"; printf '%s\n' "$2"; echo "--- aspen"; printf '%s\n' "$3"
        else
            diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20
        fi
    fi
}

# compare NAME SCENARIO [PYTHON_CMD]: run the scenario's keystrokes in both REPLs
compare() {
    local pycmd=${3:-"$PY -q"} want got
    start "$pycmd"; $2; want=$(transcript)
    start "$ASPEN"; $2; got=$(transcript)
    check "$1" "$want" "$got"
}

# ---- scenarios: keystrokes only ----

s_expressions() {
    line '1 + 2'; line '_ * 10'; line "'ab' * 3"; line '[1, 2.5, None, "x", (1,)]'
    line 'x = 7'; line 'x'; line 'None'; line '_'; line '{"k": [x, x]}'
}
s_blocks() {
    line 'def f(n):'; line '    """Double n."""'; line '    return n * 2'; line ''
    line 'f(21)'
    line 'for i in range(4):'; line '    if i % 2:'; line "        print('odd', i)"
    line '    else:'; line "        print('even', i)"; line ''
    line 'if x := 3: print(x)'; line ''
    line 'class A:'; line '    def __repr__(self):'; line "        return 'A()'"; line ''; line 'A()'
    line 'xs = [1,'; line ''; line '      2]'; line 'xs'
    line 's = """one'; line 'two"""'; line 's'
    line 'y = 1 + \'; line '2'; line 'y'
    line '# just a comment'; line '   '
}
s_exceptions() {
    line '1/0'
    line 'def g():'; line '    return {}["k"]'; line ''; line 'g()'
    line 'undefined_name'
    line 'raise ValueError("bad")'
    line 'try:'; line '    1/0'; line 'except ZeroDivisionError as e:'; line '    print("caught", e)'; line ''
    line '"still alive"'
}
s_syntax_errors() {
    line '1 +'; line 'x = )'; line 'def h():'; line ''
    line 'if 1:'; line '    1 +'
    line 'if 1:'; line '    pass'; line 'z = 5'
    line 'for q in []:'; line '    return'; line ''
    line '"ok"'
}
s_history() {
    line "print('again')"; k Up; k Enter; k Up; k Up; k Enter
}
s_ctrl_c_prompt() {
    $T send-keys -t repl -l 'abc'; settle; k C-c
    line 'if 1:'; $T send-keys -t repl -l '    half'; settle; k C-c
    line '1 + 1'
}
s_ctrl_c_running() {
    line 'n = 0'; line 'while True: n += 1'; line ''; sleep 0.5; k C-c
    line 'n > 0'
    line 'def spin():'; line '    while True: pass'; line ''; line 'spin()'; sleep 0.5; k C-c
    line '"after"'
}
s_ctrl_d() { line 'x = 1'; k C-d; }
s_ctrl_d_block() { line 'if 1:'; line '    print("in block")'; k C-d; line '"next"'; k C-d; }
s_exit() { line 'exit'; line 'exit(3)'; }
s_quit() { line 'quit()'; }
s_exit_msg() { line 'raise SystemExit("bye")'; }
s_completion() {
    line 'items = [3]'; $T send-keys -t repl -l 'items.app'; k Tab; $T send-keys -t repl -l '4)'; k Enter
    line 'items'
    $T send-keys -t repl -l 'pri'; k Tab; $T send-keys -t repl -l '"done")'; k Enter
    line 'if 1:'; k Tab; $T send-keys -t repl -l 'print("tab")'; k Enter; k Enter
}
s_await() {
    line 'import asyncio'
    line 'await asyncio.sleep(0.1)'
    line 'async def twice(x):'; line '    await asyncio.sleep(0.01)'; line '    return x * 2'; line ''
    line 'await asyncio.gather(twice(1), twice(2), twice(3))'
    line 'r = await twice(21)'; line 'r'
    line 'async def boom():'; line '    raise KeyError("k")'; line ''
    line 'try:'; line '    await boom()'; line 'except KeyError as e:'; line '    print("caught", repr(e))'; line ''
    line 't = asyncio.ensure_future(twice(5))'; line 'await asyncio.sleep(0.05)'; line 't.result()'
    line 'n = 0'
    line 'async def tick():'; line '    global n'; line '    while True:'; line '        n += 1'
    line '        await asyncio.sleep(0.01)'; line ''
    line 'bg = asyncio.create_task(tick()); await asyncio.sleep(0.1); n > 3'
    line 'n1 = n; await asyncio.sleep(0.1); n > n1'
    line 'bg.cancel()'
    line 'await asyncio.wait_for(asyncio.sleep(10), 0.05)'
}

compare expressions s_expressions
compare blocks s_blocks
compare exceptions s_exceptions
compare syntax_errors s_syntax_errors
compare history_up s_history
compare ctrl_c_at_prompt s_ctrl_c_prompt
compare ctrl_c_interrupts_loop s_ctrl_c_running
compare ctrl_d_exits s_ctrl_d
compare ctrl_d_ends_block s_ctrl_d_block
compare exit s_exit
compare quit s_quit
compare exit_message s_exit_msg
compare tab_completion s_completion

# Top-level await: CPython's own REPL refuses it; `python3 -m asyncio` is the reference. Its
# tracebacks go through its own console code, so only the lines before the last input compare.
start "$PY -m asyncio"; s_await; want=$(transcript | sed -e '1{/^>>> import asyncio$/d}' -e '/wait_for/,$d')   # its banner ends with ">>> import asyncio"
start "$ASPEN"; s_await; got=$(transcript)
check top_level_await "$want" "$(printf '%s\n' "$got" | sed '/wait_for/,$d')"
check top_level_await_timeout "TimeoutError" "$(printf '%s\n' "$got" | sed -n '/wait_for/,$p' | grep -o '^TimeoutError' | head -1)"

# Beyond `python3 -m asyncio`: asyncio.run() still works at the prompt (the session loop is not
# running between inputs), and Ctrl-C stops an awaited coroutine without ending the session.
start "$ASPEN"
line 'import asyncio'; line 'async def main():'; line '    return 42'; line ''
line 'await main()'; line 'asyncio.run(main())'; line 'await asyncio.sleep(30)'; sleep 0.3; k C-c
line 'await asyncio.sleep(0.01); "alive"'
check asyncio_run_and_ctrl_c "$(printf '%s\n' '>>> await main()' 42 '>>> asyncio.run(main())' 42 '>>> await asyncio.sleep(30)' '^CKeyboardInterrupt' '>>> await asyncio.sleep(0.01); "alive"' "'alive'" '>>>')" "$(transcript | sed -n '/^>>> await main/,$p')"

# The banner, and the history file written at exit.
start "$ASPEN"; line 'print("saved line")'; k C-d
check banner 'Aspen 0.1 (Python 3.11 subset) on linux' "$(screen | head -1)"
check history_file 'print("saved line")' "$(tail -1 "$HOME/.aspen_history" 2>/dev/null)"
start keep "$ASPEN"; k Up; k Enter
check history_reloaded 'saved line' "$(transcript | sed -n 2p)"

# Not a terminal: stdin is the script, as with `python3 < file`.
printf 'import sys\nprint("from stdin", sys.argv)\nx = [1]\nx[3]\n' > "$WORK/script.as"
want=$($PY < "$WORK/script.as" 2>&1; echo "[exit $?]")
got=$("$ASPEN" < "$WORK/script.as" 2>&1; echo "[exit $?]")
check stdin_script "$want" "$got"
printf 'print("a")\nx = = 1\n' > "$WORK/bad.as"
check stdin_syntax_error "$($PY < "$WORK/bad.as" 2>&1; echo "[exit $?]")" "$("$ASPEN" < "$WORK/bad.as" 2>&1; echo "[exit $?]")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
