#!/usr/bin/env bash
# A new user's first hour, scripted: realistic exported files (German Excel with ';', decimal comma and
# dd.MM.yyyy; US Excel with MM/dd/yyyy and "12,025.90"; SQL-stamped monthly; business-day prices with
# holidays; a wide file of stores), each taken through init -> train -> predict -> evaluate -> backtest ->
# batch as the README tells, the config written by init unchanged. Per task it prints the commands the user
# needed (6 when every step works the first time; a step whose error names the option to add, as evaluate's
# --all-origins on the training file, is run again with it and counted twice) and whether the output was right:
# forecast timestamps continue the file's calendar (weekends skipped for business days, month starts for
# the SQL file, the file's own date format) and values are finite and within the history's range widened
# by its span.
#
# Usage: bench/first-hour.sh            (fast: EPOCHS=20 small networks; checks plumbing and dates)
#        FULL=1 bench/first-hour.sh     (every training key at its default)
#        KEEP=dir bench/first-hour.sh   (keep the files and outputs)
set -uo pipefail
cd "$(dirname "$0")/.."
seqcast="$PWD/bin/seqcast"
"$seqcast" --version >/dev/null || exit 70
if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
fast=()
[ -z "${FULL:-}" ] && fast=(--set training.epochs="${EPOCHS:-20}" --set 'model.layers=[{units: 16}]' --set training.ensemble=1)

python3 - "$work" <<'PY'
import datetime as dt, math, random, sys, os
w = sys.argv[1]; random.seed(7)
def de(x): return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
# 1. German Excel: daily sales, ';', dd.MM.yyyy, 1.234,56, BOM and CRLF
with open(f"{w}/umsatz.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write("Datum;Umsatz;Retouren\r\n"); d = dt.date(2023, 1, 2)
    for i in range(200):
        x = d + dt.timedelta(days=i); v = 1500 + 3*i + 400*(x.weekday() >= 5) + random.gauss(0, 60)
        f.write(f"{x:%d.%m.%Y};{de(v)};{de(v*0.05)}\r\n")
# 2. US Excel: daily orders, MM/dd/yyyy, quoted thousands
with open(f"{w}/orders.csv", "w", newline="") as f:
    f.write("Order Date,Revenue\r\n"); d = dt.date(2022, 11, 1)
    for i in range(180):
        x = d + dt.timedelta(days=i); v = 12000 + 40*i + 900*math.sin(2*math.pi*i/7) + random.gauss(0, 150)
        f.write(f'{x:%m/%d/%Y},"{v:,.2f}"\r\n')
# 3. SQL export: monthly revenue stamped at midnight
with open(f"{w}/revenue.csv", "w") as f:
    f.write("month_start,revenue\n")
    for i in range(96):
        y, m = 2015 + i//12, i % 12 + 1
        f.write(f"{y}-{m:02d}-01 00:00:00,{200 + 2*i + 30*math.sin(2*math.pi*i/12) + random.gauss(0, 5):.3f}\n")
# 4. Business-day prices with two holidays (missing weekdays)
with open(f"{w}/prices.csv", "w") as f:
    f.write("date,close\n"); d = dt.date(2023, 6, 1); p = 100.0
    holidays = {dt.date(2023, 7, 4), dt.date(2023, 9, 4)}
    while d <= dt.date(2024, 3, 28):
        if d.weekday() < 5 and d not in holidays:
            p *= math.exp(random.gauss(0.0003, 0.01)); f.write(f"{d.isoformat()},{p:.4f}\n")
        d += dt.timedelta(days=1)
# 5. Wide stores: weekly sales of three stores
with open(f"{w}/stores.csv", "w") as f:
    f.write("week,store_north,store_south,store_east\n"); d = dt.date(2021, 1, 4)
    for i in range(150):
        x = d + dt.timedelta(weeks=i); s = 52
        f.write(f"{x.isoformat()}," + ",".join(f"{b + 5*math.sin(2*math.pi*i/s) + random.gauss(0, 2):.1f}" for b in (80, 120, 60)) + "\n")
PY

check() { # check FORECAST_CSV DATA_CSV KIND: timestamps continue the calendar, values sane
  python3 - "$@" <<'PY'
import csv, datetime as dt, io, math, sys
fc, data, kind = sys.argv[1:4]
def rows(p):
    t = open(p, encoding="utf-8-sig").read(); delim = ";" if t.splitlines()[0].count(";") > t.splitlines()[0].count(",") else ","
    return list(csv.reader(io.StringIO(t), delimiter=delim))
F, D = rows(fc), rows(data)
times, hist = [r[0] for r in F[1:]], D[1:]
def num(s): return float(s.replace(".", "").replace(",", ".")) if kind == "de" else float(s.replace(",", ""))
fmt = {"de": "%d.%m.%Y", "us": "%m/%d/%Y", "sql": "%Y-%m-%d %H:%M:%S", "bday": "%Y-%m-%d", "stores": "%Y-%m-%d"}[kind]
last = dt.datetime.strptime(hist[-1][0], fmt)
exp, t = [], last
for _ in times:
    if kind == "sql": t = t.replace(year=t.year + t.month // 12, month=t.month % 12 + 1)
    elif kind == "stores": t = t + dt.timedelta(weeks=1)
    else:
        t = t + dt.timedelta(days=1)
        while kind == "bday" and t.weekday() >= 5: t = t + dt.timedelta(days=1)
    exp.append(t.strftime(fmt))
vals = [num(r[1]) for r in hist]; lo, hi = min(vals), max(vals); span = hi - lo
fv = [float(r[1]) for r in F[1:]]
sane = all(math.isfinite(v) and lo - span <= v <= hi + span for v in fv)
ok = times == exp and sane and len(times) > 0
print(("right" if ok else "WRONG") + f": {len(times)} steps {times[0] if times else '-'} .. {times[-1] if times else '-'}"
      + ("" if times == exp else f" (expected {exp[0]} ..)") + ("" if sane else " (values out of range)"))
sys.exit(0 if ok else 1)
PY
}

n=0
try() { # run a seqcast command and count it; when it fails with an error naming the option to add (as
  # evaluate's --all-origins), run it again with that option, as a user would, and count that too
  n=$((n + 1))
  if "$seqcast" "$@" >"$work/last.out" 2>"$work/last.err"; then return 0; fi
  local msg; msg=$(grep -v '^Try' "$work/last.err" | tail -1)
  echo "    command $n failed: $msg" >&2
  case "$msg" in
    *--all-origins*) n=$((n + 1)); "$seqcast" "$@" --all-origins >"$work/last.out" 2>"$work/last.err" && return 0
                     echo "    command $n failed: $(grep -v '^Try' "$work/last.err" | tail -1)" >&2 ;;
  esac
  return 1
}

printf '%-26s %-9s %-8s %s\n' task commands result detail
total_ok=0
for task in de:umsatz us:orders sql:revenue bday:prices stores:stores; do
  kind=${task%%:*}; name=${task##*:}; csv="$work/$name.csv"; cfg="$work/$name.yaml"; model="$work/$name.seqcast"; n=0; ok=true
  rm -f "$cfg"
  # 1. init (the README's first step for an own file)
  try init "$csv" -o "$cfg" || ok=false
  # 2. train; a wide file's first column only: the stores are forecast together by batch below
  try train -c "$cfg" -q -o "$model" --forecast "$work/$name-train.csv" "${fast[@]}" || ok=false
  # 3. predict from the saved model
  try predict -m "$model" -i "$csv" -o "$work/$name-forecast.csv" || ok=false
  # 4. evaluate the saved model on the file
  try evaluate -m "$model" -i "$csv" || ok=false
  # 5. backtest, two folds
  try backtest -c "$cfg" -q --folds 2 "${fast[@]}" || ok=false
  # 6. batch: each store as its own series, or the one file
  if [ "$kind" = stores ]; then
    try batch -c "$cfg" --input "$csv" --per-column -o "$work/$name-batch" -q "${fast[@]}" --workers 2 || ok=false
  else
    try batch -c "$cfg" --input "$csv" -o "$work/$name-batch" -q "${fast[@]}" --workers 1 || ok=false
  fi
  detail=$(check "$work/$name-forecast.csv" "$csv" "$kind" 2>&1) || ok=false
  $ok && total_ok=$((total_ok + 1))
  printf '%-26s %-9s %-8s %s\n' "$kind ($name.csv)" "$n" "$($ok && echo right || echo WRONG)" "$detail"
done
echo "tasks right: $total_ok of 5"
[ "$total_ok" = 5 ]
