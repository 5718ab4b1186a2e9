#!/usr/bin/env bash
# The benchmark series shared by bench/batch.sh and bench/spark-cluster.sh: 200 seeded monthly series
# (level + trend + 12-month seasonality + noise, 60-300 rows each), as one CSV per series and/or one
# long-format CSV (columns month,series,value) of the first N.
#
#   bench/gen-series.sh DIR            # DIR/s001.csv .. DIR/s200.csv
#   bench/gen-series.sh DIR 40 LONG    # also LONG: the first 40 series in long format
#
# The generator is a plain LCG in awk (no awk rand()), so every awk produces the same series.
set -euo pipefail
dir="$1"
count="${2:-200}"
long="${3:-}"
mkdir -p "$dir"
awk -v dir="$dir" -v n=200 'BEGIN {
  state = 20240611                                   # seed
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

if [ -n "$long" ]; then
  {
    echo "month,series,value"
    for f in $(ls "$dir"/s*.csv | sed -n "1,${count}p"); do
      id="$(basename "$f" .csv)"
      tail -n +2 "$f" | sed "s/,/,$id,/"
    done
  } > "$long"
fi
