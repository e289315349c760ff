#!/usr/bin/env bash
# Fuzz one target for a while (not part of the normal tests):
#   scripts/fuzz.sh TARGET SECONDS
# Targets (fuzz/fuzz_targets/): read_check_fix, export_text, export_html, export_docx.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on stable Rust through
# RUSTC_BOOTSTRAP. The corpus (fuzz/corpus/TARGET, not committed) starts from
# tests/fixtures/*.json; a crash is saved under fuzz/artifacts/TARGET and makes
# the script fail. Do not pause a run (kill -STOP): the time a unit is stopped
# counts towards -timeout, and the unit is reported as a hang.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:-300}
cd "$(dirname "$0")/.."
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
cp -n tests/fixtures/*.json "$corpus"/
export RUSTC_BOOTSTRAP=1
cd fuzz
exec cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=32768 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
