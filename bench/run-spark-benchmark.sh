#!/usr/bin/env bash
# Spark benchmark (issue 15; docs/scale-out.md): the same KPI questions over the same SIZE demo contacts on DuckDB and on
# Spark local[2] in one run (ratio), then Spark local[1] against local[2] (how it scales with cores). Each question is
# asked through ./yardstick kpi as a user would, so every figure includes the JVM's start (and Spark's session start,
# 5-8 s here); the first line per store is a warm-up that is not counted.
# Usage: bench/run-spark-benchmark.sh [SIZE] [DAYS]   (default: 10000000 365; the lake needs ~1 GB per 10 M contacts)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size="${1:-10000000}"; days="${2:-365}"
data="bench-data/spark-$size"
mkdir -p "$data"
duck="$data/demo.duckdb"
if [ ! -f "$duck" ]; then
  ./yardstick demo --contacts "$size" --days "$days" --end 2026-03-31 --seed 15 --no-serve --db "$duck" >/dev/null
fi
for n in 1 2; do
  lake="$data/lake-local$n"
  if [ ! -d "$lake/_manifests" ]; then
    /usr/bin/time -f "export to spark:local[$n]: %e s" ./yardstick export --db "$duck" --to "spark:local[$n]?path=$lake" >/dev/null
  fi
done

questions=(
  "--kpi contacts,abandonment_rate,aht --from 2026-03-01 --to 2026-03-31"
  "--kpi aht,frt_p90 --from 2026-01-01 --to 2026-03-31 --by queue"
  "--kpi service_level --from 2026-03-01 --to 2026-03-31 --by hour --tz Europe/Madrid"
)
run() { # store label, question -> seconds
  local start end
  start=$(date +%s.%N)
  ./yardstick kpi $2 --db "$1" --format json >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
printf '%-70s %10s %10s %10s %8s %8s\n' question duckdb_s local2_s local1_s l2/duck l1/l2
run "$duck" "${questions[0]}" >/dev/null
for q in "${questions[@]}"; do
  d=$(run "$duck" "$q")
  s2=$(run "spark:local[2]?path=$data/lake-local2" "$q")
  s1=$(run "spark:local[1]?path=$data/lake-local1" "$q")
  printf '%-70s %10.2f %10.2f %10.2f %8.1f %8.2f\n' "$q" "$d" "$s2" "$s1" "$(echo "$s2 / $d" | bc -l)" "$(echo "$s1 / $s2" | bc -l)"
done
