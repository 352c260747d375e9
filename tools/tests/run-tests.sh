#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run every test of the tree and print one summary line:
#   N passed, M failed
# Suites: host unit tests, the QEMU runner's self-test, the build matrix,
# then the QEMU boot tests of each architecture (the test guests among
# them), then the test guests' answers compared with upstream Xen 4.17's
# (tools/tests/reference/compare-run.sh). Every test prints
# "PASS: <suite>: <name>" or "FAIL: <suite>: <name> (why)".
#
#   run-tests.sh [REGEX]   only tests whose "<suite>: <name>" matches
#
# Logs go to test-logs/ at the top of the tree. Exit status 1 if anything
# failed (or nothing ran).
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tools/tests
export TEST_FILTER=${1:-}
logs=$top/test-logs
mkdir -p "$logs"
results=$logs/results.txt
: > "$results"

# suite NAME COMMAND...: run a suite, show its lines, keep its verdicts. A
# suite that fails without a FAIL: line of its own counts as one failure.
suite() {
    local name=$1 out=$logs/suite-$1.out status
    shift
    echo "=== $name"
    "$@" > "$out" 2>&1
    status=$?
    grep -E '^(PASS|FAIL): ' "$out" >> "$results"
    grep -E -v '^PASS: ' "$out" | grep -E '^(FAIL|  )' || true
    grep -c '^PASS: ' "$out" | sed 's/^/  passed: /'
    if [ $status -ne 0 ] && ! grep -q '^FAIL: ' "$out"; then
        echo "FAIL: $name: suite exited with status $status (see $out)" |
            tee -a "$results"
        tail -n 20 "$out" | sed 's/^/  | /'
    fi
}

unit_tests() {
    make -s -C "$here/unit" all > /dev/null || return 1
    local rc=0 t
    for t in "$here"/unit/build/test-*; do
        [ -x "$t" ] || continue
        (cd "$here/unit" && "$t") || rc=1
    done
    return $rc
}

arch_suite() {
    local arch=$1
    make -s -C "$top/xen" XEN_TARGET_ARCH="$arch" -j"$(nproc)" > /dev/null || return 1
    "$here/qemu/$arch.sh"
}

suite unit unit_tests
suite runner "$here/qemu/runner-selftest.sh"
suite build "$here/build/build-matrix.sh"
suite qemu-arm64 arch_suite arm64
if [ -x "$here/qemu/x86_64.sh" ]; then
    suite qemu-x86_64 arch_suite x86_64
fi
# The test guests' answers against upstream Xen 4.17's (Debian's package,
# fetched once into .cache/); a filter leaves this out unless it names it.
if [ -z "$TEST_FILTER" ] || [[ "compare" =~ $TEST_FILTER ]]; then
    suite compare "$here/reference/compare-run.sh"
fi

passed=$(grep -c '^PASS: ' "$results")
failed=$(grep -c '^FAIL: ' "$results")
echo
if [ "$failed" -ne 0 ]; then
    echo "Failed tests:"
    grep '^FAIL: ' "$results" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
