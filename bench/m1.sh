#!/usr/bin/env bash
# The M1 competition (../shared/bench/m1: 181 yearly, 203 quarterly, 617 monthly series, README inside) with seqcast's
# BUILT-IN DEFAULTS: per period one `seqcast batch --global` run given only the input, the series column, the time
# column, the target and the horizon; and per-series `batch` (= train per series) on a stratified subset of
# PERSERIES series (default 30, spread over the periods and the lengths; 0 skips it). Scores sMAPE (the M3 paper's
# definition) and MASE per period and overall beside R forecast 8.20's anchors (ets, arima, theta, snaive, naive) on
# the same series, counts the series without a forecast, and compares the wall time of the global runs with the sum
# of R ets' seconds.
# Usage: [KEEP=dir] [PERSERIES=N] [PERIODS="yearly quarterly monthly"] [WORKERS=N] bench/m1.sh [--set k=v ...]
# (extra options go to every seqcast run: for measuring a design choice against the defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
m1="${M1:-../shared/bench/m1}"
periods="${PERIODS:-yearly quarterly monthly}"
perseries="${PERSERIES:-30}"
bin/seqcast --version >/dev/null
if [ -n "${KEEP:-}" ]; then out=$KEEP; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
workers=()
[ -n "${WORKERS:-}" ] && workers=(--workers "$WORKERS")
echo "m1: load average at start: $(cut -d' ' -f1-3 /proc/loadavg); extra options: ${*:-none}" >&2
: > "$out/seconds.csv"
for p in $periods; do
  time_col=$(head -1 "$m1/$p.csv" | tr -d '\r' | cut -d, -f2)
  h=$(awk -F, -v p="$p" '$2 == p {print $4; exit}' "$m1/series.csv")
  rm -rf "$out/global-$p"
  start=$(date +%s.%N)
  # exit 7 (some series failed) is scored as missing forecasts, not a crash of the script
  bin/seqcast batch --global -q -i "$m1/$p.csv" --series-column series --set data.time_column="$time_col" \
    --set data.target=value --set window.horizon="$h" -o "$out/global-$p" "${workers[@]}" "$@" || [ $? -eq 7 ]
  end=$(date +%s.%N)
  echo "global,$p,$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')" >> "$out/seconds.csv"
  echo "m1: global $p done in $(tail -1 "$out/seconds.csv" | cut -d, -f3) s" >&2
  if [ "$perseries" -gt 0 ]; then
    # Stratified subset: this period's share of PERSERIES, every k-th series in order of length.
    python3 - "$m1" "$p" "$perseries" "$out/subset-$p.csv" <<'PY'
import csv, sys
m1, p, total, dst = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = [r for r in csv.DictReader(open(f"{m1}/series.csv")) if r["period"] == p]
allrows = sum(1 for r in csv.DictReader(open(f"{m1}/series.csv")))
k = max(1, round(total * len(rows) / allrows))
rows.sort(key=lambda r: (int(r["n"]), r["series"]))
pick = {rows[int((i + 0.5) * len(rows) / k)]["series"] for i in range(k)}
with open(f"{m1}/{p}.csv") as f, open(dst, "w", newline="") as g:
    r = csv.reader(f); w = csv.writer(g); w.writerow(next(r))
    for row in r:
        if row[0] in pick:
            w.writerow(row)
PY
    rm -rf "$out/perseries-$p"
    start=$(date +%s.%N)
    bin/seqcast batch -q -i "$out/subset-$p.csv" --series-column series --set data.time_column="$time_col" \
      --set data.target=value --set window.horizon="$h" -o "$out/perseries-$p" "${workers[@]}" "$@" || [ $? -eq 7 ]
    end=$(date +%s.%N)
    echo "perseries,$p,$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')" >> "$out/seconds.csv"
    echo "m1: per-series $p done" >&2
  fi
done
python3 - "$m1" "$out" "$periods" <<'PY'
import csv, json, os, sys
m1, out, periods = sys.argv[1], sys.argv[2], sys.argv[3].split()
meta = {r["series"]: r for r in csv.DictReader(open(f"{m1}/series.csv"))}
actual = {}
for r in csv.DictReader(open(f"{m1}/actuals.csv")):
    actual.setdefault(r["series"], []).append((int(r["step"]), float(r["value"])))
actual = {k: [v for _, v in sorted(x)] for k, x in actual.items()}
history = {}
for p in ["yearly", "quarterly", "monthly"]:
    for r in csv.reader(open(f"{m1}/{p}.csv")):
        if r[0] != "series":
            history.setdefault(r[0], []).append(float(r[2]))
anchors = {}
for r in csv.DictReader(open(f"{m1}/anchors.csv")):
    anchors.setdefault(r["series"], {})[r["method"]] = (float(r["smape"]), float(r["mase"]), float(r["seconds"]))
methods = ["ets", "arima", "theta", "snaive", "naive"]

def smape(y, f):
    return sum(200 * abs(a - b) / (abs(a) + abs(b)) if abs(a) + abs(b) > 0 else 0 for a, b in zip(y, f)) / len(y)

def mase(s, y, f):
    m = int(meta[s]["m"]); x = history[s]
    lag = m if len(x) > m else 1
    d = [abs(x[i] - x[i - lag]) for i in range(lag, len(x))]
    scale = sum(d) / len(d)
    return sum(abs(a - b) for a, b in zip(y, f)) / len(y) / scale

def forecasts(d):
    fc = {}
    path = os.path.join(out, d, "forecasts.csv")
    if os.path.exists(path):
        for r in csv.reader(open(path)):
            if r[0] != "series":
                fc.setdefault(r[0], []).append(float(r[2]))
    return fc

seconds = {}
for r in csv.reader(open(os.path.join(out, "seconds.csv"))):
    seconds[(r[0], r[1])] = float(r[2])
report = {"periods": {}, "seconds": {}}

def table(kind, label):
    rows, allsm, allma, allanc, missing_all = [], [], [], {m: ([], []) for m in methods}, 0
    for p in periods:
        fc = forecasts(f"{kind}-{p}")
        ids = [s for s in meta if meta[s]["period"] == p]
        if kind == "perseries":
            ids = [r[0] for r in csv.reader(open(os.path.join(out, f"subset-{p}.csv"))) if r[0] != "series"]
            ids = list(dict.fromkeys(ids))
        scored = [s for s in ids if s in fc and len(fc[s]) == len(actual[s])]
        missing = len(ids) - len(scored)
        missing_all += missing
        sm = [smape(actual[s], fc[s]) for s in scored]
        ma = [mase(s, actual[s], fc[s]) for s in scored]
        allsm += sm; allma += ma
        anc = {}
        for m in methods:
            a = [anchors[s][m] for s in scored]
            anc[m] = (sum(x[0] for x in a) / len(a), sum(x[1] for x in a) / len(a), sum(x[2] for x in a))
            allanc[m][0].extend(x[0] for x in a); allanc[m][1].extend(x[1] for x in a)
        rows.append((p, len(ids), missing, sum(sm) / len(sm), sum(ma) / len(ma), anc))
        report["periods"].setdefault(kind, {})[p] = {"series": len(ids), "missing": missing, "smape": sum(sm) / len(sm),
            "mase": sum(ma) / len(ma), "anchors": {m: {"smape": anc[m][0], "mase": anc[m][1], "seconds": anc[m][2]} for m in methods}}
    print(f"\n{label}")
    print(f"{'period':10s} {'series':>6s} {'no fc':>5s} | {'seqcast sMAPE':>13s} {'MASE':>6s} | " + " ".join(f"{m + ' sMAPE':>12s}" for m in methods)
          + " | " + " ".join(f"{m + ' MASE':>11s}" for m in methods))
    for p, n, miss, sm, ma, anc in rows:
        print(f"{p:10s} {n:6d} {miss:5d} | {sm:13.3f} {ma:6.3f} | " + " ".join(f"{anc[m][0]:12.3f}" for m in methods)
              + " | " + " ".join(f"{anc[m][1]:11.3f}" for m in methods))
    if len(rows) > 1 and allsm:
        n = sum(r[1] for r in rows)
        print(f"{'overall':10s} {n:6d} {missing_all:5d} | {sum(allsm) / len(allsm):13.3f} {sum(allma) / len(allma):6.3f} | "
              + " ".join(f"{sum(allanc[m][0]) / len(allanc[m][0]):12.3f}" for m in methods)
              + " | " + " ".join(f"{sum(allanc[m][1]) / len(allanc[m][1]):11.3f}" for m in methods))
        report["periods"].setdefault(kind, {})["overall"] = {"series": n, "missing": missing_all, "smape": sum(allsm) / len(allsm),
            "mase": sum(allma) / len(allma), "anchors": {m: {"smape": sum(allanc[m][0]) / len(allanc[m][0]),
            "mase": sum(allanc[m][1]) / len(allanc[m][1])} for m in methods}}

table("global", "batch --global, built-in defaults (anchors: R forecast 8.20 on the same series)")
if any(k == "perseries" for k, _ in seconds):
    table("perseries", "per-series train (stratified subset)")
g = sum(v for (k, _), v in seconds.items() if k == "global")
ets = sum(anchors[s]["ets"][2] for s in meta if meta[s]["period"] in periods)
print(f"\nwall time of the --global runs: {g:.1f} s (" + ", ".join(f"{p} {seconds[('global', p)]:.1f}" for p in periods)
      + f"); R ets seconds summed over the same series: {ets:.1f} s")
for p in periods:
    if ("perseries", p) in seconds:
        print(f"per-series {p}: {seconds[('perseries', p)]:.1f} s")
report["seconds"] = {"global": g, "ets": ets, **{f"{k}-{p}": v for (k, p), v in seconds.items()}}
json.dump(report, open(os.path.join(out, "m1.json"), "w"), indent=1)
PY
