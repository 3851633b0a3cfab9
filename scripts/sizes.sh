#!/usr/bin/env bash
# Prints the raw and gzip sizes of a built site's .wasm and .js, as `bench` lines.
set -euo pipefail
dir="${1:-dist}"
for f in "$dir"/*.wasm "$dir"/*.js; do
  [ -e "$f" ] || continue
  kind="${f##*.}"
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf 'bench release_%s_raw %d bytes\nbench release_%s_gzip %d bytes\n' "$kind" "$raw" "$kind" "$gz"
done
