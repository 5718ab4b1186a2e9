#!/usr/bin/env bash
# Fault scenarios a unit test cannot run: kill -9 in the middle of a batch then --resume, two batches
# at once on one --out, a disk that fills up (a 1 MiB tmpfs), a zip-bomb model under a memory cap,
# SIGTERM during training, and stdout that is full or closed. Prints one line per scenario: what
# seqcast exited with, what was kept and what was lost.
#
#   bench/faults.sh            # all scenarios (the tmpfs one needs root, to mount; skipped otherwise)
#   SERIES=12 bench/faults.sh  # more series in the batch scenarios (default 8)
#   SEQCAST=/path/to/other/bin/seqcast bench/faults.sh   # the same scenarios against another build
#
# Correctness only: no timing here is a result.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seqcast="${SEQCAST:-$here/bin/seqcast}"   # SEQCAST=other/bin/seqcast runs the scenarios against another build
n="${SERIES:-8}"
work="$(mktemp -d "${TMPDIR:-/tmp}/seqcast-faults.XXXXXX")"
mnt=""
cleanup() {
  [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
tiny=(--set training.epochs=3 --set 'model.layers=[{units: 8}]' --set training.ensemble=1 --set window.timesteps=12
      --set window.horizon=6 --set data.time_column=month --set data.target=value)
line() { printf '%-28s %s\n' "$1" "$2"; }
temps() { find "$1" -name '.*.tmp' 2>/dev/null | wc -l; }
# runs a command in the background and prints its peak resident memory (VmHWM, MiB) to $1; returns its exit code
peak() {
  local out=$1; shift
  "$@" &
  local pid=$! hwm=0 v
  while kill -0 $pid 2>/dev/null; do
    v=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null) && [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
    sleep 0.05
  done
  wait $pid; local code=$?
  echo $((hwm / 1024)) >"$out"
  return $code
}

"$seqcast" --version >/dev/null 2>&1 || { echo "faults: seqcast does not start" >&2; exit 70; }

# n seeded monthly series of 120 rows (LCG in awk: the same on every machine)
awk -v dir="$work/series" -v n="$n" 'BEGIN {
  state = 11; system("mkdir -p " dir)
  for (s = 1; s <= n; s++) {
    file = sprintf("%s/s%02d.csv", dir, s); print "month,value" > file
    level = 100 + 40 * s
    for (t = 0; t < 120; t++) {
      state = (state * 1103515245 + 12345) % 2147483648
      printf "%04d-%02d,%.3f\n", 2000 + int(t / 12), t % 12 + 1, level * (1 + 0.2 * sin(t * 0.5236)) + t + (state / 2147483648 - 0.5) * 5 > file
    }
    close(file)
  }
}'
parts() { ls "$1/.parts" 2>/dev/null | grep -c '\.summary\.csv$'; }
batch() { "$seqcast" batch --input "$work/series" --workers 1 -q "${tiny[@]}" "$@"; }

# 0. reference: one uninterrupted run
batch --out "$work/ref" >/dev/null 2>&1; ref=$?

# 1. kill -9 in the middle of a batch, then --resume
# a simple command in the background: bash execs bin/seqcast, which execs java, so $! is the JVM itself
"$seqcast" batch --input "$work/series" --workers 1 -q "${tiny[@]}" --out "$work/killed" >/dev/null 2>"$work/killed.err" &
pid=$!
for _ in $(seq 600); do [ "$(parts "$work/killed")" -ge 3 ] && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; killed=$?
kept=$(parts "$work/killed"); left=$(temps "$work/killed")
batch --out "$work/killed" --resume --json >"$work/resume.json" 2>/dev/null; resumed_code=$?
resumed=$(sed -n 's/.*"resumed" : \([0-9]*\).*/\1/p' "$work/resume.json")
same=$(cmp -s "$work/ref/forecasts.csv" "$work/killed/forecasts.csv" && echo "identical to" || echo "DIFFERENT from")
line "kill -9 mid-batch, resume" "killed: exit $killed with $kept of $n series complete, $left temp files; --resume: exit $resumed_code, reused $resumed, ran $((n - ${resumed:-0})); forecasts.csv $same the uninterrupted run (exit $ref); lost: the series in flight"

# 2. two batches at once on one --out
"$seqcast" batch --input "$work/series" --workers 1 -q "${tiny[@]}" --out "$work/shared" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do [ -f "$work/shared/.parts/run.txt" ] && break; sleep 0.1; done
batch --out "$work/shared" >/dev/null 2>"$work/second.err"; second=$?
wait $pid; first=$?
rows=$(($(wc -l <"$work/shared/forecasts.csv") - 1))
same=$(cmp -s "$work/ref/forecasts.csv" "$work/shared/forecasts.csv" && echo "identical to the reference" || echo "DIFFERENT from the reference")
line "two batches, one --out" "second: exit $second ($(head -c 90 "$work/second.err")...); first: exit $first, forecasts.csv $rows rows, $same; lost: nothing"

# 3. disk full: a 1 MiB tmpfs
if [ "$(id -u)" = 0 ] && mkdir -p "$work/tmpfs" && mount -t tmpfs -o size=1m tmpfs "$work/tmpfs" 2>/dev/null; then
  mnt="$work/tmpfs"
  "$seqcast" train -q "${tiny[@]}" --set data.path="$work/series/s01.csv" -o "$mnt/small.seqcast" >/dev/null 2>&1
  before=$(sha256sum <"$mnt/small.seqcast")
  # a model of about 2 MiB: cannot fit; the small model of the same name must survive
  "$seqcast" train -q "${tiny[@]}" --set 'model.layers=[{units: 360}]' --set training.epochs=1 \
    --set data.path="$work/series/s01.csv" -o "$mnt/small.seqcast" --forecast "$mnt/f.csv" >/dev/null 2>"$work/full.err"; full=$?
  after=$(sha256sum <"$mnt/small.seqcast")
  intact=$([ "$before" = "$after" ] && echo "kept intact" || echo "CHANGED")
  dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
  batch --out "$mnt/b" >/dev/null 2>"$work/fullb.err"; fullb=$?
  line "disk full (1 MiB tmpfs)" "train -o: exit $full ($(head -c 70 "$work/full.err")...), the earlier model $intact, no forecast file: $([ -e "$mnt/f.csv" ] && echo NO || echo yes), $(temps "$mnt") temp files; batch on the full disk: exit $fullb, $(temps "$mnt") temp files"
  umount "$mnt" && mnt=""
else
  line "disk full (1 MiB tmpfs)" "skipped: needs root to mount a tmpfs"
fi

# 4. zip bombs under a memory cap (-Xmx256m)
"$seqcast" train -q "${tiny[@]}" --set data.path="$work/series/s01.csv" -o "$work/good.seqcast" >/dev/null 2>&1
python3 - "$work/good.seqcast" "$work" <<'PY'
import json, sys, zipfile
good, work = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(good) as z:
    meta = json.loads(z.read("seqcast.json"))
zeros = bytes(1 << 20)
# params.bin inflating to 1.9 GiB under metadata that declares the real size
with zipfile.ZipFile(work + "/bomb.seqcast", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("seqcast.json", json.dumps(meta))
    with z.open("params.bin", "w", force_zip64=True) as f:
        for _ in range(1900):
            f.write(zeros)
# metadata declaring 1.9 GiB of parameters, consistently
meta["tensors"][0]["shape"] = [1900 * 1024, 256]
with zipfile.ZipFile(work + "/declared.seqcast", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("seqcast.json", json.dumps(meta))
    with z.open("params.bin", "w", force_zip64=True) as f:
        for _ in range(1900):
            f.write(zeros)
PY
for m in bomb declared; do
  SEQCAST_JAVA_OPTS=-Xmx256m peak "$work/$m.rss" "$seqcast" predict -m "$work/$m.seqcast" \
    -i "$work/series/s01.csv" >/dev/null 2>"$work/$m.err"; code=$?
  line "zip bomb ($m), -Xmx256m" "$(($(stat -c %s "$work/$m.seqcast") / 1024)) KiB file inflating to 1.9 GiB: exit $code, $(wc -l <"$work/$m.err") stderr lines, peak RSS $(cat "$work/$m.rss") MiB: $(head -c 110 "$work/$m.err")..."
done

# 5. SIGTERM while training with -o: no model, no temp file
"$seqcast" train "${tiny[@]}" --set training.epochs=5000 --set training.patience=0 --set data.path="$work/series/s02.csv" \
  -o "$work/term.seqcast" >/dev/null 2>"$work/term.err" &
pid=$!
# "data:" is printed once the CSV is read, before training starts; training takes well over 2 s here
for _ in $(seq 600); do grep -q "^data: " "$work/term.err" 2>/dev/null && break; sleep 0.1; done
sleep 2; kill -TERM $pid; wait $pid; term=$?
line "SIGTERM during train -o" "exit $term, model file: $([ -e "$work/term.seqcast" ] && echo present || echo none), $(temps "$work") temp files; lost: the training run"

# 6. stdout full or closed: the forecast is not reported as written
"$seqcast" predict -m "$work/good.seqcast" -i "$work/series/s01.csv" >/dev/full 2>/dev/null; full=$?
"$seqcast" predict -m "$work/good.seqcast" -i "$work/series/s01.csv" >&- 2>/dev/null; closed=$?
"$seqcast" predict -m "$work/good.seqcast" -i "$work/series/s01.csv" -o "$work/p.csv" >&- 2>/dev/null; tofile=$?
"$seqcast" batch --input - --out "$work/stdin" -q "${tiny[@]}" <&- >/dev/null 2>&1; nostdin=$?
line "stdout full / closed" "predict >/dev/full: exit $full; predict >&-: exit $closed; predict -o FILE >&-: exit $tofile (nothing for stdout); batch --input - <&-: exit $nostdin"
