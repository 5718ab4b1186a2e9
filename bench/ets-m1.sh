#!/usr/bin/env bash
# seqcast's automatic ETS (eval.Ets) ALONE on the M1 competition (../shared/bench/m1), beside R forecast 8.20's ets on
# the same series: mean sMAPE (M3 definition) per period and overall, how often the forecasts agree, and the time
# (one thread) against the sum of R ets' seconds. How faithful eval.Ets is, not a seqcast default.
# Usage: [THREADS=1] bench/ets-m1.sh
set -euo pipefail
cd "$(dirname "$0")/.."
m1="${M1:-../shared/bench/m1}"
threads="${THREADS:-1}"
bin/seqcast --version >/dev/null   # builds target/seqcast.jar and target/classpath.txt when sources changed
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "ets-m1: load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for p in yearly quarterly monthly; do
  h=$(awk -F, -v p="$p" '$2 == p {print $4; exit}' "$m1/series.csv")
  m=$(awk -F, -v p="$p" '$2 == p {print $5; exit}' "$m1/series.csv")
  start=$(date +%s.%N)
  java -cp "target/seqcast.jar:$(cat target/classpath.txt)" bench/EtsForecasts.java "$m1/$p.csv" "$h" "$m" "$out/$p.csv" "$threads"
  end=$(date +%s.%N)
  echo "$p,$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')" >> "$out/seconds.csv"
done
python3 - "$m1" "$out" <<'PY'
import csv, sys, collections
m1, out = sys.argv[1], sys.argv[2]
meta = {r["series"]: r for r in csv.DictReader(open(f"{m1}/series.csv"))}
act = collections.defaultdict(dict)
for r in csv.DictReader(open(f"{m1}/actuals.csv")):
    act[r["series"]][int(r["step"])] = float(r["value"])
anchor = {(r["series"], r["method"]): (float(r["smape"]), float(r["seconds"])) for r in csv.DictReader(open(f"{m1}/anchors.csv"))}
secs = dict((r[0], float(r[1])) for r in csv.reader(open(f"{out}/seconds.csv")))
def smape(a, f):
    return sum(200 * abs(x - y) / (abs(x) + abs(y)) if abs(x) + abs(y) > 0 else 0 for x, y in zip(a, f)) / len(a)
allj, allr, alls = [], [], 0.0
print(f"{'period':10s} {'series':>6s} | {'seqcast ets sMAPE':>17s} {'R ets sMAPE':>11s} | {'seqcast s':>9s} {'R ets s':>8s}")
for p in ["yearly", "quarterly", "monthly"]:
    fc = collections.defaultdict(dict)
    for r in csv.DictReader(open(f"{out}/{p}.csv")):
        fc[r["series"]][int(r["step"])] = float(r["ets"])
    ids = [s for s in meta if meta[s]["period"] == p]
    j = [smape([act[s][k] for k in sorted(act[s])], [fc[s][k] for k in sorted(act[s])]) for s in ids]
    r = [anchor[(s, "ets")][0] for s in ids]
    rs = sum(anchor[(s, "ets")][1] for s in ids)
    allj += j; allr += r; alls += rs
    print(f"{p:10s} {len(ids):6d} | {sum(j)/len(j):17.3f} {sum(r)/len(r):11.3f} | {secs[p]:9.1f} {rs:8.1f}")
print(f"{'overall':10s} {len(allj):6d} | {sum(allj)/len(allj):17.3f} {sum(allr)/len(allr):11.3f} | {sum(secs.values()):9.1f} {alls:8.1f}")
PY
