#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the freshly built hypervisor under QEMU with a demo set-up that
# shows what it can do today, print its log as it comes, and exit when it
# powers the machine off.
#   run-demo.sh arm64|x86_64
set -eu

arch=${1:-arm64}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/test-logs/demo
mkdir -p "$work"

# The hardware domain's kernel: the smoke guest (tools/tests/qemu/guests),
# which exercises the hypercalls and shuts down; and a stand-in ramdisk.
"$top/tools/tests/qemu/guests/build.sh" "$arch" "$work/kernel.bin"
head -c 16384 /dev/zero > "$work/ramdisk.bin"

case $arch in
arm64)
    image=$top/xen/build-arm64/xen
    set -- qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 \
        -cpu max -smp 4 -m 2G -display none -serial stdio -monitor none \
        -no-reboot -kernel "$image" -append "loglvl=all dom0_mem=128M" \
        -device "guest-loader,addr=0x50000000,kernel=$work/kernel.bin,bootargs=console=hvc0 earlycon" \
        -device "guest-loader,addr=0x51000000,initrd=$work/ramdisk.bin"
    ;;
x86_64)
    image=$top/xen/build-x86_64/xen
    set -- qemu-system-x86_64 -machine q35 -cpu max,-smap -smp 4 -m 1G \
        -display none -serial stdio -monitor none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -kernel "$image" -append "loglvl=all dom0_mem=128M" \
        -initrd "$work/kernel.bin console=hvc0 earlycon,$work/ramdisk.bin"
    ;;
*)
    echo "run-demo.sh: unknown architecture '$arch' (arm64 or x86_64)" >&2
    exit 2
    ;;
esac

echo "+ $*"
# The hypervisor powers the machine off when it is done; the timeout only
# guards against a hang.
status=0
timeout --foreground 60 "$@" < /dev/null || status=$?
case $arch:$status in
arm64:0|x86_64:33) exit 0 ;;
*:124) echo "run-demo.sh: QEMU did not exit within 60 s" >&2; exit 1 ;;
*) exit "$status" ;;
esac
