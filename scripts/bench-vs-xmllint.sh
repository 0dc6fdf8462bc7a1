#!/usr/bin/env bash
# Times `vsslint --format json` against `xmllint --noout` (well-formedness only) on the same
# inputs, in one run:
#   1. the System writer document (2.1 MB, one line: the yardstick);
#   2. a directory of 2,000 small real-size documents, made from the corpus's small writer
#      metadata documents by varying their instance IDs;
#   3. a document ten times the System writer's (its components repeated), for linearity;
#   4. a document of 150,000 file sets, each with recursive="1": 150,000 findings;
# and measures peak memory on the first and the fourth. Prints each figure against its target:
#   vsslint ≤ 0.55× xmllint's time on (1) and ≤ 0.6× on (2); ≤ 64 MB peak RSS on (1);
#   (3) in ≤ 12× the time of (1); ≤ 200 MB peak RSS on (4) with --format json and sarif.
#
# Usage: scripts/bench-vs-xmllint.sh [--check]
#   --check  exit 1 when a target is missed
# Environment: CORPUS (default ../shared/corpus/diskshadow-ws2012-sql2017), RUNS (runs of
# each command, default 60), NO_HYPERFINE=1 to time with the shell loop even when hyperfine
# is installed, BASELINE=path of another vsslint binary (an earlier build) to time in the
# same rounds and compare with.
# Needs xmllint (libxml2-utils), GNU time, python3 and shuf (coreutils); uses hyperfine when installed (and
# installs it as root where apt-get can), a `date +%s%N` loop otherwise. Times are medians.
set -euo pipefail

cd "$(dirname "$0")/.."
CHECK=0
[[ "${1:-}" == "--check" ]] && CHECK=1
CORPUS=${CORPUS:-../shared/corpus/diskshadow-ws2012-sql2017}
RUNS=${RUNS:-60}
SYSTEM="$CORPUS/WM3.xml"

if [[ ! -f "$SYSTEM" ]]; then
    echo "skipped: $SYSTEM is absent (set CORPUS to the folder with WM3.xml)" >&2
    exit 0
fi
# Whether Debian packages can be installed here (root, apt-get), and installing them (the
# package lists refreshed once if the first try fails): true when it worked.
can_install() { [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; }
apt_install() {
    apt-get install -y -qq "$@" >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null 2>&1; }
}
missing=()
command -v xmllint >/dev/null || missing+=(libxml2-utils)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})) && ! { can_install && apt_install "${missing[@]}"; }; then
    echo "needs: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 2
fi
# hyperfine starts each command itself, where the shell loop adds a fork and a `date` to
# every run of both tools (about a millisecond, which pulls every ratio toward 1): installed
# when it can be, the loop otherwise.
if [[ -z ${NO_HYPERFINE:-} ]] && ! command -v hyperfine >/dev/null && can_install; then
    apt_install hyperfine || echo "hyperfine not installed: timing with the shell loop" >&2
fi

echo "building release…" >&2
cargo build --release --quiet --bin vsslint
BIN=$PWD/target/release/vsslint

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# 2,000 small documents, the ten-fold System writer document and the 150,000 findings.
python3 scripts/bench-inputs.py "$CORPUS" "$SYSTEM" "$TMP"

# The wall time in milliseconds of one run of a command line, appended to file `out`.
time_ms() {
    local cmd=$1 out=$2
    if [[ -z ${NO_HYPERFINE:-} ]] && command -v hyperfine >/dev/null; then
        # -N: no shell in between, whose start-up would be a large part of 20 ms.
        hyperfine -N --style none --runs 1 --warmup 0 --ignore-failure \
            --export-csv "$TMP/h.csv" "$cmd" >/dev/null 2>&1
        # The mean of the one run, its field counted from the end: a command may hold commas.
        awk -F, 'NR == 2 { printf "%.3f\n", $(NF - 6) * 1000 }' "$TMP/h.csv" >>"$out"
    else
        local start end
        start=$(date +%s%N)
        run_quietly "$cmd"
        end=$(date +%s%N)
        awk -v n=$((end - start)) 'BEGIN { printf "%.3f\n", n / 1e6 }' >>"$out"
    fi
}

# Runs a command line (quoted as `q` quotes) without its output; vsslint exits 1 on a
# document with errors, which is not a failure here.
run_quietly() {
    local -a argv
    eval "argv=($1)"
    "${argv[@]}" >/dev/null 2>&1 || true
}

# Runs a command line twice, untimed, so that its binary and its inputs are in memory.
warm_up() { run_quietly "$1" && run_quietly "$1"; }

median() {
    sort -n "$1" | awk '{ t[NR] = $1 } END {
        m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "%.2f", m }'
}

# Median wall times of two command lines measured side by side: one run of each in turn, in
# an order shuffled every round. The shared machine this was written on runs at one of two
# speeds for a fraction of a second to seconds at a time (`xmllint --noout` on the System
# writer: about 25 to 27 ms or 36 to 40 ms, on either core). Timed in blocks of ten runs, as before, a block
# fell mostly in one stretch, and the ratio of two medians moved by a tenth from one run of
# the script to the next; one run at a time, the stretches fall on each command alike. Sets
# `a_ms` and `b_ms`; with a third command line (the baseline's), `c_ms` too.
side_by_side() {
    local r k
    local -a cmds=("$1" "$2") outs=("$TMP/a" "$TMP/b")
    if [[ -n ${3:-} ]]; then
        cmds+=("$3")
        outs+=("$TMP/c")
    fi
    : >"$TMP/a" && : >"$TMP/b" && : >"$TMP/c"
    for k in "${!cmds[@]}"; do warm_up "${cmds[k]}"; done
    for ((r = 0; r < RUNS; r++)); do
        for k in $(shuf -e "${!cmds[@]}"); do
            time_ms "${cmds[k]}" "${outs[k]}"
        done
    done
    a_ms=$(median "$TMP/a")
    b_ms=$(median "$TMP/b")
    c_ms=
    [[ -n ${3:-} ]] && c_ms=$(median "$TMP/c")
    return 0
}

# The baseline's command line for the same input, when BASELINE is set.
base() { [[ -n ${BASELINE:-} ]] && printf '%q --format json %q' "$BASELINE" "$1"; return 0; }

# Peak resident set size in MB of one run.
# vsslint exits 1 on a document with errors, which is not a failure here.
peak_mb() {
    { /usr/bin/time -v bash -c "exec $1 >/dev/null 2>&1" || true; } 2>&1 >/dev/null |
        awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# `ok` or `MISSED` for value ≤ limit.
verdict() {
    if awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }'; then echo ok; else echo MISSED; fi
}

q() { printf '%q' "$1"; }
MANY=$TMP/many
BIG=$TMP/system-x10.xml
size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

echo "timing ($RUNS runs of each command, one of each at a time)…" >&2
side_by_side "$BIN --format json $(q "$SYSTEM")" "xmllint --noout $(q "$SYSTEM")" "$(base "$SYSTEM")"
v_sys=$a_ms x_sys=$b_ms b_sys=$c_ms
side_by_side "$BIN --format json $(q "$MANY")" \
    "xmllint --noout $(for f in "$MANY"/*.xml; do printf '%q ' "$f"; done)" "$(base "$MANY")"
v_many=$a_ms x_many=$b_ms b_many=$c_ms
side_by_side "$BIN --format json $(q "$BIG")" "xmllint --noout $(q "$BIG")" "$(base "$BIG")"
v_big=$a_ms x_big=$b_ms b_big=$c_ms
m_v=$(peak_mb "$BIN --format json $(q "$SYSTEM")")
m_x=$(peak_mb "xmllint --noout $(q "$SYSTEM")")
m_big=$(peak_mb "$BIN --format json $(q "$BIG")")
FINDINGS=$TMP/findings-150k.xml
m_json=$(peak_mb "$BIN --format json $(q "$FINDINGS")")
m_sarif=$(peak_mb "$BIN --format sarif $(q "$FINDINGS")")

r_sys=$(ratio "$v_sys" "$x_sys")
r_many=$(ratio "$v_many" "$x_many")
r_lin=$(ratio "$v_big" "$v_sys")
r_lin_x=$(ratio "$x_big" "$x_sys")
ok_sys=$(verdict "$r_sys" 0.55)
ok_many=$(verdict "$r_many" 0.6)
ok_lin=$(verdict "$r_lin" 12)
ok_mem=$(verdict "$m_v" 64)
ok_report=$(verdict "$(awk -v a="$m_json" -v b="$m_sarif" 'BEGIN { print (a > b) ? a : b }')" 200)

printf '\n%-40s %12s %12s %8s  %s\n' "input" "vsslint ms" "xmllint ms" "ratio" "target"
printf '%-40s %12s %12s %7s×  ≤ 0.55× %s\n' "System writer ($(size_mb "$SYSTEM") MB)" \
    "$v_sys" "$x_sys" "$r_sys" "$ok_sys"
printf '%-40s %12s %12s %7s×  ≤ 0.6×  %s\n' "2,000 small documents (one run)" \
    "$v_many" "$x_many" "$r_many" "$ok_many"
printf '%-40s %12s %12s %7s×\n' "System writer ×10 ($(size_mb "$BIG") MB)" \
    "$v_big" "$x_big" "$(ratio "$v_big" "$x_big")"
printf '\n%-40s %11s×  ≤ 12×  %s   (xmllint: %s×)\n' "linearity: ×10 input costs" \
    "$r_lin" "$ok_lin" "$r_lin_x"
printf '%-40s %9s MB  ≤ 64 MB  %s   (xmllint: %s MB; ×10 input: %s MB)\n' \
    "peak RSS on the System writer" "$m_v" "$ok_mem" "$m_x" "$m_big"
printf '%-40s %9s MB  ≤ 200 MB  %s   (--format sarif: %s MB)\n' \
    "peak RSS, 150,000 findings, json" "$m_json" "$ok_report" "$m_sarif"

if [[ -n ${BASELINE:-} ]]; then
    printf '\n%-40s %12s %12s %8s %10s\n' "against BASELINE" "vsslint ms" "base ms" "ratio" "base/xmllint"
    printf '%-40s %12s %12s %7s× %9s×\n' "System writer" "$v_sys" "$b_sys" \
        "$(ratio "$v_sys" "$b_sys")" "$(ratio "$b_sys" "$x_sys")"
    printf '%-40s %12s %12s %7s× %9s×\n' "2,000 small documents" "$v_many" "$b_many" \
        "$(ratio "$v_many" "$b_many")" "$(ratio "$b_many" "$x_many")"
    printf '%-40s %12s %12s %7s× %9s×\n' "System writer ×10" "$v_big" "$b_big" \
        "$(ratio "$v_big" "$b_big")" "$(ratio "$b_big" "$x_big")"
fi

if ((CHECK)) && [[ "$ok_sys $ok_many $ok_lin $ok_mem $ok_report" == *MISSED* ]]; then
    exit 1
fi
