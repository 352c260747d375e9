#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the hypervisor for every architecture in several configurations:
#   default  the architecture's defconfig (debug build)
#   release  defconfig with CONFIG_DEBUG off (and so no lock-order checker:
#            no lock_order_* symbol may be in its image)
#   minimal  allnoconfig: every optional feature off
# Each build goes to test-logs/build-<arch>-<config>/ (the release image is
# booted by the QEMU suites). One PASS:/FAIL: line per build.
set -u

top=$(cd "$(dirname "$0")/../../.." && pwd)
filter=${TEST_FILTER:-}
jobs=${JOBS:-$(nproc)}
rc=0

arches=(arm64)
[ -f "$top/xen/arch/x86/Kconfig" ] && arches+=(x86_64)

configure() {
    local arch=$1 cfg=$2 out=$3
    case $cfg in
    default) make -s -C "$top/xen" XEN_TARGET_ARCH="$arch" O="$out" defconfig ;;
    minimal) make -s -C "$top/xen" XEN_TARGET_ARCH="$arch" O="$out" allnoconfig ;;
    release)
        make -s -C "$top/xen" XEN_TARGET_ARCH="$arch" O="$out" defconfig &&
        sed -i '/^CONFIG_DEBUG=/d; /CONFIG_DEBUG is not set/d' "$out/.config" &&
        echo '# CONFIG_DEBUG is not set' >> "$out/.config" &&
        make -s -C "$top/xen" XEN_TARGET_ARCH="$arch" O="$out" olddefconfig ;;
    esac
}

for arch in "${arches[@]}"; do
    for cfg in default release minimal; do
        name="build: $arch-$cfg"
        if [ -n "$filter" ] && ! [[ "$name" =~ $filter ]]; then
            continue
        fi
        out=$top/test-logs/build-$arch-$cfg
        log=$top/test-logs/build-$arch-$cfg.log
        rm -rf "$out"
        mkdir -p "$out"
        if configure "$arch" "$cfg" "$out" > "$log" 2>&1 &&
           make -C "$top/xen" XEN_TARGET_ARCH="$arch" O="$out" -j"$jobs" >> "$log" 2>&1 &&
           [ -s "$out/xen" ]; then
            if [ "$cfg" = release ] && grep -q '^CONFIG_DEBUG=y' "$out/.config"; then
                echo "FAIL: $name (CONFIG_DEBUG still on)"
                rc=1
            elif [ "$cfg" = release ] &&
                 readelf -sW "$out/xen-syms" | grep -q " lock_order_"; then
                echo "FAIL: $name (the lock-order checker is in the image)"
                rc=1
            else
                echo "PASS: $name"
            fi
        else
            echo "FAIL: $name (log: $log)"
            tail -n 15 "$log" | sed 's/^/  | /'
            rc=1
        fi
    done
done

exit $rc
