#!/usr/bin/env bash
# Measures vsslint's peak memory (peak RSS, GNU time's "Maximum resident set size") on:
#   1. a flat folder of 20,000 contoso writer documents (fixtures/sets/contoso, 0.8 and
#      1.7 kB), every file set with recursive="1": a finding or more each; `--format concise`;
#   2. a flat folder of 20,000 of the corpus's small writer documents (1.6 kB on average),
#      recursive="1" on up to two file sets each, with their warnings and infos (a few
#      findings each); `--format concise`;
#   3. one 50 MB writer metadata document: 526,507 FILE_LISTs, 1,000 to a FILE_GROUP, no
#      findings; `--format json`.
# Prints each figure against its target: (1) and (2) under 100 MB; (3) under 8× its size.
#
# Usage: scripts/bench-memory.sh [--check]
#   --check  exit 1 when a target is missed
# Environment: CORPUS (default ../shared/corpus), BIN (a vsslint binary to measure instead of
# building the release one), RUNS (runs of each, the smallest peak kept; default 3).
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
CHECK=0
[[ "${1:-}" == "--check" ]] && CHECK=1
CORPUS=${CORPUS:-../shared/corpus}
RUNS=${RUNS:-3}
for tool in /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

if [[ -z "${BIN:-}" ]]; then
    echo "building release…" >&2
    cargo build --release --quiet --bin vsslint
    BIN=$PWD/target/release/vsslint
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$CORPUS" fixtures/sets/contoso "$TMP" <<'PY'
import pathlib, sys

corpus, contoso, tmp = map(pathlib.Path, sys.argv[1:])

def folder(name, docs, count):
    out = tmp / name
    out.mkdir()
    for i in range(20_000):
        doc = docs[i % len(docs)].replace('recursive="no"', 'recursive="1"', count)
        (out / f"wm{i:05}.xml").write_text(doc, encoding="utf-8")

# (1) The contoso writers, every file set with a finding.
folder("contoso", [(contoso / n).read_text(encoding="utf-8") for n in ("WM0.xml", "WM1.xml")], -1)

# (2) The corpus's small writer documents, a finding or two more each.
small = []
for p in sorted(corpus.rglob("*.xml")):
    data = p.read_bytes()
    if b"<WRITER_METADATA" in data and len(data) < 100_000:
        try:
            small.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
folder("corpus", small, 2)

# (3) One 50 MiB document of 500,000 file sets, 1,000 to a component.
head = (
    '<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">'
    '<IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" '
    'instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="W" usage="USER_DATA" '
    'dataSource="OTHER" majorVersion="1" minorVersion="0"/>'
    '<RESTORE_METHOD method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE" writerRestore="never" '
    'rebootRequired="no"/><BACKUP_LOCATIONS>'
)
size = 50 * 1024 * 1024
parts, n, i = [head], len(head), 0
while n < size:
    if i % 1000 == 0:
        if i:
            parts.append("</FILE_GROUP>\n")
        parts.append(
            f'<FILE_GROUP componentName="C{i}" restoreMetadata="no" notifyOnBackupComplete="no" '
            'selectable="yes" selectableForRestore="no" componentFlags="0">\n'
        )
    line = (
        f'<FILE_LIST path="C:\\Data\\D{i}" filespec="f{i}.dat" recursive="no" '
        'filespecBackupType="3855"/>\n'
    )
    parts.append(line)
    n += len(line)
    i += 1
parts.append("</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>\n")
(tmp / "large.xml").write_text("".join(parts), encoding="utf-8")
PY

# The smallest peak RSS of $RUNS runs, in kB.
peak() {
    local best=
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%M' -o "$TMP/time" "$BIN" "$@" >/dev/null 2>&1 || true
        local kb
        kb=$(tail -1 "$TMP/time")
        if [[ -z "$best" || "$kb" -lt "$best" ]]; then best=$kb; fi
    done
    echo "$best"
}

missed=0
report() { # name kB target-kB
    local mb target
    mb=$(awk -v k="$2" 'BEGIN { printf "%.0f", k / 1024 }')
    target=$(awk -v k="$3" 'BEGIN { printf "%.0f", k / 1024 }')
    if (($2 < $3)); then
        echo "$1: $mb MB peak (target under $target MB: met)"
    else
        echo "$1: $mb MB peak (target under $target MB: MISSED)"
        missed=1
    fi
}

size_kb=$(($(stat -c %s "$TMP/large.xml") / 1024))
report "20,000 contoso writers, --format concise" "$(peak --format concise "$TMP/contoso")" $((100 * 1024))
report "20,000 small corpus writers, --format concise" "$(peak --format concise "$TMP/corpus")" $((100 * 1024))
report "$((size_kb / 1024)) MB document, --format json" "$(peak --format json "$TMP/large.xml")" $((8 * size_kb))
if ((CHECK && missed)); then exit 1; fi
