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

cache=$top/.cache/reference/xen-4.17-arm64
pkg=xen-hypervisor-4.17-arm64
xen=$cache/root/boot/xen-4.17-arm64
guest=$top/tools/tests/guest/build/arm64/xtest.bin
ref_options arm64 max "$@"

# 1. Upstream Xen, once.
fetch() {
    fetch_deb "$pkg:arm64" "$cache" && [ -f "$xen" ]
}

# 2. The guest, then the run.
ref_prepare arm64 "console=hvc0"

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
