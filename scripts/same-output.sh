#!/usr/bin/env bash
# Whether vsslint built from this working tree writes the same bytes as vsslint built at an
# earlier revision: for a change that must not change any output (a refactor, a speed-up).
#
# Both release binaries run, from the repository root, with the same arguments, and their
# standard output, standard error and exit code are compared byte for byte, on:
#   - every file under fixtures/ and every folder there, one run each;
#   - the corpus (CORPUS, default ../shared/corpus): every document, every folder, the whole;
#   - the 2,000 small documents of scripts/bench-inputs.py, as one folder;
# each with `--format` full, concise, json, json-lines, sarif and github; and besides:
#   - `--diff` (the fixes as a diff, nothing written) on every fixture file;
#   - `compat --format F OLD NEW` on every fixtures/rules/compat/*/ pair (old.xml against new.xml,
#     and against good.xml where there is one), in every format;
#   - `dump` of every corpus document.
# `full` is laid out for COLUMNS=100 without colour, and each run gets an empty environment
# but for PATH, HOME (an empty folder), COLUMNS and NO_COLOR: nothing else changes the output.
#
# Usage: scripts/same-output.sh OLD_REV
# Prints each difference (the case, then the first lines of a diff), a summary, and exits 1
# when any case differs. The old binary is built from `git archive OLD_REV` under
# target/same-output/ (in a target folder of its own, target/same-output/target, whose
# dependencies serve every later revision) and kept there by commit. Environment: JOBS (runs at a time, default the
# number of processors), CORPUS.
set -euo pipefail

cd "$(dirname "$0")/.."
if [[ $# -ne 1 ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
OLD=$(git rev-parse --verify "$1^{commit}")
CORPUS=${CORPUS:-../shared/corpus}
JOBS=${JOBS:-$(nproc)}
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
OUT=$TARGET_DIR/same-output
mkdir -p "$OUT"

# The old binary, once per commit.
OLD_BIN=$OUT/vsslint-${OLD:0:12}
if [[ ! -x $OLD_BIN ]]; then
    echo "building vsslint at ${OLD:0:12}…" >&2
    rm -rf "$OUT/src-${OLD:0:12}"
    mkdir -p "$OUT/src-${OLD:0:12}"
    git archive "$OLD" | tar -x -m -C "$OUT/src-${OLD:0:12}"
    # It lies inside this repository's folder: a revision from before the workspace would
    # take this one's for its own, so it is made a workspace of its own.
    grep -q '^\[workspace\]' "$OUT/src-${OLD:0:12}/Cargo.toml" ||
        printf '\n[workspace]\n' >> "$OUT/src-${OLD:0:12}/Cargo.toml"
    # Built in a target folder of its own: in this tree's, both builds would write the same
    # artifacts (cargo names them alike for the same package), and which one
    # target/release/vsslint held would depend on file times. The sources get times of now
    # (tar -m), newer than any earlier revision's artifacts there.
    CARGO_TARGET_DIR=$OUT/target cargo build --release --locked --quiet --bin vsslint \
        --manifest-path "$OUT/src-${OLD:0:12}/Cargo.toml"
    cp "$OUT/target/release/vsslint" "$OLD_BIN"
    rm -rf "$OUT/src-${OLD:0:12}"
fi
echo "building vsslint from the working tree…" >&2
cargo build --release --locked --quiet --bin vsslint
NEW_BIN=$OUT/vsslint-new
cp "$TARGET_DIR/release/vsslint" "$NEW_BIN"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SYSTEM=$CORPUS/diskshadow-ws2012-sql2017/WM3.xml
if [[ -f $SYSTEM ]]; then
    python3 scripts/bench-inputs.py "$(dirname "$SYSTEM")" "$SYSTEM" "$WORK" many
else
    echo "the corpus is absent ($CORPUS): set CORPUS" >&2
    exit 2
fi
mkdir "$WORK/home"

python3 - "$OLD_BIN" "$NEW_BIN" "$CORPUS" "$WORK" "$JOBS" "${OLD:0:12}" <<'PY'
import concurrent.futures, difflib, os, pathlib, subprocess, sys

old_bin, new_bin, corpus, work, jobs, old_rev = sys.argv[1:]
corpus, work = pathlib.Path(corpus), pathlib.Path(work)
FORMATS = ["full", "concise", "json", "json-lines", "sarif", "github"]
ENV = {"PATH": "/usr/bin:/bin", "HOME": str(work / "home"), "COLUMNS": "100", "NO_COLOR": "1"}

fixture_files = sorted(str(p) for p in pathlib.Path("fixtures").rglob("*") if p.is_file())
fixture_dirs = sorted(str(p) for p in pathlib.Path("fixtures").rglob("*") if p.is_dir())
fixture_dirs.insert(0, "fixtures")
corpus_docs = sorted(str(p) for p in corpus.rglob("*.xml"))
corpus_dirs = [str(corpus)] + sorted(str(p) for p in corpus.rglob("*") if p.is_dir())

cases = []
for path in fixture_files + fixture_dirs + corpus_docs + corpus_dirs + [str(work / "many")]:
    for f in FORMATS:
        cases.append(["check", "--format", f, path])
for path in fixture_files:
    cases.append(["check", "--format", "concise", "--diff", path])
for pair in sorted(pathlib.Path("fixtures/rules/compat").iterdir()):
    for new in ("new.xml", "good.xml"):
        if (pair / "old.xml").is_file() and (pair / new).is_file():
            for f in FORMATS:
                cases.append(["compat", "--format", f, str(pair / "old.xml"), str(pair / new)])
for path in corpus_docs:
    cases.append(["dump", path])


def run(binary, args):
    p = subprocess.run([binary] + args, env=ENV, capture_output=True, timeout=600)
    return p.returncode, p.stdout, p.stderr


def compare(args):
    a, b = run(old_bin, args), run(new_bin, args)
    return args, a, b


def show(label, a, b):
    lines = list(difflib.unified_diff(
        a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines(),
        f"{old_rev} {label}", f"working tree {label}", n=1, lineterm=""))
    for line in lines[:20]:
        print("    " + line)
    if len(lines) > 20:
        print(f"    … {len(lines) - 20} more diff lines")


differ = 0
codes = {}
with concurrent.futures.ThreadPoolExecutor(int(jobs)) as pool:
    for args, a, b in pool.map(compare, cases):
        codes[a[0]] = codes.get(a[0], 0) + 1
        if a == b:
            continue
        differ += 1
        print("DIFFERS: vsslint " + " ".join(args))
        if a[0] != b[0]:
            print(f"    exit code {a[0]} at {old_rev}, {b[0]} in the working tree")
        if a[1] != b[1]:
            show("stdout", a[1], b[1])
        if a[2] != b[2]:
            show("stderr", a[2], b[2])

summary = ", ".join(f"{n} exit {c}" for c, n in sorted(codes.items()))
print(f"{len(cases)} runs each ({len(fixture_files)} fixture files, {len(fixture_dirs)} fixture "
      f"folders, {len(corpus_docs)} corpus documents, {len(corpus_dirs)} corpus folders, the "
      f"2,000 documents; {summary} at {old_rev})")
if differ:
    print(f"{differ} of {len(cases)} differ from {old_rev}")
    sys.exit(1)
print(f"every output and exit code is the same as at {old_rev}")
PY
