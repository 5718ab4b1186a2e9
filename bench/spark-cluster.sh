#!/usr/bin/env bash
# seqcast batch on a real Spark cluster on this machine: starts a Spark standalone master and two workers
# (1 core each) on 127.0.0.1 from the Spark jars Maven resolves (bench/spark-dist/pom.xml, Spark's own
# dependency versions, laid out as a SPARK_HOME), runs the benchmark series (bench/gen-series.sh, in long
# format) through
#   1. bin/seqcast batch --workers 2            (the reference)
#   2. SparkSubmit --master local[2]            (the job jar, one JVM)
#   3. SparkSubmit --master spark://127.0.0.1:P (client mode, two executors of one core each)
# checks that 2 and 3 give forecasts and summaries equal to 1's (value for value), stops the cluster, and
# prints series/s side by side (wall time of each whole command: JVM, Spark and executor start-up included).
#
#   bench/spark-cluster.sh                          # 200 series, default config
#   SERIES=10 bench/spark-cluster.sh                # the first 10 of the same 200 (a quick correctness run)
#   SET='--set training.epochs=50' bench/spark-cluster.sh
#   KEEP=1 bench/spark-cluster.sh                   # keep the work directory (logs, outputs)
#
# Needs Java 17 and Maven; builds target/seqcast-spark.jar (mvn -Pspark-jar package) when stale.
# Exit code 1 when any output differs from batch's or a run fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
series="${SERIES:-200}"
work="$(mktemp -d "${TMPDIR:-/tmp}/seqcast-spark-bench.XXXXXX")"
daemons=()
cleanup() {
  for p in "${daemons[@]}"; do
    kill -- "-$p" 2>/dev/null || true           # the daemon's process group: its executors too
  done
  for p in "${daemons[@]}"; do
    while kill -0 "$p" 2>/dev/null; do sleep 0.2; done
  done
  if [ -n "${KEEP:-}" ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build: the CLI (bin/seqcast builds itself on first use) and the job jar
jar="$here/target/seqcast-spark.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  (cd "$here" && mvn -B -q -DskipTests -Pspark-jar package) >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; exit 1; }
fi
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$here/pom.xml" | head -n 1)"
cpfile="$here/target/spark-dist-$spark_version.classpath"
if [ ! -s "$cpfile" ]; then
  echo "resolving Spark $spark_version ..." >&2
  (cd "$here/bench/spark-dist" && mvn -B -q dependency:build-classpath -Dspark.version="$spark_version" -Dmdep.outputFile="$cpfile") \
    >"$work/dist.log" 2>&1 || { tail -n 30 "$work/dist.log" >&2; exit 1; }
fi

# ---- a SPARK_HOME made of those jars: the workers build executor class paths from SPARK_HOME/jars
home="$work/spark-home"
mkdir -p "$home/jars"
echo "Spark $spark_version (jars resolved by Maven)" > "$home/RELEASE"
tr ':' '\n' < "$cpfile" | while read -r j || [ -n "$j" ]; do ln -s "$j" "$home/jars/"; done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cp="$home/jars/*"
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)

free_port() {
  local p
  for p in $(seq "$1" $(($1 + 200))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port from $1" >&2; exit 1
}
wait_for() {   # wait_for SECONDS DESCRIPTION COMMAND...
  local t="$1" what="$2"; shift 2
  for _ in $(seq $((t * 5))); do "$@" && return 0; sleep 0.2; done
  echo "timed out waiting for $what" >&2; return 1
}

# ---- data
"$here/bench/gen-series.sh" "$work/series" "$series" "$work/long.csv"
rows=$(($(wc -l < "$work/long.csv") - 1))
echo "series: $series generated monthly series in long format, $rows rows, default config ${SET:-}"

results=()
timed() {   # timed LABEL OUTDIR COMMAND...: runs, records "label seconds ok failed"
  local label="$1" out="$2"; shift 2
  local start end json ok failed
  start=$(date +%s.%N)
  json="$("$@" 2>"$out.log")" || true
  end=$(date +%s.%N)
  ok=$(printf '%s\n' "$json" | sed -n 's/.*"ok" : \([0-9]*\).*/\1/p')
  failed=$(printf '%s\n' "$json" | sed -n 's/.*"failed" : \([0-9]*\).*/\1/p')
  if [ -z "$ok" ]; then echo "$label failed:" >&2; tail -n 20 "$out.log" >&2; fi
  results+=("$label|$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')|${ok:-?}|${failed:-?}")
}

# 1. the reference
timed "batch --workers 2" "$work/batch" "$here/bin/seqcast" batch --input "$work/long.csv" --series-column series \
  --out "$work/batch" --workers 2 --quiet --json ${SET:-}

job=(--class org.seqcast.spark.SparkBatch --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1
  --conf spark.driver.bindAddress=127.0.0.1 --conf spark.task.cpus=1)
args=(--input "file://$work/long.csv" --series-column series --quiet --json ${SET:-})

# 2. local[2]: executors are threads of the driver JVM (whose environment carries the OpenMP settings)
timed "spark local[2]" "$work/local" java "${opens[@]}" -Xmx4g -Xss4m -XX:+UseParallelGC -cp "$cp" \
  org.apache.spark.deploy.SparkSubmit --master 'local[2]' "${job[@]}" "$jar" "${args[@]}" --out "file://$work/local"

# 3. standalone cluster: a master and two 1-core workers, each its own process group
mport=$(free_port 17077)
mui=$(free_port 18080)
setsid java "${opens[@]}" -Xmx512m -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$mport" \
  --webui-port "$mui" >"$work/master.log" 2>&1 &
daemons+=($!)
wait_for 120 "the Spark master on port $mport" bash -c "(exec 3<>/dev/tcp/127.0.0.1/$mport) 2>/dev/null"
for i in 1 2; do
  wui=$(free_port $((18080 + 10 * i)))
  setsid java "${opens[@]}" -Xmx512m -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 3g \
    --webui-port "$wui" --work-dir "$work/worker$i" "spark://127.0.0.1:$mport" >"$work/worker$i.log" 2>&1 &
  daemons+=($!)
  wait_for 120 "worker $i to register" grep -q "Successfully registered with master" "$work/worker$i.log"
done
# peak resident memory of the executors (children of the workers), sampled every second
(
  while :; do
    for w in "${daemons[@]:1}"; do
      for e in $(ps -o pid= --ppid "$w" 2>/dev/null); do
        rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$e/status" 2>/dev/null || true)
        [ -n "$rss" ] && echo "$e $rss"
      done
    done
    sleep 1
  done
) >"$work/executor-rss.txt" &
sampler=$!
timed "spark standalone 2x1" "$work/cluster" java "${opens[@]}" -Xmx1g -Xss4m -cp "$cp" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$mport" --deploy-mode client "${job[@]}" --conf spark.cores.max=2 --conf spark.executor.cores=1 \
  --conf spark.executor.memory=2g --conf "spark.executor.extraJavaOptions=-Xss4m -XX:+UseParallelGC" \
  "$jar" "${args[@]}" --out "file://$work/cluster"

kill "$sampler"
wait "$sampler" 2>/dev/null || true

# ---- equal to batch's outputs? (forecasts entirely; summary up to the seconds column)
status=0
sorted_file() { tail -n +2 "$1" | sort; }
sorted_dir() { for f in "$1"/part-*.csv; do tail -n +2 "$f"; done | sort; }
for run in local cluster; do
  if [ ! -f "$work/$run/_SUCCESS" ] && [ ! -f "$work/$run/forecasts/_SUCCESS" ]; then
    echo "$run: no output" >&2; status=1; continue
  fi
  if ! diff <(sorted_file "$work/batch/forecasts.csv") <(sorted_dir "$work/$run/forecasts") >"$work/$run.diff"; then
    echo "$run: forecasts differ from batch's ($(wc -l < "$work/$run.diff") diff lines)" >&2; status=1
  elif ! diff <(sorted_file "$work/batch/summary.csv" | cut -d, -f1-9) <(sorted_dir "$work/$run/summary" | cut -d, -f1-9) >"$work/$run.diff"; then
    echo "$run: summary differs from batch's" >&2; status=1
  else
    echo "$run: forecasts and summary equal to batch's ($(sorted_dir "$work/$run/forecasts" | wc -l) forecast rows)"
  fi
done

printf '%-22s %-10s %-10s %-10s %-6s %-6s\n' run seconds series/s s/series ok failed
for r in "${results[@]}"; do
  IFS='|' read -r label s ok failed <<<"$r"
  awk -v l="$label" -v s="$s" -v n="$series" -v ok="$ok" -v f="$failed" \
    'BEGIN { printf "%-22s %-10.1f %-10.3f %-10.2f %-6s %-6s\n", l, s, n / s, s / n, ok, f }'
done
IFS='|' read -r _ sb _ _ <<<"${results[0]}"
IFS='|' read -r _ sc _ _ <<<"${results[2]}"
awk -v a="$sb" -v b="$sc" 'BEGIN { printf "standalone cluster / batch --workers 2 throughput: %.2fx\n", a / b }'
awk '{ if ($2 > m[$1]) m[$1] = $2 } END { for (p in m) printf "executor %s: peak RSS %.0f MB\n", p, m[p] / 1024 }' "$work/executor-rss.txt"
echo "(wall time of each whole command, start-up included; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
exit "$status"
