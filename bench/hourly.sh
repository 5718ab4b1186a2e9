#!/usr/bin/env bash
# Half-hourly day-ahead suite (../shared/bench/hourly: four origins of the Victorian electricity demand, 8 weeks of
# history each, the next 48 half-hours' temperature and holiday known in advance). Per origin: seqcast train with the
# BUILT-IN DEFAULTS plus the data columns and the known inputs (data.known=[temperature,holiday], given with --future),
# forecast the 48 half-hours, score against the actuals: MASE (scaled by the in-sample seasonal naive MAE with lag 48,
# as R's anchors), sMAPE (0..200), wall time and peak RSS (/usr/bin/time -v), beside R's anchors. Then the twelve-week
# run: the last 4,032 rows of ../shared/datasets/vic-elec.csv, demand only, every key at its default (horizon auto = 48).
#
# Usage: bench/hourly.sh [suite dir] [extra --set options...]     KEEP=dir keeps the forecasts and logs;
#        NO_KNOWN=1 leaves out the known inputs; NO_LONG=1 skips the twelve-week run.
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-../shared/bench/hourly}"
shift || true
bin/seqcast --version >/dev/null
if [ -n "${KEEP:-}" ]; then out=$KEEP; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
known=(--set 'data.known=[temperature,holiday]')
[ -n "${NO_KNOWN:-}" ] && known=()
for c in $(tail -n +2 "$suite/cases.csv" | cut -d, -f1 | tr -d '\r'); do
  fut=()
  [ -z "${NO_KNOWN:-}" ] && fut=(--future "$suite/$c-future.csv")
  /usr/bin/time -v -o "$out/$c.time" bin/seqcast train -q --set data.path="$suite/$c-history.csv" --set data.time_column=time \
    --set data.target=demand "${known[@]}" "$@" "${fut[@]}" --forecast "$out/$c-forecast.csv" 2> "$out/$c.log" \
    || { cat "$out/$c.log" >&2; exit 1; }
  echo "$c done" >&2
done
if [ -z "${NO_LONG:-}" ]; then
  { head -1 "$suite/../../datasets/vic-elec.csv"; tail -n 4032 "$suite/../../datasets/vic-elec.csv"; } > "$out/vic-elec-12w.csv"
  /usr/bin/time -v -o "$out/long.time" bin/seqcast train -q --set data.path="$out/vic-elec-12w.csv" --set data.time_column=time \
    --set data.target=demand "$@" --forecast "$out/long-forecast.csv" 2> "$out/long.log" || { cat "$out/long.log" >&2; exit 1; }
fi
python3 bench/hourly_score.py "$suite" "$out"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
