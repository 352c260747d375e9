# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the reference runs (sourced, not run).
#
#   ref_options ARCH DEFAULT_CPU [--test NAME] [--timeout S] [--cpu MODEL]
#               [--fetch-only]
#
# Sets top, logs, name, timeout, cpu, only and fetch_only from the
# options every reference run takes (cpu: XEN_REF_CPU, else DEFAULT_CPU).
#
#   ref_prepare ARCH BOOTARGS
#
# Runs the caller's fetch() unless $xen is there (upstream Xen from $pkg
# into $cache, once), says
# which version it is, stops there with --fetch-only, builds the test
# guest for ARCH, and sets bootargs, name and suffix (--test adds
# "xtest=NAME" and names the run and its checks file after the test).
#
#   fail WHY...    prints "FAIL: reference: <name> (WHY)" and exits 1.
#
#   fetch_deb PKG[:ARCH] CACHE
#
# Downloads a package from Debian's archive (adding ARCH as a foreign
# architecture and running apt-get update only when apt does not know the
# package yet) and unpacks it into CACHE/root, its version in
# CACHE/VERSION. Returns non-zero on any failure.
#
#   record_run ARCH [run-qemu.sh options...]
#
# Boots "${qemu[@]}" under run-qemu.sh (pass on "Test result: SUCCESS",
# the console checks when the console test runs), then writes upstream's
# answer to every check to $logs/xen-4.17-ARCH$suffix.checks and prints
# them. Uses top, logs, name, timeout, only, suffix and qemu from the
# caller. Exits with the run's status.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)

ref_options() {
    local arch=$1
    cpu=${XEN_REF_CPU:-$2}
    shift 2
    logs=${TEST_LOG_DIR:-$top/test-logs}/reference
    name=reference-xen417-$arch
    timeout=60 only= fetch_only=0
    while [ $# -gt 0 ]; do
        case "$1" in
        --test) only=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --cpu) cpu=$2; shift 2 ;;
        --fetch-only) fetch_only=1; shift ;;
        *) echo "xen417-$arch.sh: unknown option '$1'" >&2; exit 2 ;;
        esac
    done
}

fail() {
    echo "FAIL: reference: $name ($*)"
    exit 1
}

ref_prepare() {
    local arch=$1
    if [ ! -f "$xen" ]; then
        echo "reference: fetching $pkg from Debian's archive into $cache"
        fetch || fail "could not fetch $pkg (no $xen)"
    fi
    echo "reference: upstream Xen $(cat "$cache/VERSION" 2>/dev/null) at" \
        "${xen#"$top"/}"
    [ "$fetch_only" -eq 1 ] && exit 0

    make -s -C "$top/tools/tests/guest" "$arch" > /dev/null ||
        fail "cannot build the $arch test guest"
    bootargs=$2
    suffix=
    if [ -n "$only" ]; then
        bootargs="$bootargs xtest=$only"
        name=$name-$only
        suffix=.$only
    fi
}

record_run() {
    local arch=$1 rc log checks results expects=()
    shift

    if [ -z "$only" ] || [ "$only" = console ]; then
        expects+=(--expect '^console: marker XTEST-CONSOLE-7f3a9c$'
                  --expect '^console: partial-AB$'
                  --expect '^console: long-line (0123456789){25}012345 END$'
                  --expect 'console: huge write XTEST-CONSOLE-5e21 END$')
    fi

    mkdir -p "$logs"
    "$top/tools/tests/qemu/run-qemu.sh" --name "$name" --log-dir "$logs" \
        --timeout "$timeout" --pass '^Test result: SUCCESS$' "$@" \
        --expect '^\(XEN\) Xen version 4\.17' \
        --expect '^--- xtest: Xen-ABI test guest ---$' \
        ${expects[@]+"${expects[@]}"} \
        --reject '^CHECK .* \[FAIL' \
        --reject '^xtest: unexpected exception' \
        -- "${qemu[@]}"
    rc=$?
    log=$logs/$name.log

    checks=$logs/xen-4.17-$arch$suffix.checks
    if [ -f "$log" ]; then
        grep '^CHECK ' "$log" | sed -E 's/ \[(ok|info|FAIL[^]]*)\]$//' > "$checks"
        echo "reference: upstream Xen 4.17's answers ($(wc -l < "$checks")" \
            "checks, in ${checks#"$top"/}):"
        sed 's/^/  /' "$checks"
        results=$(grep -c '^Test result:' "$log")
        if [ "$rc" -eq 0 ] && [ "$results" -ne 1 ]; then
            echo "FAIL: reference: $name ($results \"Test result:\" lines, not 1)"
            rc=1
        fi
        grep -E '^(=== [a-z0-9-]+: [A-Z]+ |Summary:|Test result:)' "$log" |
            sed 's/^/  /'
    fi
    exit $rc
}

fetch_deb() {
    local pkg=$1 cache=$2 arch tmp sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    case "$pkg" in
    *:*) arch=${pkg#*:} ;;
    *) arch= ;;
    esac

    if [ -n "$arch" ] && [ "$arch" != "$(dpkg --print-architecture)" ] &&
        ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        $sudo dpkg --add-architecture "$arch" || return 1
    fi
    if ! apt-cache show "$pkg" > /dev/null 2>&1; then
        $sudo apt-get update -q > /dev/null || return 1
    fi
    rm -rf "$cache"
    mkdir -p "$cache/deb"
    # apt's download sandbox user cannot write into a root-owned tree:
    # fetch into a scratch directory and move the file over.
    tmp=$(mktemp -d) || return 1
    chmod 755 "$tmp"
    (cd "$tmp" && apt-get download -q "$pkg" > /dev/null 2>&1) ||
        { rm -rf "$tmp"; return 1; }
    mv "$tmp"/*.deb "$cache/deb/" && rmdir "$tmp" || return 1
    dpkg-deb -x "$cache"/deb/*.deb "$cache/root" || return 1
    dpkg-deb -f "$cache"/deb/*.deb Version > "$cache/VERSION"
}
