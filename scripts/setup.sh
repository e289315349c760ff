#!/usr/bin/env bash
# Installs what kehoach needs on a fresh Debian 12 + Rust machine, skipping
# everything already present at the right version (a second run takes seconds).
#   scripts/setup.sh          tools to build and serve the app
#   scripts/setup.sh --test   also the browsers and test tools
# Sources: crates.io, Debian packages, npm, PyPI only. Nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
# wasm-split-cli cuts the app's wasm into the first-load module and parts loaded
# on first use (scripts/split.sh); it must match the wasm_split_helpers crate's format.
SPLIT_VERSION=0.2.4
LEPTOSFMT_VERSION=0.1.33
# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
WITH_TEST=0
[ "${1:-}" = "--test" ] && WITH_TEST=1

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WB_VERSION (about 8 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 15 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  step "cargo install wasm_split_cli_support $SPLIT_VERSION (about 3 minutes on 2 cores)"
  cargo install wasm_split_cli_support --version "=$SPLIT_VERSION" --features build-binary --locked --force
fi

# npm tools: wasm-opt from binaryen 132 (never Debian's binaryen 108), terser
# (minifies the JS glue of release builds), and for tests playwright-core and
# axe-core. Reinstalled only when package-lock.json changes.
STAMP=node_modules/.kehoach-lock.sha
LOCK_SHA=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$LOCK_SHA" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SHA" > "$STAMP"
fi

if [ "$WITH_TEST" = 1 ]; then
  # The test command checks formatting and lints: rustfmt and clippy come with
  # the toolchain as components, leptosfmt (formats `view!` blocks) from crates.io.
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      step "rustup component add $component"
      rustup component add "$component"
    fi
  done
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    step "cargo install leptosfmt $LEPTOSFMT_VERSION (about 4 minutes on 2 cores)"
    cargo install leptosfmt --version "=$LEPTOSFMT_VERSION" --locked --force
  fi
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # nginx and Apache run the server examples of docs/deploying.md
  # (e2e/deploy.test.mjs starts them itself, on loopback ports).
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -x /usr/sbin/apache2 ] || missing+=(apache2)
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The packages' scripts would start nginx and Apache as services on port 80
    # and leave them running: a policy-rc.d answering "not now" (101) stops
    # that, for this install only when the machine has none of its own.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! python3 -c 'import jsonschema' 2>/dev/null; then
    step "pip install jsonschema"
    # A system Python (PEP 668) refuses plain pip installs; Debian's package is the fallback.
    python3 -m pip install --quiet --disable-pip-version-check jsonschema 2>/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null; }
  fi
  # python-docx writes the foreign Word file the import test reads
  # (tests/docx_foreign/make.py, tests/import_docx.rs); pinned, as the test
  # relies on its default template.
  if ! python3 -c 'import docx' 2>/dev/null; then
    step "pip install python-docx==1.1.2"
    python3 -m pip install --quiet --disable-pip-version-check python-docx==1.1.2 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages python-docx==1.1.2
  fi
fi
