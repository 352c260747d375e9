#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The x86_64 reference run: upstream Xen 4.17 (Debian's
# xen-hypervisor-4.17-amd64) booted under qemu-system-x86_64 (q35, TCG's
# SVM with nested paging), running our PVH test guest as a PVH dom0.
# Same steps and outputs as xen417-arm64.sh; not part of `make reference`.
#
#   xen417-x86_64.sh [--test NAME] [--timeout S] [--cpu MODEL] [--fetch-only]
#
# 1. Fetches the package once into .cache/reference/ at the top of the
#    tree (apt-get update only when apt does not know the package yet,
#    apt-get download, dpkg-deb -x, gunzip).
# 2. Builds the guest and boots it under tools/tests/qemu/run-qemu.sh,
#    which passes the run only on "Test result: SUCCESS" and fails it on
#    a timeout or a Xen panic.
# 3. Checks that the console lines the guest wrote arrived, that exactly
#    one "Test result:" line was printed and no CHECK failed, then writes
#    upstream's answer to every check, one "CHECK <test>.<name> = <value>"
#    line each, to test-logs/reference/xen-4.17-x86_64.checks and prints
#    them. compare.sh diffs another run's answers against that file.
#
# Exit status 0 when the run passed. Prints "PASS: reference: ..." or
# "FAIL: reference: ... (why)" like the other suites.
set -u
. "$(dirname "$0")/lib.sh"

cache=$top/.cache/reference/xen-4.17-amd64
pkg=xen-hypervisor-4.17-amd64
xen=$cache/xen-4.17-amd64
guest=$top/tools/tests/guest/build/x86_64/xtest.elf
ref_options x86_64 max,-smap "$@"

# 1. Upstream Xen, once (QEMU's multiboot loader does not take a gzipped
#    image).
fetch() {
    fetch_deb "$pkg" "$cache" || return 1
    gunzip -c "$cache/root/boot/xen-4.17-amd64.gz" > "$xen" || return 1
    [ -f "$xen" ]
}

# 2. The guest, then the run.
# Xen 4.17 halts (and QEMU keeps running) when dom0 powers off, so the
# guest writes its status to isa-debug-exit just before SCHEDOP_shutdown.
ref_prepare x86_64 "xtest-exit-port=0xf4"

# Multiboot v1: the first module is dom0's kernel, with its command line.
# "dom0=pvh" makes it a PVH dom0 (Debian's Xen has no PV shim for it).
xen_args="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all"
xen_args="$xen_args noreboot dom0=pvh dom0_mem=512M dom0_max_vcpus=1"
xen_args="$xen_args dom0-iommu=none"
qemu=(qemu-system-x86_64 -machine q35 -cpu "$cpu" -m 2G -smp 2
      -display none -serial stdio -monitor none -no-reboot
      -device isa-debug-exit,iobase=0xf4,iosize=0x04
      -kernel "$xen" -append "$xen_args" -initrd "$guest $bootargs")

# 3. Run, and record upstream's answers.
record_run x86_64 --exit 3
