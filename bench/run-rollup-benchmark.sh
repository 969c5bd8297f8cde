#!/usr/bin/env bash
# Rollup benchmark (issue 14, part 4; docs/benchmarks.md, docs/rollups.md): the overview page cold and with 20 warm
# clients, a year by day and channel, each beside one hand-written single-scan DuckDB query in the same run; the
# store's size and the rollups' share; imports with the rollups kept.
# Usage: bench/run-rollup-benchmark.sh [SIZE] [ROUNDS] [CLIENTS] [MODE]   (default: 10000000 contacts, 3 rounds, 20 clients)
# MODE: noimports (skip the imports with the rollups kept), prepare (only generate the store and build its rollups).
# The demo store is generated once per size into bench-data/ (ignored by git) and reused (the same as run-kpi-benchmark).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
size="${1:-10000000}"; rounds="${2:-3}"; clients="${3:-20}"; mode="${4:-}"
./mvnw -q -B -DskipTests -pl bench -am package
mkdir -p bench-data
# BENCH_HEAP (default 2g) and BENCH_OPTS (e.g. -Dyardstick.bench.requests=2) for the 100 M run (docs/benchmarks.md).
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "-Xmx${BENCH_HEAP:-2g}" ${BENCH_OPTS:-} \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.RollupBenchmark bench-data "$size" "$rounds" "$clients" ${mode:+"$mode"}
