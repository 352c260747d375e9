#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot an image under QEMU and judge the serial log.
#
#   run-qemu.sh --name NAME --pass REGEX [--expect REGEX]... [--reject REGEX]...
#               [--order REGEX_A REGEX_B]...
#               [--expect-panic] [--exit STATUS] [--timeout SECONDS]
#               [--log-dir DIR] [--ring XEN_SYMS]
#               -- qemu-system-... args...
#
# A run passes only if the --pass line appears, every --expect line
# appears, no --reject line appears, QEMU did not time out, and no panic
# was printed (with --expect-panic a panic is required instead), and,
# with --exit, QEMU exited with that status (x86's isa-debug-exit), and
# for each --order the first line matching A comes before the first
# matching B. The
# serial log is kept in the log directory (default: test-logs/ at the top
# of the tree); a failed run's log is named in the output and its tail
# printed. Prints one line "PASS: qemu: NAME" or "FAIL: qemu: NAME (why)".
#
# --ring is for runs with no console on the serial line: QEMU is told to
# pause when the guest powers off, and the hypervisor's console ring is
# read out of its memory then (qmp-ring.py, with the symbols of XEN_SYMS)
# and added to the log after a "# console ring" line, so it is judged with
# the serial output. A run that does not power off times out as usual.
set -u

name= pass= timeout=30 expect_panic=0 want_exit= ring=
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
log_dir=${TEST_LOG_DIR:-$top/test-logs}
expects=() rejects=() orders=()
panic_re='Panic on CPU [0-9]+'

while [ $# -gt 0 ]; do
    case "$1" in
    --name) name=$2; shift 2 ;;
    --pass) pass=$2; shift 2 ;;
    --expect) expects+=("$2"); shift 2 ;;
    --reject) rejects+=("$2"); shift 2 ;;
    --expect-panic) expect_panic=1; shift ;;
    --timeout) timeout=$2; shift 2 ;;
    --exit) want_exit=$2; shift 2 ;;
    --order) orders+=("$2" "$3"); shift 3 ;;
    --log-dir) log_dir=$2; shift 2 ;;
    --ring) ring=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "run-qemu.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
done

if [ -z "$name" ] || [ -z "$pass" ] || [ $# -eq 0 ]; then
    echo "usage: run-qemu.sh --name NAME --pass REGEX [...] -- qemu args" >&2
    exit 2
fi

mkdir -p "$log_dir"
log=$log_dir/$name.log
{
    printf '# %q' "$@"
    printf '\n'
} > "$log.cmd"

if [ -z "$ring" ]; then
    timeout --foreground -k 5 "$timeout" "$@" < /dev/null > "$log" 2>&1
    rc=$?
else
    qmp=$log_dir/$name.qmp
    rm -f "$qmp"
    "$@" -action shutdown=pause -qmp "unix:$qmp,server=on,wait=off" \
        < /dev/null > "$log" 2>&1 &
    qemu=$!
    python3 "$here/qmp-ring.py" "$qmp" "$ring" "$timeout" "$log.ring" \
        2> "$log.err"
    rc=$?
    [ $rc -eq 0 ] || kill "$qemu" 2> /dev/null
    wait "$qemu"
    cat "$log.err" >> "$log"
    rm -f "$qmp" "$log.err"
    if [ $rc -eq 0 ]; then
        echo "# console ring" >> "$log"
        cat "$log.ring" >> "$log"
    fi
    rm -f "$log.ring"
fi
# The UART sends CR LF; judge (and keep) the log with plain LF.
sed -i 's/\r$//' "$log"

why=
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    why="timed out after ${timeout}s"
elif [ $expect_panic -eq 0 ] && grep -Eq "$panic_re" "$log"; then
    why="hypervisor panicked: $(grep -A1 -E "$panic_re" "$log" | tail -n1)"
elif [ $expect_panic -eq 1 ] && ! grep -Eq "$panic_re" "$log"; then
    why="expected a panic, none printed"
elif ! grep -Eq -- "$pass" "$log"; then
    why="no line matching '$pass' (QEMU exit $rc)"
elif [ -n "$want_exit" ] && [ "$rc" != "$want_exit" ]; then
    why="QEMU exited with status $rc, not $want_exit"
else
    for re in ${expects[@]+"${expects[@]}"}; do
        if ! grep -Eq -- "$re" "$log"; then
            why="no line matching '$re'"
            break
        fi
    done
    set -- ${orders[@]+"${orders[@]}"}
    while [ -z "$why" ] && [ $# -ge 2 ]; do
        a=$(grep -n -E -m1 -- "$1" "$log" | cut -d: -f1)
        b=$(grep -n -E -m1 -- "$2" "$log" | cut -d: -f1)
        if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -ge "$b" ]; then
            why="'$1' (line ${a:-none}) does not come before '$2' (line ${b:-none})"
        fi
        shift 2
    done
    for re in ${rejects[@]+"${rejects[@]}"}; do
        if grep -Eq -- "$re" "$log"; then
            why="unwanted line matching '$re': $(grep -E -m1 -- "$re" "$log")"
            break
        fi
    done
fi

if [ -z "$why" ]; then
    echo "PASS: qemu: $name"
    exit 0
fi

echo "FAIL: qemu: $name ($why)"
echo "  serial log kept in $log; last lines:"
tail -n 15 "$log" | sed 's/^/  | /'
exit 1
