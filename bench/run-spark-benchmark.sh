#!/usr/bin/env bash
# Spark benchmark (issue 15; docs/scale-out.md): the same KPI questions over the same SIZE demo contacts on DuckDB and on
# Spark local[2] in one run (ratio), then Spark local[1] against local[2] (how it scales with cores). Each question is
# asked through ./yardstick kpi as a user would, so every figure includes the JVM's start (and Spark's session start,
# 5-8 s here); the first question per store is asked once more before, as a warm-up (page cache), and not counted.
# The answers of the three stores are compared (they must be identical) and the load average is printed with each line:
# on a shared machine only the ratios of one run mean anything.
# Usage: bench/run-spark-benchmark.sh [SIZE] [DAYS]   (default: 10000000 365; the lake needs ~1 GB per 10 M contacts)
# Data goes to $BENCH_DATA (default /work/bench-data, never the repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size="${1:-10000000}"; days="${2:-365}"
data="${BENCH_DATA:-/work/bench-data}/spark-$size"
mkdir -p "$data"
duck="$data/demo.duckdb"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# The default 30 s query limit would cancel Spark's questions on a loaded machine: measure, do not cancel.
printf 'limits:\n  query_timeout_seconds: 3600\n' >"$data/bench.yaml"
export YARDSTICK_SETTINGS="$data/bench.yaml"
if [ ! -f "$duck" ]; then
  /usr/bin/time -f "demo of $size contacts into DuckDB: %e s" \
    ./yardstick demo --contacts "$size" --days "$days" --end 2026-03-31 --seed 15 --no-serve --db "$duck" >/dev/null
fi
# One lake for both masters (its layout does not depend on the master); committed once a manifest exists.
lake="$data/lake"
if ! ls "$lake"/_manifests/*.json >/dev/null 2>&1; then
  rm -rf "$lake"
  echo "load average before the export: $(load)"
  YARDSTICK_HEAP="${YARDSTICK_HEAP:-3g}" /usr/bin/time -f "export to spark:local[2]: %e s, %M KB" \
    ./yardstick export --db "$duck" --to "spark:local[2]?path=$lake" >/dev/null
fi
du -sh "$lake" "$duck"

questions=(
  "--kpi contacts,abandonment_rate,aht --from 2026-03-01 --to 2026-03-31"
  "--kpi aht,frt_p90 --from 2026-01-01 --to 2026-03-31 --by queue"
  "--kpi service_level --from 2026-03-01 --to 2026-03-31 --by hour --tz Europe/Madrid"
  "--kpi contacts,aht,asa,abandonment_rate --from 2025-04-01 --to 2026-03-31 --by week --tz Europe/Madrid"
)
run() { # store, question, answer file -> seconds
  local start end
  start=$(date +%s.%N)
  ./yardstick kpi $2 --db "$1" --format csv >"$3"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
echo "$size contacts over $days days; $(nproc) cores; $("${JAVA_HOME:-/usr}/bin/java" -version 2>&1 | head -1)"
printf '%-98s %9s %9s %9s %8s %7s  %s\n' question duckdb_s local2_s local1_s l2/duck l1/l2 "load average"
run "$duck" "${questions[0]}" /dev/null >/dev/null
run "spark:local[2]?path=$data/lake" "${questions[0]}" /dev/null >/dev/null
i=0
for q in "${questions[@]}"; do
  i=$((i + 1))
  l=$(load)
  d=$(run "$duck" "$q" "$data/answer-$i-duck.csv")
  s2=$(run "spark:local[2]?path=$data/lake" "$q" "$data/answer-$i-local2.csv")
  s1=$(run "spark:local[1]?path=$data/lake" "$q" "$data/answer-$i-local1.csv")
  same=identical
  cmp -s "$data/answer-$i-duck.csv" "$data/answer-$i-local2.csv" && cmp -s "$data/answer-$i-duck.csv" "$data/answer-$i-local1.csv" || same=DIFFERENT
  printf '%-98s %9.2f %9.2f %9.2f %8.1f %7.2f  %s (%s)\n' "$q" "$d" "$s2" "$s1" "$(echo "$s2 / $d" | bc -l)" "$(echo "$s1 / $s2" | bc -l)" "$l" "$same"
done
