#!/usr/bin/env bash
# Installs what is missing and runs every test: native cargo tests, clippy, the JSON Schema
# check of the fixtures, browser tests (wasm-bindgen-test in headless Chromium) and
# end-to-end tests (Playwright driving Chromium) against the release build in dist/.
# Every suite runs; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || { echo "setup failed"; exit 2; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CARGO_TERM_COLOR=never

passed=0
failed=0
failures=()
suite() {
  local name=$1
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

browser_tests=()
for f in tests/browser*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done

# Lints, warnings as errors, with clippy.toml's rules (e.g. no std case
# conversion in the app: it would bring back tables the bundle does without).
# setup.sh installs clippy; were it missing, cargo clippy fails and so does the suite.
# Natively the tests, benches and examples are linted too.
lint() {
  cargo clippy --quiet --all-targets -- -D warnings &&
    cargo clippy --quiet --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings
}

# Formatting: rustfmt at its default width for Rust, leptosfmt for `view!` blocks.
format() {
  cargo fmt --check && leptosfmt --check --quiet src
}

suite "native tests (cargo test)" cargo test --quiet
suite "lint (cargo clippy, native and wasm, warnings are errors)" lint
suite "formatting (cargo fmt --check, leptosfmt --check)" format
suite "JSON Schema of the fixtures (Python jsonschema, draft 2020-12)" python3 tests/validate_schema.py
suite "browser tests (wasm-bindgen-test, headless Chromium)" \
  cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"
suite "release build (trunk build --release)" trunk build --release --offline
# A test that hangs fails after 3 minutes instead of holding the run.
suite "end-to-end tests (Playwright, Chromium, dist/)" node --test --test-concurrency=1 --test-timeout=180000 e2e/

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed suite: %s\n' "${failures[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
