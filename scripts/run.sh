#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it at http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# No service worker here: trunk serve rebuilds on every change, and a cache-first
# worker would keep serving the previous build (docs/deploying.md, section 5).
export KEHOACH_SERVICE_WORKER=off
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
