#!/usr/bin/env bash
# Installs what Parallax needs, skipping every tool already present at the right version, so a warm
# run takes seconds. Source it (scripts/serve.sh and scripts/test.sh do) to get the tools on PATH.
#
#   scripts/setup.sh         build tools only: wasm32 target, wasm-bindgen-cli, trunk, wasm-opt
#   scripts/setup.sh test    also the browsers and drivers and the end-to-end test packages
#
# Versions are pinned where the build depends on them: wasm-bindgen-cli must equal the
# wasm-bindgen in Cargo.lock, trunk 0.21.14 is the newest that builds on our rustc, and wasm-opt
# comes from npm binaryen@132 (older binaryen cannot read current wasm-bindgen output).
set -euo pipefail

PARALLAX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARALLAX_TOOLS="${PARALLAX_TOOLS:-$HOME/.cache/parallax-tools}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$PARALLAX_ROOT/Cargo.lock")"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

export PATH="$PARALLAX_TOOLS/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

setup_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
    # Not --locked: the registry mirror lacks one of its locked dependencies.
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 11 minutes cold)"
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 17 minutes cold)"
    cargo install --force --locked trunk --version "$TRUNK_VERSION"
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
    say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
    mkdir -p "$PARALLAX_TOOLS/binaryen"
    npm install --silent --no-audit --no-fund --prefix "$PARALLAX_TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
  fi
}

setup_test_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! command -v geckodriver >/dev/null; then
    say "installing geckodriver (about 3 minutes cold)"
    cargo install --locked geckodriver
  fi
  if [ ! -d "$PARALLAX_ROOT/tests/e2e/node_modules/playwright-core" ]; then
    say "installing the end-to-end test packages (playwright-core, no browser download)"
    npm ci --silent --no-audit --no-fund --prefix "$PARALLAX_ROOT/tests/e2e"
  fi
}

setup_build_tools
if [ "${1:-}" = test ]; then
  setup_test_tools
fi
