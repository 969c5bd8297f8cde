#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "Start-up"): the whole-process time of small commands through the launcher,
# against `java -version` of the same JVM, alternating in the same run (this machine is shared and noisy: compare the
# ratios). Usage: bench/run-startup-benchmark.sh [ROUNDS]   (default 15)
# Prints the median and the 90th percentile of each command, and its median over java -version's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build if needed, choose the Java, and let the first runs make the class-data archive.
./yardstick --version >/dev/null
./yardstick --version >/dev/null
java="$(sed -n 2p cli/target/launcher-java)"
printf 'contact_id,channel,arrived_at\na,phone,2026-03-02T09:00:00Z\nb,chat,2026-03-02T10:00:00Z\n' >"$work/c.csv"
./yardstick import contacts "$work/c.csv" --db "$work/s.duckdb" >/dev/null
./yardstick kpi --kpi contacts --from 2026-03-02 --to 2026-03-02 --db "$work/s.duckdb" >/dev/null

declare -A cmd=(
  [java-version]="$java -version"
  [yardstick--version]="./yardstick --version"
  [yardstick-help]="./yardstick kpi --help"
  [yardstick-kpis-json]="./yardstick kpis --format json"
  [yardstick-kpi-small-store]="./yardstick kpi --kpi contacts --from 2026-03-02 --to 2026-03-02 --db $work/s.duckdb"
)
names=(java-version yardstick--version yardstick-help yardstick-kpis-json yardstick-kpi-small-store)
for ((r = 1; r <= rounds; r++)); do
  for n in "${names[@]}"; do
    start=$(date +%s%N)
    ${cmd[$n]} >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$n $(( (end - start) / 1000000 ))" >>"$work/times"
  done
done

echo "Start-up, $rounds rounds, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1)"
printf '%-28s %10s %10s %14s\n' command "median ms" "p90 ms" "x java -version"
base=$(awk '$1 == "java-version" {print $2}' "$work/times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
for n in "${names[@]}"; do
  awk -v n="$n" '$1 == n {print $2}' "$work/times" | sort -n | awk -v n="$n" -v base="$base" '
    {a[NR] = $1}
    END {m = a[int((NR + 1) / 2)]; p = a[int(NR * 0.9 + 0.999)];
         printf "%-28s %10d %10d %14.1f\n", n, m, p, (base > 0 ? m / base : 0)}'
done
