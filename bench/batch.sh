#!/usr/bin/env bash
# Throughput of 'seqcast batch' with the default config: generates 200 seeded monthly series
# (level + trend + 12-month seasonality + noise, 60-300 rows each; bench/gen-series.sh) and times
# one batch run per worker count, printing series/s and s/series.
#
#   bench/batch.sh                 # 200 series, 1 and 2 workers
#   SERIES=40 bench/batch.sh 1 2   # the first 40 of the same 200 series
#   SET='--set training.epochs=50' bench/batch.sh 2   # extra options for seqcast batch
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
series="${SERIES:-200}"
workers=("$@")
[ ${#workers[@]} -eq 0 ] && workers=(1 2)
work="$(mktemp -d "${TMPDIR:-/tmp}/seqcast-batch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$here/bench/gen-series.sh" "$work/series"

ls "$work/series"/*.csv | sed -n "1,${series}p" > "$work/list.txt"
count=$(wc -l < "$work/list.txt")
rows=$(xargs cat < "$work/list.txt" | grep -vc '^month' || true)
echo "series: $count generated monthly series, $rows rows in all (lengths 60-300), default config ${SET:-}"
printf '%-8s %-10s %-10s %-10s %-8s %-8s\n' workers seconds series/s s/series ok failed
for w in "${workers[@]}"; do
  start=$(date +%s.%N)
  json="$("$here/bin/seqcast" batch --input - --out "$work/out-$w" --workers "$w" --quiet --json ${SET:-} < "$work/list.txt" || true)"
  end=$(date +%s.%N)
  ok=$(printf '%s\n' "$json" | sed -n 's/.*"ok" : \([0-9]*\).*/\1/p')
  failed=$(printf '%s\n' "$json" | sed -n 's/.*"failed" : \([0-9]*\).*/\1/p')
  awk -v w="$w" -v s="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" -v n="$count" -v ok="${ok:-?}" -v f="${failed:-?}" \
    'BEGIN { printf "%-8s %-10.1f %-10.3f %-10.2f %-8s %-8s\n", w, s, n / s, s / n, ok, f }'
done
echo "(wall time of the whole command, JVM start included; R nnetar anchor: 4.3 s per series, ../shared/bench/public-suite/anchors.csv)"
