#!/usr/bin/env bash
# Lints a 50 MB `vshadow -wm3` transcript of 400,000 tiny writer frames with the release
# binary under the default limits, and prints the seconds and the peak RSS of each run (GNU
# time's "Maximum resident set size"). The target: under 60 s and under 1 GB for each format.
#
# Every frame's document is linted and raises findings, and every writer's file shares the
# transcript's one decoded text: the run shows that neither the text nor its line index is
# copied or rebuilt per writer, which would take memory or time quadratic in the transcript.
#
# Usage: scripts/bench-transcript.sh
# Environment: FRAMES (default 400000), BYTES (the transcript's size, default 50000000),
# FORMATS (default "full json"), ENCODING (utf-8 or utf-16le, default utf-8).
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
FRAMES=${FRAMES:-400000}
BYTES=${BYTES:-50000000}
FORMATS=${FORMATS:-full json}
ENCODING=${ENCODING:-utf-8}
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }

echo "building release…" >&2
cargo build --release --quiet --bin vsslint
BIN=$PWD/target/release/vsslint

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$TMP/wm3.txt" "$FRAMES" "$BYTES" "$ENCODING" <<'PY'
import sys
path, frames, size, encoding = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
banner = ("\r\nVSHADOW.EXE 3.0 - Volume Shadow Copy sample client.\r\n"
          "(Option: Generate writer metadata)\r\n")
end = "\r\n--[end of data]--\r\n"
doc = '<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><!--{}--></WRITER_METADATA>'
bare = sum(len(f"\r\n--[Writer {n}]--\r\n{doc.format('')}\r\n") for n in range(frames))
pad = max(0, (size - len(banner) - len(end) - bare) // frames)
with open(path, "w", encoding=encoding, newline="") as out:
    if encoding == "utf-16le":
        out.write("\ufeff")
    out.write(banner)
    for n in range(frames):
        out.write(f"\r\n--[Writer {n}]--\r\n{doc.format('x' * pad)}\r\n")
    out.write(end)
PY
echo "transcript: $(stat -c %s "$TMP/wm3.txt") bytes, $FRAMES writer frames, $ENCODING"

for format in $FORMATS; do
    /usr/bin/time -v -o "$TMP/time" "$BIN" --exit-zero --format "$format" "$TMP/wm3.txt" >"$TMP/out"
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$TMP/time")
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time")
    printf '%-5s %8.1f s  %6d MB max RSS  (%s of report)\n' \
        "$format" "$seconds" $((rss_kb / 1024)) "$(du -h "$TMP/out" | cut -f1)"
done
