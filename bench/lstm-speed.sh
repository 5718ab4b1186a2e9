#!/usr/bin/env bash
# LSTM training throughput: seqcast's training path (bin/seqcast bench) against the PyTorch reference
# (../shared/bench/torch_lstm.py), same shapes, one thread each, measured in the same run, then the
# machine throughput of 2 seqcast workers against 1. The machines are shared and noisy, so each pair is
# measured REPEAT times interleaved (seqcast, torch, seqcast, torch, ...) and the best of each is compared.
# Usage: bench/lstm-speed.sh [seconds per measurement] [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-6}"
repeat="${2:-3}"
torch_py="${TORCH_LSTM:-../shared/bench/torch_lstm.py}"

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "installing python3-torch (Debian) for the reference..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >&2
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >&2; fi
fi
bin/seqcast --version >/dev/null   # builds on first use

rate() { sed -n 's/.*: \([0-9.]*\) samples\/s.*/\1/p'; }
best() { awk -v a="$1" -v b="$2" 'BEGIN{print (a > b ? a : b)}'; }

printf 'best of %s interleaved runs of %ss each; load average at start: %s\n' "$repeat" "$secs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %-32s %12s %12s %8s\n' config "hidden/timesteps/features/layers/batch" seqcast torch ratio
for cfg in "A 64 30 1 2 64" "B 64 30 1 2 256" "C 128 60 8 2 256" "D 32 24 1 1 32"; do
  set -- $cfg
  name=$1 h=$2 t=$3 f=$4 l=$5 b=$6
  s=0 p=0
  for _ in $(seq "$repeat"); do
    s=$(best "$s" "$(bin/seqcast bench --hidden "$h" --timesteps "$t" --features "$f" --layers "$l" --batch "$b" --seconds "$secs" --threads 1 | rate)")
    p=$(best "$p" "$(OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$torch_py" --hidden "$h" --timesteps "$t" --features "$f" --layers "$l" --batch "$b" --threads 1 --seconds "$secs" | rate)")
  done
  printf '%-7s %-32s %12s %12s %8.2f\n' "$name" "$h/$t/$f/$l/$b" "$s" "$p" "$(awk -v a="$s" -v b="$p" 'BEGIN{print a/b}')"
done

w1=0 w2=0
for _ in $(seq "$repeat"); do
  w1=$(best "$w1" "$(bin/seqcast bench --workers 1 --seconds "$secs" | rate)")
  w2=$(best "$w2" "$(bin/seqcast bench --workers 2 --seconds "$secs" | rate)")
done
printf 'config A machine throughput: 1 worker %s, 2 workers %s samples/s: %.2fx\n' "$w1" "$w2" "$(awk -v a="$w2" -v b="$w1" 'BEGIN{print a/b}')"
