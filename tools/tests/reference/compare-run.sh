#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The same test guest on upstream Xen 4.17 and on our hypervisor, as the
# hardware domain under the same QEMU, and which checks give the same
# answers.
#
#   compare-run.sh [ARCH...]        default: arm64 x86_64
#
# For each architecture: the reference run (xen417-ARCH.sh records
# upstream's answers), a run of our hypervisor (built first), then
# compare.sh, which lists every check whose answer differs and is not in
# expected-differences.txt (each listed one has its reason there).
# Prints "PASS: compare: ARCH (N same, M expected differences)" or
# "FAIL: compare: ARCH (...)"; exit status 1 if any failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
logs=${TEST_LOG_DIR:-$top/test-logs}/reference
rc=0

ours_arm64() {
    local guest=$top/tools/tests/guest/build/arm64/xtest.bin
    "$top/tools/tests/qemu/run-qemu.sh" --name ours-arm64 --log-dir "$logs" \
        --timeout 60 --pass '^\(d0\) Test result: ' \
        -- qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 \
        -cpu max -m 2G -smp 2 -display none -serial stdio -monitor none \
        -no-reboot -kernel "$top/xen/build-arm64/xen" \
        -append "dom0_mem=512M dom0_max_vcpus=1 loglvl=all" \
        -device "guest-loader,addr=0x50000000,kernel=$guest,bootargs=console=hvc0"
}

ours_x86_64() {
    local guest=$top/tools/tests/guest/build/x86_64/xtest.elf
    "$top/tools/tests/qemu/run-qemu.sh" --name ours-x86_64 --log-dir "$logs" \
        --timeout 60 --pass '^\(d0\) Test result: ' --exit 33 \
        -- qemu-system-x86_64 -machine q35 -cpu max,-smap -m 2G -smp 2 \
        -display none -serial stdio -monitor none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -kernel "$top/xen/build-x86_64/xen" \
        -append "dom0_mem=512M dom0_max_vcpus=1 loglvl=all" \
        -initrd "$guest xtest-exit-port=0xf4"
}

compare_arch() {
    local arch=$1 ref out
    ref=$logs/xen-4.17-$arch.checks

    echo "=== $arch: upstream Xen 4.17"
    if ! bash "$here/xen417-$arch.sh" > "$logs/reference-$arch.out" 2>&1; then
        grep -E '^(FAIL|reference:)' "$logs/reference-$arch.out"
        echo "FAIL: compare: $arch (the reference run failed; see" \
            "${logs#"$top"/}/reference-$arch.out)"
        return 1
    fi
    echo "=== $arch: ours"
    if ! make -s -C "$top/xen" XEN_TARGET_ARCH="$arch" -j"$(nproc)" \
            > /dev/null ||
        ! make -s -C "$top/tools/tests/guest" "$arch" > /dev/null; then
        echo "FAIL: compare: $arch (cannot build)"
        return 1
    fi
    "ours_$arch" | sed 's/^/  /'
    echo "=== $arch: answers that differ"
    out=$(bash "$here/compare.sh" "$ref" "$logs/ours-$arch.log")
    local status=$?
    echo "$out" | sed 's/^/  /'
    if [ $status -eq 0 ]; then
        echo "PASS: compare: $arch ($(echo "$out" | tail -n 1))"
    else
        echo "FAIL: compare: $arch ($(echo "$out" | tail -n 1))"
    fi
    return $status
}

mkdir -p "$logs"
[ $# -gt 0 ] || set -- arm64 x86_64
for arch in "$@"; do
    case "$arch" in
    arm64|x86_64) compare_arch "$arch" || rc=1 ;;
    *) echo "compare-run.sh: unknown architecture '$arch'" >&2; rc=2 ;;
    esac
done
exit $rc
