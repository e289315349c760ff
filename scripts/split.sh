#!/usr/bin/env bash
# Trunk post_build hook: cuts the app's wasm at its split points (src/ui/later.rs)
# into the first-load module and the parts loaded on first use, then redoes what
# Trunk did to the single module (wasm-bindgen, wasm-opt) for each piece.
#
# Why a hook: Trunk has no code splitting (trunk-rs/trunk#1022). Trunk builds the
# crate with the `split` feature (index.html), which links the module with
# relocations (build.rs) and leaves the split points as imports; this script
# replaces Trunk's kehoach-web.js / kehoach-web_bg.wasm in the staging folder.
# index.html turns Trunk's integrity hashes off for these two files, since they
# change here; scripts/offline.mjs, the last step, puts them back (computed on
# the files as served) and writes the service worker's list of files.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

profile="${TRUNK_PROFILE:-release}"
staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
target="${CARGO_TARGET_DIR:-target}"
input="$target/wasm32-unknown-unknown/$profile/kehoach-web.wasm"
name=kehoach-web
work="$target/split/$profile"

rm -rf "$work"
mkdir -p "$work/bindgen"
wasm-split-cli "$input" "$work" --out-name "$name" >/dev/null

bindgen_args=(--target web --no-typescript --keep-lld-exports --out-dir "$work/bindgen" --out-name "$name")
[ "$profile" = release ] || bindgen_args+=(--debug --keep-debug)
wasm-bindgen "${bindgen_args[@]}" "$work/$name.wasm"

# The same optimisation as Trunk's data-wasm-opt="z" (wasm-opt from npm's
# binaryen 132), for the first-load module and every part.
optimise() {
  if [ "$profile" = release ]; then
    wasm-opt -Oz --strip-debug --strip-producers "$1" -o "$2"
  else
    cp "$1" "$2"
  fi
}

# The JS glue, minified in release builds (terser from npm): Trunk's own JS
# minifier cannot parse wasm-bindgen's output. About 3 KB gzip less.
minify_js() {
  if [ "$profile" = release ]; then
    terser "$1" --module --compress --mangle -o "$2"
  else
    cp "$1" "$2"
  fi
}

rm -f "$staging"/split_*.wasm "$staging"/chunk_*.wasm
optimise "$work/bindgen/${name}_bg.wasm" "$staging/${name}_bg.wasm"
minify_js "$work/bindgen/$name.js" "$staging/$name.js"
minify_js "$work/__wasm_split.js" "$staging/__wasm_split.js"
for part in "$work"/split_*.wasm "$work"/chunk_*.wasm; do
  [ -e "$part" ] || continue
  optimise "$part" "$staging/$(basename "$part")"
done

# The standalone app's start, the service worker and its page side, minified
# like the glue (sw.js is a classic script, not a module).
if [ "$profile" = release ]; then
  for f in start.js offline.js; do terser "$staging/$f" --module --compress --mangle -o "$staging/$f"; done
  terser "$staging/sw.js" --compress --mangle -o "$staging/sw.js"
fi

# Last, once no file changes any more: integrity hashes in index.html and the
# service worker's file list. KEHOACH_SERVICE_WORKER=off (scripts/run.sh, whose
# `trunk serve` rebuilds on every change) builds without a service worker.
offline_args=("$staging")
[ "${KEHOACH_SERVICE_WORKER:-on}" = off ] && offline_args+=(--no-service-worker)
node scripts/offline.mjs "${offline_args[@]}"
