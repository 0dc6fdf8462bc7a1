#!/usr/bin/env bash
# Instructions vsslint executes, counted by valgrind's callgrind (no cache simulation), on
# three workloads, each one run of the release binary with `--format json` on one rayon
# thread:
#   system-writer  the System writer document (corpus diskshadow-ws2012-sql2017/WM3.xml, 2.1 MB),
#                  copied to a folder of its own: where it lies, beside a backup components
#                  document, it is linted as part of that backup, with the checks across it;
#   many-2000      the 2,000 small documents of scripts/bench-inputs.py, one folder;
#   backup         the DiskShadow folder diskshadow-ws2012-sql2017 as a backup (13 documents).
# Instruction counts do not depend on the machine's load, so unlike the wall-clock ratios of
# scripts/bench-vs-xmllint.sh they can gate CI.
#
# Usage: scripts/instructions.sh [--check | --record REASON]
#   (none)           measure and print each count against the baseline
#   --check          the CI gate: exit 1 when a workload takes more than 3% more instructions
#                    than benches/instructions.baseline, or when the baseline was changed
#                    without a new reason (below)
#   --record REASON  measure each workload three times and write the baseline: the median
#                    counts, this toolchain, and REASON (why the counts changed); refuses when
#                    the three runs differ by 0.5% or more
# Environment: BIN (a vsslint binary to measure instead of building the release one), CORPUS
# (default ../shared/corpus), RUNS (runs of each workload, default 1; 3 with --record; the
# median is kept).
#
# The gate and the baseline. benches/instructions.baseline holds `reason:`, the toolchain
# it was recorded with (`rustc:`, `valgrind:`, `glibc:`, `cpu:`), and a `<workload> <count>`
# line each. A change that costs more than 3% passes only when the same commit records a new
# baseline with a reason saying why:
#     scripts/instructions.sh --record "each finding keeps its related places: +4% on many-2000"
#     git add benches/instructions.baseline && git commit …
# --check compares with the baseline in the working tree. When `git diff HEAD^ HEAD` shows that
# HEAD's commit changed the baseline file, the new numbers are accepted only if its `reason:`
# line is not empty and differs from the one in HEAD^; otherwise --check fails, so that no
# commit raises the numbers silently. (Without git that test is skipped; without HEAD^, as in a
# shallow clone, it is skipped with a note: CI needs a clone of depth 2 or more.)
# A workload more than 3% *below* the baseline passes with a note to record the gain, so that
# the next regression is measured from there.
#
# Counts depend on the compiler, glibc and the CPU features that glibc and the memchr crate
# pick code for (callgrind runs the host's): the baseline is recorded with the toolchain
# .ci/run uses (rustc stable as it finds it). When the toolchain here differs from the
# baseline's, the gate still compares but says so; a failure then may be the toolchain's, and
# recording the baseline again with `--record "rustc 1.xx"` is the fix.
#
# Determinism: the rayon pool has one thread (RAYON_NUM_THREADS=1; with more, the split parse
# cuts the System writer document in more pieces and the count changes), the process gets an
# empty environment but for PATH and that variable, and the inputs are copied under one
# temporary folder and named by relative paths, so that the report's bytes do not depend on
# where the corpus is. Three runs differ by under 0.01%.
set -euo pipefail

cd "$(dirname "$0")/.."
MODE=measure
REASON=
case "${1:-}" in
    --check) MODE=check ;;
    --record)
        MODE=record
        REASON=${2:-}
        [[ -n ${REASON//[[:space:]]/} ]] || { echo "--record needs a reason" >&2; exit 2; }
        ;;
    "") ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
BASELINE_FILE=benches/instructions.baseline
CORPUS=${CORPUS:-../shared/corpus}
BACKUP=$CORPUS/diskshadow-ws2012-sql2017
LIMIT=3
RUNS=${RUNS:-$([[ $MODE == record ]] && echo 3 || echo 1)}

if [[ ! -f $BACKUP/WM3.xml ]]; then
    echo "the corpus is absent ($BACKUP): set CORPUS" >&2
    exit 2
fi
VALGRIND=$(command -v valgrind) || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }

if [[ -z ${BIN:-} ]]; then
    echo "building release…" >&2
    cargo build --release --locked --quiet --bin vsslint
    BIN=$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/vsslint
fi
BIN=$(realpath "$BIN")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$BACKUP" "$WORK/backup"
mkdir "$WORK/system"
cp "$BACKUP/WM3.xml" "$WORK/system/WM3.xml"
python3 scripts/bench-inputs.py "$WORK/backup" "$WORK/backup/WM3.xml" "$WORK" many

# The toolchain, as `key: value` lines.
toolchain() {
    local flags
    echo "rustc: $(rustc --version)"
    echo "valgrind: $("$VALGRIND" --version)"
    echo "glibc: $(getconf GNU_LIBC_VERSION 2>/dev/null || echo unknown)"
    # The features that pick glibc's and memchr's string routines (valgrind hides AVX-512).
    flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | tr ' ' '\n' |
        grep -xE 'sse4_2|avx|avx2|bmi2|erms|fsrm' | tr '\n' ' ' || true)
    echo "cpu: $(uname -m) ${flags% }"
}

# Instructions of one run of vsslint on the given arguments, from within $WORK.
count() {
    local log=$WORK/callgrind.log status=0
    (cd "$WORK" && env -i PATH=/usr/bin:/bin RAYON_NUM_THREADS=1 \
        "$VALGRIND" --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log" \
        "$BIN" --format json "$@" >/dev/null 2>&1) || status=$?
    # 1: the workload has error-level findings, which is not a failure here.
    if ((status > 1)); then
        echo "vsslint $* exited $status under valgrind:" >&2
        cat "$log" >&2
        exit 2
    fi
    awk '/Collected :/ { print $NF }' "$log"
}

WORKLOADS=(system-writer many-2000 backup)
declare -A ARGS=([system-writer]=system/WM3.xml [many-2000]=many [backup]=backup)
declare -A MEASURED SPREAD
for w in "${WORKLOADS[@]}"; do
    counts=()
    for ((i = 0; i < RUNS; i++)); do
        counts+=("$(count "${ARGS[$w]}")")
    done
    read -r "MEASURED[$w]" "SPREAD[$w]" < <(printf '%s\n' "${counts[@]}" | sort -n | awk '
        { c[NR] = $1 } END { printf "%d %.4f\n", c[int((NR + 1) / 2)], (c[NR] - c[1]) * 100 / c[1] }')
    echo "$w: ${counts[*]}" >&2
done

if [[ $MODE == record ]]; then
    for w in "${WORKLOADS[@]}"; do
        if awk -v s="${SPREAD[$w]}" 'BEGIN { exit !(s >= 0.5) }'; then
            echo "$w: the $RUNS runs differ by ${SPREAD[$w]}%, not under 0.5%: not recorded" >&2
            exit 1
        fi
    done
    {
        echo "# Instructions (callgrind) of scripts/instructions.sh's workloads, one rayon thread,"
        echo "# the release build; recorded by \`scripts/instructions.sh --record REASON\` (see there)."
        echo "reason: $REASON"
        toolchain
        for w in "${WORKLOADS[@]}"; do echo "$w ${MEASURED[$w]}"; done
    } >"$BASELINE_FILE"
    echo "wrote $BASELINE_FILE (medians of $RUNS runs; spread: $(for w in "${WORKLOADS[@]}"; do
        printf '%s %s%% ' "$w" "${SPREAD[$w]}"; done))"
    exit 0
fi

if [[ ! -f $BASELINE_FILE ]]; then
    echo "no $BASELINE_FILE: record one with scripts/instructions.sh --record REASON" >&2
    exit 1
fi
# The value of the first `key: value` line of a file (standard input for -).
field() { awk -v k="$1: " 'index($0, k) == 1 { print substr($0, length(k) + 1); exit }' "$2"; }
failed=0

# The toolchain against the baseline's: a difference is a note, not a failure.
while IFS= read -r line; do
    key=${line%%: *}
    recorded=$(field "$key" "$BASELINE_FILE")
    if [[ $recorded != "${line#*: }" ]]; then
        echo "note: the baseline was recorded with $key '$recorded', this is '${line#*: }':" \
            "counts may differ by the toolchain alone"
    fi
done < <(toolchain)

# A baseline changed by HEAD's commit must say why, with a reason of its own.
if [[ $MODE == check ]] && git rev-parse -q --verify HEAD^ >/dev/null 2>&1 &&
    ! git diff --quiet HEAD^ HEAD -- "$BASELINE_FILE"; then
    reason=$(field reason "$BASELINE_FILE")
    before=$({ git show "HEAD^:$BASELINE_FILE" 2>/dev/null || true; } | field reason -)
    if [[ -z ${reason//[[:space:]]/} || $reason == "$before" ]]; then
        echo "FAIL: HEAD's commit changes $BASELINE_FILE without a new reason: line" \
            "(record it with scripts/instructions.sh --record REASON)"
        failed=1
    else
        echo "the baseline changes in HEAD's commit: $reason"
    fi
fi
if [[ $MODE == check ]] && git rev-parse -q --verify HEAD >/dev/null 2>&1 &&
    ! git rev-parse -q --verify HEAD^ >/dev/null 2>&1; then
    echo "note: HEAD has no parent here (a shallow clone?): whether its commit changes" \
        "$BASELINE_FILE is not checked"
fi
if [[ $MODE == check ]] && ! git diff --quiet HEAD -- "$BASELINE_FILE" 2>/dev/null; then
    echo "note: $BASELINE_FILE has uncommitted changes; compared with them"
fi

printf '%-16s %15s %15s %9s\n' workload instructions baseline change
for w in "${WORKLOADS[@]}"; do
    base=$(awk -v w="$w" '$1 == w { print $2 }' "$BASELINE_FILE")
    if [[ -z $base ]]; then
        printf '%-16s %15s %15s %9s  FAIL: not in the baseline\n' "$w" "${MEASURED[$w]}" - -
        failed=1
        continue
    fi
    change=$(awk -v m="${MEASURED[$w]}" -v b="$base" 'BEGIN { printf "%+.2f", (m - b) * 100 / b }')
    verdict=ok
    if awk -v c="$change" -v l="$LIMIT" 'BEGIN { exit !(c > l) }'; then
        verdict="FAIL: more than +$LIMIT%"
        failed=1
    elif awk -v c="$change" -v l="$LIMIT" 'BEGIN { exit !(c < -l) }'; then
        verdict="ok (faster: record it with --record REASON)"
    fi
    printf '%-16s %15s %15s %8s%%  %s\n' "$w" "${MEASURED[$w]}" "$base" "$change" "$verdict"
done

if ((failed)) && [[ $MODE == check ]]; then
    echo "the instruction-count gate failed: make the change cheaper, or record a new baseline" \
        "in the same commit with a reason (scripts/instructions.sh --record REASON)" >&2
    exit 1
fi
exit 0
