#!/usr/bin/env bash
# Release build of the browser app into dist/ (size-tuned, wasm-opt from npm binaryen 132).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
