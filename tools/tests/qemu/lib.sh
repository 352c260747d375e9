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
