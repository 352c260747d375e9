#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The reference run: upstream Xen 4.17 (Debian's xen-hypervisor-4.17-arm64)
# booted under qemu-system-aarch64, running our arm64 test guest
# (tools/tests/guest) as its dom0.
#
#   xen417-arm64.sh [--test NAME] [--timeout S] [--cpu MODEL] [--fetch-only]
#
# 1. Fetches the package once into .cache/reference/ at the top of the
#    tree (dpkg --add-architecture arm64, apt-get update only when apt
#    does not know the package yet, apt-get download, dpkg-deb -x).
# 2. Builds the guest and boots it under tools/tests/qemu/run-qemu.sh,
#    which passes the run only on "Test result: SUCCESS" and fails it on
#    a timeout or a Xen panic.
# 3. Checks that the console lines the guest wrote arrived, that exactly
#    one "Test result:" line was printed and no CHECK failed, then writes
#    upstream's answer to every check, one "CHECK <test>.<name> = <value>"
#    line each, to test-logs/reference/xen-4.17-arm64.checks and prints
#    them. compare.sh diffs another run's answers against that file.
#
# Exit status 0 when the run passed. Prints "PASS: reference: ..." or
# "FAIL: reference: ... (why)" like the other suites.
set -u
. "$(dirname "$0")/lib.sh"

top=$(cd "$(dirname "$0")/../../.." && pwd)
here=$top/tools/tests/reference
cache=$top/.cache/reference/xen-4.17-arm64
pkg=xen-hypervisor-4.17-arm64
xen=$cache/root/boot/xen-4.17-arm64
guest=$top/tools/tests/guest/build/arm64/xtest.bin
logs=${TEST_LOG_DIR:-$top/test-logs}/reference
name=reference-xen417-arm64
timeout=60 cpu=${XEN_REF_CPU:-max} only= fetch_only=0

while [ $# -gt 0 ]; do
    case "$1" in
    --test) only=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --cpu) cpu=$2; shift 2 ;;
    --fetch-only) fetch_only=1; shift ;;
    *) echo "xen417-arm64.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
done

fail() {
    echo "FAIL: reference: $name ($*)"
    exit 1
}

# 1. Upstream Xen, once.
fetch() {
    [ -f "$xen" ] && return 0
    echo "reference: fetching $pkg from Debian's archive into $cache"
    fetch_deb "$pkg:arm64" "$cache" && [ -f "$xen" ]
}

fetch || fail "could not fetch $pkg (no $xen)"
echo "reference: upstream Xen $(cat "$cache/VERSION" 2>/dev/null) at" \
    "${xen#"$top"/}"
[ $fetch_only -eq 1 ] && exit 0

# 2. The guest, then the run.
make -s -C "$top/tools/tests/guest" arm64 > /dev/null ||
    fail "cannot build the arm64 test guest"

bootargs="console=hvc0"
suffix=
if [ -n "$only" ]; then
    bootargs="$bootargs xtest=$only"
    name=$name-$only
    suffix=.$only
fi

# QEMU puts the DTB at RAM base + 128 MiB (0x48000000) and Xen's Image at
# 0x40200000; the guest goes well above both. Xen copies it into dom0's
# memory. Its command line: the console is the DT's stdout-path (QEMU's
# tree has no "serial0" alias, so "dtuart=serial0" would leave Xen with
# no console at all); noreboot keeps a crashed machine (and its log)
# until the timeout instead of rebooting into a loop.
xen_args="dom0_mem=512M dom0_max_vcpus=1 console=dtuart"
xen_args="$xen_args dtuart=/pl011@9000000 loglvl=all guest_loglvl=all"
xen_args="$xen_args noreboot"
qemu=(qemu-system-aarch64 -M virt,virtualization=on,gic-version=3
      -cpu "$cpu" -m 2G -smp 2 -display none -serial stdio -monitor none
      -no-reboot -kernel "$xen" -append "$xen_args"
      -device "guest-loader,addr=0x50000000,kernel=$guest,bootargs=$bootargs")

# 3. Run, and record upstream's answers.
record_run arm64
