#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build a test guest: build.sh arm64|arm64-spin|arm64-hello|x86_64|x86_64-spin
# OUTPUT
#   arm64        the smoke guest, an arm64 Image (raw binary, Image header)
#   arm64-spin   the spinning guest (spin-arm64.S), an arm64 Image
#   arm64-hello  the smallest passing guest (hello-arm64.S), an arm64 Image
#   x86_64       the smoke guest, a PVH ELF
#   x86_64-spin  the spinning guest (spin-x86_64.S), a PVH ELF
set -eu

here=$(cd "$(dirname "$0")" && pwd)
arch=$1 out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $arch in
arm64|arm64-spin|arm64-hello)
    src=smoke-arm64.S
    [ "$arch" = arm64-spin ] && src=spin-arm64.S
    [ "$arch" = arm64-hello ] && src=hello-arm64.S
    aarch64-linux-gnu-gcc -c "$here/$src" -o "$tmp/smoke.o"
    aarch64-linux-gnu-ld -Ttext=0 -o "$tmp/smoke.elf" "$tmp/smoke.o"
    aarch64-linux-gnu-objcopy -O binary "$tmp/smoke.elf" "$out"
    ;;
x86_64|x86_64-spin)
    src=smoke-x86_64.S
    [ "$arch" = x86_64-spin ] && src=spin-x86_64.S
    gcc -c "$here/$src" -o "$tmp/smoke.o"
    ld -m elf_x86_64 -z max-page-size=0x1000 --no-warn-rwx-segments \
        -T "$here/smoke-x86_64.lds" -o "$out" "$tmp/smoke.o"
    ;;
*)
    echo "build.sh: unknown architecture '$arch'" >&2
    exit 2
    ;;
esac
