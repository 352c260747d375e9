# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the per-architecture QEMU suites (sourced, not run).
#   suite_setup ARCH [IMAGE]   sets here, top, xen (the image), work, rc
#   run --name NAME ...        one run-qemu.sh test, unless TEST_FILTER
#                              (a regex on "qemu: NAME") leaves it out
#   suite_end                  exit with the suite's status

suite_setup() {
    local arch=$1
    here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
    top=$(cd "$here/../../.." && pwd)
    xen=${2:-$top/xen/build-$arch/xen}
    work=$top/test-logs/$arch-work
    rc=0
    mkdir -p "$work"
    if [ ! -f "$xen" ]; then
        echo "FAIL: qemu: $arch (no image at $xen)"
        exit 1
    fi
    # Two stand-in boot modules for the tests that pass modules.
    head -c 12288 /dev/zero > "$work/kernel.bin"
    head -c 4096 /dev/zero > "$work/ramdisk.bin"
}

run() {
    if [ -n "${TEST_FILTER:-}" ] && ! [[ "qemu: $2" =~ $TEST_FILTER ]]; then
        return
    fi
    "$here/run-qemu.sh" "$@" || rc=1
}

suite_end() {
    exit "$rc"
}

# guest_expects DOMAINS...: sets the array guest_args to the run-qemu.sh
# options every run of the test guests (tools/tests/guest) has: each
# domain printed "Test result: SUCCESS", no check failed, the console
# test's lines arrived (from d0), the control bytes in its last line
# arrived as sent from d0 (the hardware domain) and were dropped from
# every other domain's, and every page came back.
guest_expects() {
    local d
    guest_args=(--reject '^\(d[0-9]+\) CHECK .* \[FAIL'
                --expect '^\(d0\) console: marker XTEST-CONSOLE-7f3a9c$'
                --expect '^\(d0\) console: partial-AB$'
                --expect '^\(d0\) console: long-line (0123456789){25}012345 END$'
                --expect '^\(XEN\) Memory check: every page came back')
    for d in "$@"; do
        guest_args+=(--expect "^\\(d$d\\) Test result: SUCCESS\$")
        if [ "$d" = 0 ]; then
            guest_args+=(--expect $'^\\(d0\\) console: raw A\e\\[7mB\e\\[0mC\aD END$')
        else
            guest_args+=(--expect "^\\(d$d\\) console: filter A\\[7mB\\[0mCDEFGH"$'\t'"I END\$")
        fi
    done
}

# guest_results NAME DOMAINS...: after a run of the test guests
# (tools/tests/guest), one PASS:/FAIL: line per test each domain ran
# ("PASS: xtest: NAME d1 hostile"), and a FAIL for a domain that did not
# print exactly one "Test result:" line.
guest_results() {
    local name=$1 log=$top/test-logs/$1.log d n t status
    shift
    if [ -n "${TEST_FILTER:-}" ] && ! [[ "qemu: $name" =~ $TEST_FILTER ]]; then
        return
    fi
    for d in "$@"; do
        n=0
        if [ -f "$log" ]; then
            while read -r t status; do
                case "$status" in
                SUCCESS|SKIP) echo "PASS: xtest: $name d$d $t" ;;
                *) echo "FAIL: xtest: $name d$d $t ($status)"; rc=1 ;;
                esac
            done < <(sed -nE "s/^\\(d$d\\) === ([a-z0-9-]+): ([A-Z]+) .*/\\1 \\2/p" "$log")
            n=$(grep -c "^(d$d) Test result: " "$log")
        fi
        if [ "$n" -ne 1 ]; then
            echo "FAIL: xtest: $name d$d ($n \"Test result:\" lines, not 1)"
            rc=1
        fi
    done
}
