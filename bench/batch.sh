#!/usr/bin/env bash
# Throughput of 'seqcast batch' with the default config: generates 200 seeded monthly series
# (level + trend + 12-month seasonality + noise, 60-300 rows each) and times one batch run per worker
# count, printing series/s and s/series.
#
#   bench/batch.sh                 # 200 series, 1 and 2 workers
#   SERIES=40 bench/batch.sh 1 2   # the first 40 of the same 200 series
#   SET='--set training.epochs=50' bench/batch.sh 2   # extra options for seqcast batch
#
# The generator is a plain LCG in awk (no awk rand()), so every awk produces the same series.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
series="${SERIES:-200}"
workers=("$@")
[ ${#workers[@]} -eq 0 ] && workers=(1 2)
work="$(mktemp -d "${TMPDIR:-/tmp}/seqcast-batch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

awk -v dir="$work/series" -v n=200 'BEGIN {
  state = 20240611                                   # seed
  system("mkdir -p " dir)
  for (s = 1; s <= n; s++) {
    rows = 60 + int(u() * 241)                       # 60..300
    level = 50 + u() * 450
    trend = (u() - 0.3) * level * 0.01               # mostly upward, some downward
    amp = level * (0.05 + u() * 0.25)
    phase = u() * 6.283185
    noise = level * (0.01 + u() * 0.06)
    file = sprintf("%s/s%03d.csv", dir, s)
    print "month,value" > file
    year = 1990 + int(u() * 10); month = 1
    for (t = 0; t < rows; t++) {
      v = level + trend * t + amp * sin(6.283185 * t / 12 + phase) + noise * gauss()
      if (v < 1) v = 1
      printf "%04d-%02d,%.3f\n", year, month, v > file
      month++; if (month > 12) { month = 1; year++ }
    }
    close(file)
  }
}
function u() { state = (state * 16807) % 2147483647; return state / 2147483647 }     # Park-Miller, exact in doubles
function gauss() { return sqrt(-2 * log(u())) * cos(6.283185307 * u()) }'

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
