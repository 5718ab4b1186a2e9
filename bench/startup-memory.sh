#!/usr/bin/env bash
# Start-up and memory of seqcast, measured in one run:
#  1. whole-process wall time of 'seqcast predict' on a saved airpassengers model (median of 5, after one
#     warm-up run that also writes the class-data archive), next to '/usr/bin/python3 -c "import torch"';
#  2. peak RSS of 'seqcast train' on a large config (config C of the speed benchmark: 8 features,
#     60 timesteps, 2 x LSTM(128), batch 256; 50 epochs on 3000 seeded synthetic rows), with RSS sampled
#     every second to show whether off-heap memory grows over the epochs.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin/seqcast --version >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", b-a}'; }

bin/seqcast train -q -c configs/airpassengers.yaml --set training.epochs=5 -o "$tmp/air.seqcast" >/dev/null
bin/seqcast predict -m "$tmp/air.seqcast" -i data/airpassengers.csv >/dev/null   # warm-up
p=$(for i in 1 2 3 4 5; do wall bin/seqcast predict -m "$tmp/air.seqcast" -i data/airpassengers.csv; done | median)
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  t=$(for i in 1 2 3 4 5; do wall /usr/bin/python3 -c 'import torch'; done | median)
  echo "predict wall time (median of 5): seqcast ${p}s, python3 -c 'import torch' ${t}s, ratio $(awk -v a="$p" -v b="$t" 'BEGIN{printf "%.2f", a/b}')"
else
  echo "predict wall time (median of 5): seqcast ${p}s (python3-torch not installed: no reference)"
fi

# Large training run: seeded synthetic series with 8 columns (target + 7 features).
awk 'BEGIN { srand(7); print "t,y,f1,f2,f3,f4,f5,f6,f7";
  for (i = 1; i <= 3000; i++) { y = 10 + sin(i / 8) * 3 + i / 500 + rand();
    printf "%d,%.4f", i, y; for (k = 1; k <= 7; k++) printf ",%.4f", sin(i / (3 + k)) + rand() / 5; printf "\n" } }' > "$tmp/large.csv"
cat > "$tmp/large.yaml" <<YAML
data: {path: $tmp/large.csv, time_column: t, target: y, features: [f1, f2, f3, f4, f5, f6, f7]}
window: {timesteps: 60, horizon: 1}
model: {layers: [{units: 128}, {units: 128}]}
training: {epochs: 50, batch_size: 256, patience: 0, validation: 0.1}
YAML
bin/seqcast train -c "$tmp/large.yaml" -o "$tmp/large.seqcast" >/dev/null 2>"$tmp/train.err" &
pid=$!
: > "$tmp/rss"
while kill -0 "$pid" 2>/dev/null; do
  awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null >> "$tmp/rss" || true
  sleep 1
done
wait "$pid"
n=$(wc -l < "$tmp/rss")
awk -v n="$n" '{ r[NR] = $1; if ($1 > peak) peak = $1 }
  END { a = int(n * 0.2); b = int(n * 0.6); c = int(n * 0.9); if (a < 1) a = 1;
        printf "train (large config, 50 epochs, %d s): peak RSS %.0f MB; RSS at 20%% of the run %.0f MB, 60%% %.0f MB, 90%% %.0f MB, end %.0f MB (growth 20%%->90%% %+.1f%%)\n",
               n, peak / 1024, r[a] / 1024, r[b] / 1024, r[c] / 1024, r[n] / 1024, 100 * (r[c] - r[a]) / r[a] }' "$tmp/rss"
grep -E "best epoch|windows" "$tmp/train.err" || true
