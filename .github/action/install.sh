#!/usr/bin/env bash
# Installs the vsslint that resolve.sh chose: the release archive, after its SHA-256 matches the
# checksum published beside it; else `cargo install --locked`, from crates.io for a release
# and from the action's own source otherwise.
set -euo pipefail

if [ -n "$ASSET" ]; then
  base="https://github.com/${REPOSITORY}/releases/download/v${VERSION}"
  dir="${RUNNER_TEMP}/vsslint"
  mkdir -p "$dir/bin"
  cd "$dir"
  curl --silent --show-error --fail --location --retry 3 -o "$ASSET" "$base/$ASSET"
  curl --silent --show-error --fail --location --retry 3 -o "$ASSET.sha256" "$base/$ASSET.sha256"
  expected="$(cut -d ' ' -f 1 < "$ASSET.sha256")"
  if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$ASSET" | cut -d ' ' -f 1)"
  else
    actual="$(shasum -a 256 "$ASSET" | cut -d ' ' -f 1)"
  fi
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "::error::checksum mismatch for $ASSET: expected '$expected', got '$actual'"
    exit 1
  fi
  case "$ASSET" in
    *.zip) unzip -q -o -j "$ASSET" -d bin ;;
    *) tar -xzf "$ASSET" -C bin --strip-components 1 ;;
  esac
  echo "$dir/bin" >> "$GITHUB_PATH"
elif [ -n "$VERSION" ]; then
  cargo install --locked vsslint --version "=$VERSION"
else
  cargo install --locked --path "$GITHUB_ACTION_PATH"
fi
