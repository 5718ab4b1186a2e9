#!/usr/bin/env bash
# Held-out check of the global defaults on other series than M1: ../shared/datasets/aus-retail-long.csv (152 monthly
# Australian retail turnover series, 32-441 months). Each series is cut H months (default 18, M1's monthly horizon)
# before its end; `seqcast batch --global` with built-in defaults (input, series column, time column, target,
# horizon) forecasts them; sMAPE (M3 definition) and MASE are scored beside R forecast's ets, auto.arima, thetaf,
# snaive and naive fitted on the same training parts (bench/aus-retail-anchors.csv, made by bench/anchors.R when
# missing: needs Rscript and r-cran-forecast; auto.arima is left out, ~5 s a series on these long series).
# Usage: [KEEP=dir] [H=18] bench/aus-retail.sh [--set k=v ...]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${DATA:-../shared/datasets/aus-retail-long.csv}"
h="${H:-18}"
anchors="bench/aus-retail-anchors.csv"
bin/seqcast --version >/dev/null
if [ -n "${KEEP:-}" ]; then out=$KEEP; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
echo "aus-retail: load average at start: $(cut -d' ' -f1-3 /proc/loadavg); extra options: ${*:-none}" >&2
python3 - "$data" "$h" "$out" <<'PY'
import csv, sys
src, h, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = {}
with open(src) as f:
    r = csv.reader(f); header = next(r)
    for row in r:
        rows.setdefault(row[0], []).append(row)
with open(f"{out}/train.csv", "w", newline="") as t, open(f"{out}/actuals.csv", "w", newline="") as a:
    tw, aw = csv.writer(t), csv.writer(a)
    tw.writerow(header); aw.writerow(["series", "step", "value"])
    for s, rs in rows.items():
        for row in rs[:-h]:
            tw.writerow(row)
        for i, row in enumerate(rs[-h:]):
            aw.writerow([s, i + 1, row[2]])
PY
if [ ! -f "$anchors" ]; then
  echo "aus-retail: computing R anchors into $anchors (once)" >&2
  Rscript bench/anchors.R "$data" "$h" 12 "$anchors" ets,theta,snaive,naive
fi
start=$(date +%s.%N)
bin/seqcast batch --global -q -i "$out/train.csv" --series-column series --set data.time_column=month \
  --set data.target=turnover --set window.horizon="$h" -o "$out/global" "$@" || [ $? -eq 7 ]
end=$(date +%s.%N)
python3 - "$out" "$anchors" "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')" <<'PY'
import csv, sys
out, anchors_path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
actual, history, fc, anchors = {}, {}, {}, {}
for r in csv.DictReader(open(f"{out}/actuals.csv")):
    actual.setdefault(r["series"], []).append(float(r["value"]))
for r in csv.reader(open(f"{out}/train.csv")):
    if r[0] != "series":
        history.setdefault(r[0], []).append(float(r[2]))
for r in csv.reader(open(f"{out}/global/forecasts.csv")):
    if r[0] != "series":
        fc.setdefault(r[0], []).append(float(r[2]))
for r in csv.DictReader(open(anchors_path)):
    anchors.setdefault(r["series"], {})[r["method"]] = (float(r["smape"]), float(r["mase"]), float(r["seconds"]))
def smape(y, f):
    return sum(200 * abs(a - b) / (abs(a) + abs(b)) if abs(a) + abs(b) > 0 else 0 for a, b in zip(y, f)) / len(y)
def mase(s, y, f):
    x = history[s]; lag = 12 if len(x) > 12 else 1
    d = [abs(x[i] - x[i - lag]) for i in range(lag, len(x))]
    return sum(abs(a - b) for a, b in zip(y, f)) / len(y) / (sum(d) / len(d))
ids = list(actual)
scored = [s for s in ids if s in fc and len(fc[s]) == len(actual[s])]
methods = ["ets", "theta", "snaive", "naive"]
sm = sum(smape(actual[s], fc[s]) for s in scored) / len(scored)
ma = sum(mase(s, actual[s], fc[s]) for s in scored) / len(scored)
print(f"aus-retail: {len(ids)} series, {len(ids) - len(scored)} without a forecast; seqcast --global sMAPE {sm:.3f} MASE {ma:.3f}; "
      + ", ".join(f"{m} {sum(anchors[s][m][0] for s in scored) / len(scored):.3f} / {sum(anchors[s][m][1] for s in scored) / len(scored):.3f}"
                  for m in methods)
      + f"; wall {seconds:.1f} s (R ets {sum(anchors[s]['ets'][2] for s in scored):.1f} s)")
PY
