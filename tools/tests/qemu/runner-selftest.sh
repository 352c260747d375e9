#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Check run-qemu.sh's verdicts with stand-in "QEMU" commands: it must pass
# only on the marker, and fail on a timeout, a panic or a missing line.
set -u

here=$(cd "$(dirname "$0")" && pwd)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
rc=0

# verdict WANT NAME ARGS...: run the runner, compare its exit status.
verdict() {
    local want=$1 name=$2 got
    shift 2
    if [ -n "${TEST_FILTER:-}" ] && ! [[ "runner: $name" =~ $TEST_FILTER ]]; then
        return
    fi
    if "$here/run-qemu.sh" --name "$name" --log-dir "$logs" "$@" > "$logs/out" 2>&1; then
        got=pass
    else
        got=fail
    fi
    if [ "$got" = "$want" ]; then
        echo "PASS: runner: $name"
    else
        echo "FAIL: runner: $name (runner said $got, wanted $want)"
        sed 's/^/  | /' "$logs/out"
        rc=1
    fi
}

ok='printf "(XEN) boot\r\n(XEN) Powering off\r\n"'
verdict pass marker-present --pass '^\(XEN\) Powering off$' -- sh -c "$ok"
verdict fail marker-missing --pass 'Powering off' -- sh -c 'echo "(XEN) boot"'
verdict fail timeout --timeout 1 --pass 'never' -- sh -c 'sleep 20'
verdict fail timeout-after-marker --timeout 1 --pass 'Powering off' \
    -- sh -c 'echo "Powering off"; sleep 20'
verdict fail panic --pass 'Powering off' \
    -- sh -c 'printf "(XEN) Panic on CPU 0:\n(XEN) oops\n(XEN) Powering off\n"'
verdict pass expected-panic --expect-panic --pass 'oops' \
    -- sh -c 'printf "(XEN) Panic on CPU 1:\n(XEN) oops\n"'
verdict fail expected-panic-missing --expect-panic --pass 'Powering off' \
    -- sh -c "$ok"
verdict fail expect-missing --pass 'Powering off' --expect 'not there' \
    -- sh -c "$ok"
verdict fail reject-present --pass 'Powering off' --reject 'boot' \
    -- sh -c "$ok"
verdict pass exit-status-matches --exit 33 --pass 'Powering off' \
    -- sh -c "$ok; exit 33"
verdict fail exit-status-differs --exit 33 --pass 'Powering off' \
    -- sh -c "$ok; exit 35"
verdict pass order-kept --order 'boot' 'Powering off' --pass 'Powering off' \
    -- sh -c "$ok"
verdict fail order-broken --order 'Powering off' 'boot' --pass 'Powering off' \
    -- sh -c "$ok"
verdict fail log-kept-on-failure --pass 'x' -- sh -c 'echo kept-line'
if [ -n "${TEST_FILTER:-}" ] && ! [[ "runner: failed-log-has-serial-output" =~ $TEST_FILTER ]]; then
    :
elif grep -q kept-line "$logs/log-kept-on-failure.log"; then
    echo "PASS: runner: failed-log-has-serial-output"
else
    echo "FAIL: runner: failed-log-has-serial-output"
    rc=1
fi

exit $rc
