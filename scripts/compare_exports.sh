#!/usr/bin/env bash
# Byte-for-byte check of every export across a refactoring of src/export.
#   scripts/compare_exports.sh [BASE_DIR] [NEW_DIR]   (default /tmp/exports-before, /tmp/exports-after)
# When BASE_DIR does not exist yet, the exports are written there (run this before
# changing the code); otherwise they are written to NEW_DIR and compared with BASE_DIR.
# The exports come from tests/export_dump.rs (fixtures, built-in templates, generated
# plans and variants of each) and from the CLI (`kehoach export`, `kehoach fmt`) on every fixture.
# A .docx is compared by its parts (unzipped with python3's zipfile): the same part
# names in the same order, each part byte for byte, so a change of the ZIP container
# alone (compression, headers) does not count as a difference; its parts are listed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
base=${1:-/tmp/exports-before}
new=${2:-/tmp/exports-after}
out=$new
[ -d "$base" ] || out=$base
rm -rf "$out"
mkdir -p "$out/cli"
KEHOACH_EXPORT_DUMP="$out" cargo test --quiet --test export_dump -- --ignored >/dev/null
cargo build --quiet --bin kehoach
for f in tests/fixtures/*.json; do
  n=$(basename "$f" .json)
  "${CARGO_TARGET_DIR:-target}/debug/kehoach" export "$f" --text "$out/cli/$n.txt" --html "$out/cli/$n.html" --docx "$out/cli/$n.docx"
  # The canonical JSON (`fmt`) of the fixture, with every text in decomposed
  # form first so that the writer really writes it.
  python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFD", open(sys.argv[1], encoding="utf-8").read()).replace("\n  ", "\n"))' "$f" >"$out/cli/$n.json"
  "${CARGO_TARGET_DIR:-target}/debug/kehoach" fmt "$out/cli/$n.json"
done
if [ "$out" = "$base" ]; then
  echo "wrote $(find "$base" -type f | wc -l) files to $base; run again after the change to compare"
  exit 0
fi
# Exit status 0 when the two .docx files hold the same parts; prints the differences.
same_docx_parts() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
try:
    a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
except (OSError, zipfile.BadZipFile) as e:
    sys.exit(f"  {e}")
na, nb = a.namelist(), b.namelist()
if na != nb:
    sys.exit(f"  parts {na} != {nb}")
bad = [n for n in na if a.read(n) != b.read(n)]
if bad:
    sys.exit("  differing parts: " + ", ".join(bad))
PY
}

total=$(find "$base" -type f | wc -l)
differing=0
docx=0
while IFS= read -r f; do
  rel=${f#"$base"/}
  if [[ $rel == *.docx ]] && [ -f "$new/$rel" ]; then
    docx=$((docx + 1))
    if ! same_docx_parts "$f" "$new/$rel"; then
      echo "differs: $rel"
      differing=$((differing + 1))
    fi
  elif ! cmp -s "$f" "$new/$rel"; then
    echo "differs: $rel"
    differing=$((differing + 1))
  fi
done < <(find "$base" -type f | sort)
extra=$(comm -13 <(cd "$base" && find . -type f | sort) <(cd "$new" && find . -type f | sort) | wc -l)
echo "compared $total files ($docx .docx by their parts): $differing differing, $extra only in $new"
[ "$differing" -eq 0 ] && [ "$extra" -eq 0 ]
