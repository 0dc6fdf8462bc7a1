#!/usr/bin/env bash
# Runs vsslint with the action's `args` and `paths` inputs, which arrive in ARGS and PATHS and
# are split on whitespace here, never pasted into the workflow's script. Patterns are not
# expanded by the shell (set -f): vsslint expands `writers/**/*.xml` itself, on every OS.
set -euo pipefail
set -f
read -r -a args <<< "${ARGS:-}"
read -r -a paths <<< "${PATHS:-}"
# The ${a[@]+...} form keeps empty arrays working in the bash 3 of macOS runners.
exec vsslint "$@" ${args[@]+"${args[@]}"} ${paths[@]+"${paths[@]}"}
