#!/usr/bin/env bash
# Accuracy on the public suite (../shared/bench/public-suite): for each series train on all but the last
# h rows with seqcast's BUILT-IN DEFAULTS (per series only the data path, time column, target, horizon h and
# season m; missing values interpolated as R's na.interp did for the anchors), forecast h, score; print
# per-series MASE and sMAPE beside R's anchors, then the geometric mean over series of
# MASE / seasonal-naive MASE. Usage: [JOBS=2] [KEEP=dir for the per-series JSON] bench/accuracy.sh [suite dir] [extra --set options...]
# FOLDS=K scores K rolling origins h rows apart instead of the one holdout (not R's protocol: for
# interval coverage over more than one path per series).
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-../shared/bench/public-suite}"
shift || true
bin/seqcast --version >/dev/null
if [ -n "${KEEP:-}" ]; then out=$KEEP; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
# JOBS series at a time (default 1). Extra options are split on spaces (--set values have none).
run_one() {
  local name=$1 file=$2 target=$3 m=$4 h=$5 time_col start end
  time_col=$(head -1 "$suite/$file" | tr -d '\r\357\273\277' | cut -d, -f1)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  local cut=(--holdout "$h")
  [ -n "${FOLDS:-}" ] && cut=(--folds "$FOLDS" --step "$h" --set window.horizon="$h")
  bin/seqcast backtest -q --json "${cut[@]}" \
    --set data.path="$suite/$file" --set data.time_column="$time_col" --set data.target="$target" \
    --set data.season="$m" --set data.missing=interpolate $EXTRA > "$out/$name.json"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f\n", b-a}' > "$out/$name.seconds"
  echo "$name done" >&2
}
export -f run_one
export suite out EXTRA="$*"
tail -n +2 "$suite/suite.csv" | tr -d '\r' | tr ',' ' ' | xargs -P "${JOBS:-1}" -L 1 bash -c 'run_one "$@"' _
/usr/bin/env python3 - "$suite" "$out" <<'PY'
import csv, json, math, os, sys
suite, out = sys.argv[1], sys.argv[2]
anchors = {}
for r in csv.DictReader(open(os.path.join(suite, "anchors.csv"))):
    anchors.setdefault(r["series"], {})[r["model"]] = (float(r["mase"]), float(r["smape"]))
models = ["ets", "arima", "theta", "nnetar", "snaive"]
print(f"{'series':22s} {'seqcast MASE':>12s} {'sMAPE':>7s} {'snaive':>7s} {'ratio':>6s} {'sec':>5s} | " + " ".join(f"{m:>7s}" for m in models))
logs, rlogs = [], {m: [] for m in models}
for r in csv.DictReader(open(os.path.join(suite, "suite.csv"))):
    name = r["name"]
    j = json.load(open(os.path.join(out, name + ".json")))
    mase, smape = j["overall"]["model"]["mase"], j["overall"]["model"]["smape"]
    sn = j["overall"]["seasonal_naive"]["mase"]
    sec = open(os.path.join(out, name + ".seconds")).read().strip()
    logs.append(math.log(mase / sn))
    a = anchors.get(name, {})
    for m in models:
        if m in a and "snaive" in a:
            rlogs[m].append(math.log(a[m][0] / a["snaive"][0]))
    print(f"{name:22s} {mase:12.3f} {smape:7.2f} {sn:7.3f} {mase / sn:6.3f} {sec:>5s} | " + " ".join(f"{a[m][0]:7.3f}" if m in a else "      -" for m in models))
cov = {}
for r in csv.DictReader(open(os.path.join(suite, "suite.csv"))):
    j = json.load(open(os.path.join(out, r["name"] + ".json")))
    for level, c in j.get("interval_coverage", {}).items():
        n = int(r["h"]) * len(j.get("origins", [1]))
        cov.setdefault(level, []).append((r["name"], c, n))
for level, rows in sorted(cov.items(), key=lambda kv: int(kv[0])):
    pooled = sum(c * n for _, c, n in rows) / sum(n for _, _, n in rows)
    print(f"{level}% interval coverage: pooled {100 * pooled:.1f}% of {sum(n for _, _, n in rows)} actuals; per series " +
          ", ".join(f"{name} {100 * c:.0f}%" for name, c, _ in rows))
geo = math.exp(sum(logs) / len(logs))
print(f"\ngeo-mean MASE / seasonal-naive MASE over {len(logs)} series: seqcast {geo:.3f}; " +
      ", ".join(f"{m} {math.exp(sum(v) / len(v)):.3f}" for m, v in rlogs.items() if v))
PY
