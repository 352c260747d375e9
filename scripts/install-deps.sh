#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install, from Debian's archive, whatever the tree needs to build and test.
# Idempotent: when every package is present it does nothing (no apt-get
# update, no network), so `make run` and `make test` can call it every time.
set -eu

packages=(
    make
    gcc
    gcc-aarch64-linux-gnu
    binutils-aarch64-linux-gnu
    qemu-system-arm
    qemu-system-x86
    device-tree-compiler
    python3
    python3-kconfiglib
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
        missing+=("$p")
    fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
