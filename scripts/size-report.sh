#!/usr/bin/env bash
# Prints raw, gzip and brotli bytes for each file in a build folder, and the totals.
set -euo pipefail
dir="${1:-dist}"
[ -d "$dir" ] || { echo "no $dir/ yet: run make build" >&2; exit 1; }
printf '%-48s %10s %10s %10s\n' "file" "raw" "gzip" "brotli"
total_raw=0; total_gz=0; total_br=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-48s %10d %10d %10d\n' "${file#"$dir"/}" "$raw" "$gz" "$br"
done < <(find "$dir" -type f | sort)
printf '%-48s %10d %10d %10d\n' "total" "$total_raw" "$total_gz" "$total_br"
