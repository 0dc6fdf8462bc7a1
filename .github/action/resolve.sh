#!/usr/bin/env bash
# Which vsslint the action installs: the release named by the `version` input, else the release
# of the action's own tag (`uses: vsslint/vsslint@v0.1.0`), else none (a branch or a commit),
# and which of that release's archives fits this runner. Writes `version`, `asset` and
# `fallback` (true when cargo must build it) to the step's outputs.
set -euo pipefail

version="${VERSION#v}"
if [ -z "$version" ] && [[ "${ACTION_REF:-}" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$ ]]; then
  version="${ACTION_REF#v}"
fi
if [ -n "$version" ] && ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "::error::version must be a release such as 0.1.0, not '$version'"
  exit 1
fi

# The targets release.yml builds; any other runner builds from source.
case "${RUNNER_OS}-${RUNNER_ARCH}" in
  Linux-X64) target=x86_64-unknown-linux-musl ext=tar.gz ;;
  Windows-X64) target=x86_64-pc-windows-msvc ext=zip ;;
  macOS-ARM64) target=aarch64-apple-darwin ext=tar.gz ;;
  *) target="" ext="" ;;
esac

asset=""
if [ -n "$version" ] && [ -n "$target" ]; then
  candidate="vsslint-${version}-${target}.${ext}"
  url="https://github.com/${REPOSITORY}/releases/download/v${version}/${candidate}"
  if curl --silent --fail --location --head --output /dev/null "$url"; then
    asset="$candidate"
  else
    echo "::notice::no prebuilt vsslint ${version} for ${target}; building it with cargo"
  fi
fi

{
  echo "version=${version}"
  echo "asset=${asset}"
  if [ -z "$asset" ]; then echo "fallback=true"; else echo "fallback=false"; fi
} >> "$GITHUB_OUTPUT"
