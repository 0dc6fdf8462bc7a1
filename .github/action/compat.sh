#!/usr/bin/env bash
# The action's `compat-against` input: each writer metadata document in `paths` is compared
# with the same file at that git ref, `vsslint compat git:REF:FILE FILE --format github`, so
# that a release which would break restoring the previous release's backups fails the step.
# The inputs arrive in COMPAT_AGAINST and PATHS, never pasted into the workflow's script.
#
# Which files, found with git in the repository holding the working directory:
#   - a file named in `paths` is compared as it is, whatever it holds;
#   - a folder, or a glob (git's `:(glob)` pathspec: `*` stays within a folder, `**` crosses
#     them, as vsslint's globs), gives its *.xml files that .gitignore does not exclude and
#     that are writer metadata documents by content (see is_writer_document).
# A file that did not exist at the ref is skipped with a notice: there is nothing to compare it
# with. Every comparison runs; the step fails when any of them fails.
set -euo pipefail
set -f

ref="${COMPAT_AGAINST:-}"
read -r -a paths <<< "${PATHS:-}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

# A workflow command's property (a file name) with the characters that end or split it escaped.
property() {
  local s=${1//%/%25}
  s=${s//$'\r'/%0D}
  s=${s//$'\n'/%0A}
  s=${s//:/%3A}
  printf '%s' "${s//,/%2C}"
}

# The first element of a writer metadata document is WRITER_METADATA (with or without a
# namespace prefix), or it is the wrapper vsslint also reads (writer-metadata spec §1.1): a root
# whose first child is an XDR Schema, with a WRITER_METADATA element after it. NUL bytes are
# dropped first, so that the ASCII names of a UTF-16 document read as they would in UTF-8.
# Comments and CDATA are not told apart from markup: a simple test, by start tags alone.
is_writer_document() {
  local names
  names=$(LC_ALL=C tr -d '\000' < "$1" | LC_ALL=C grep -o '<[A-Za-z_][^[:space:]/>]*' |
    LC_ALL=C sed -e 's/^<//' -e 's/^.*://' | LC_ALL=C sed -n -e '1,2p' -e '/^WRITER_METADATA$/p') || true
  names=$'\n'"$names"$'\n'
  case "$names" in
    $'\n'WRITER_METADATA$'\n'*) return 0 ;;
    $'\n'*$'\n'Schema$'\n'*WRITER_METADATA$'\n'*) return 0 ;;
  esac
  return 1
}

if [ -z "$ref" ]; then
  echo "::error::compat-against is empty: name the git ref of the previous release, such as v1.4.0"
  exit 1
fi
# `git:REF:PATH` splits at its first two colons, and a leading dash would read as an option.
case "$ref" in
  -* | *:*)
    echo "::error::compat-against must be a tag, branch or commit, not '$ref'"
    exit 1
    ;;
esac
if ! root=$(git rev-parse --show-toplevel 2>/dev/null); then
  echo "::error::compat-against needs the working directory to be in a git repository (actions/checkout)"
  exit 1
fi
if ! git rev-parse --verify --quiet "${ref}^{commit}" >/dev/null; then
  echo "::error::compat-against: no commit '$ref' in the repository; a shallow clone lacks it: check out with fetch-depth: 0"
  exit 1
fi

list="$(mktemp)"
trap 'rm -f "$list"' EXIT
files=()
for p in ${paths[@]+"${paths[@]}"}; do
  explicit=0
  if [ -f "$p" ]; then
    # Untracked and ignored files too: a file named is compared whatever git makes of it.
    explicit=1
    spec=(--cached --others -- "$p")
  elif [ -d "$p" ]; then
    spec=(--cached --others --exclude-standard -- "$p")
  else
    spec=(--cached --others --exclude-standard -- ":(glob)$p")
  fi
  if ! git ls-files -z --full-name "${spec[@]}" > "$list"; then
    echo "::error::compat-against: git cannot list '$p' in paths: is it inside the repository at $root?"
    exit 1
  fi
  if [ ! -s "$list" ] && [ ! -d "$p" ]; then
    echo "::error::compat-against: '$p' in paths names no file in the repository"
    exit 1
  fi
  while IFS= read -r -d '' f; do
    # A tracked file deleted from the working tree is still in the index.
    [ -f "$root/$f" ] || continue
    if [ "$explicit" = 0 ]; then
      case "$f" in *.[xX][mM][lL]) ;; *) continue ;; esac
      is_writer_document "$root/$f" || continue
    fi
    for seen in ${files[@]+"${files[@]}"}; do
      [ "$seen" != "$f" ] || continue 2
    done
    files+=("$f")
  done < "$list"
done
if [ "${#files[@]}" = 0 ]; then
  echo "::error::compat-against: paths hold no writer metadata document (no *.xml whose root is WRITER_METADATA)"
  exit 1
fi

# From the root, where FILE is the path git:REF:FILE needs and GitHub's annotations name.
cd "$root"
failed=0
compared=0
for f in "${files[@]}"; do
  if ! git cat-file -e "${ref}:${f}" 2>/dev/null; then
    echo "::notice file=$(property "$f")::$f is not at $ref: nothing to compare it with, skipped"
    continue
  fi
  echo "vsslint compat git:${ref}:${f} ${f}"
  compared=$((compared + 1))
  status=0
  vsslint compat --format github -- "git:${ref}:${f}" "$f" || status=$?
  [ "$status" = 0 ] || failed=$((failed + 1))
done
if [ "$failed" -gt 0 ]; then
  echo "::error::vsslint compat failed for $failed of $compared writer metadata documents against $ref"
  exit 1
fi
