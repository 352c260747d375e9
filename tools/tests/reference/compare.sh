#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Diff a test guest's answers against upstream Xen's.
#
#   compare.sh REFERENCE.checks OURS.checks|OURS.log
#
# Both files hold "CHECK <test>.<name> = <value>" lines (a serial log is
# filtered to them). Checks named in expected-differences.txt (exact
# names, or patterns where '*' matches any run of characters) may
# differ; any other check whose value differs, or that only one side has, is reported. Exit status 1 if
# any unexpected difference was found.
set -u

here=$(cd "$(dirname "$0")" && pwd)
allow=$here/expected-differences.txt

if [ $# -ne 2 ]; then
    echo "usage: compare.sh REFERENCE.checks OURS.checks|OURS.log" >&2
    exit 2
fi

norm() {
    # Serial logs end lines in CR and prefix guest output with "(dN) ".
    sed -E 's/\r$//; s/^\(d[0-9]+\) //' "$1" | grep '^CHECK ' |
        sed -E 's/ \[(ok|info|FAIL[^]]*)\]$//' |
        sed -E 's/^CHECK ([^ ]+) = (.*)$/\1\t\2/' |
        sort -t "$(printf '\t')" -k1,1
}

awk -F '\t' -v allowfile="$allow" '
    BEGIN {
        while ( (getline line < allowfile) > 0 ) {
            sub(/#.*/, "", line)
            split(line, f, /[ \t]+/)
            if ( f[1] != "" )
                allowed[f[1]] = 1
        }
    }
    function glob_re(p) {
        gsub(/\./, "\\.", p)
        gsub(/\*/, ".*", p)
        return "^" p "$"
    }
    function is_allowed(name,    p) {
        if ( name in allowed )
            return 1
        for ( p in allowed )
            if ( index(p, "*") && name ~ glob_re(p) )
                return 1
        return 0
    }
    FNR == NR { ref[$1] = $2; next }
    { ours[$1] = $2 }
    END {
        bad = 0; same = 0; expected = 0
        for ( n in ref ) {
            if ( !(n in ours) ) {
                if ( is_allowed(n) ) { expected++; continue }
                printf "MISSING  %s (upstream: %s)\n", n, ref[n]; bad++
            } else if ( ref[n] != ours[n] ) {
                if ( is_allowed(n) ) { expected++; continue }
                printf "DIFFERS  %s: upstream %s, ours %s\n", n, ref[n],
                    ours[n]
                bad++
            } else
                same++
        }
        for ( n in ours )
            if ( !(n in ref) && !is_allowed(n) ) {
                printf "EXTRA    %s = %s (upstream has no such check)\n", n,
                    ours[n]
                bad++
            }
        printf "%d same, %d expected differences, %d unexpected\n", same,
            expected, bad
        exit bad != 0
    }
' <(norm "$1") <(norm "$2")
