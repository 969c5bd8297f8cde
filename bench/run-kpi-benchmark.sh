#!/usr/bin/env bash
# KPI benchmark (README, "Benchmarks"; docs/benchmarks.md): the KPI engine's full catalog for 30 days by channel against
# one hand-written single-scan SQL query and against one hand-written query per KPI, same store, same run, alternating
# order; then a year by day and channel; at sizes up to 1,000,000 contacts also on an embedded PostgreSQL.
# Usage: bench/run-kpi-benchmark.sh [--explain] [ROUNDS] [SIZE...]   (default: 2 rounds at 10000000 contacts;
# bench/run-kpi-benchmark.sh 2 1000000 is the quick run). --explain prints the engine's SQL per base with EXPLAIN ANALYZE.
# Demo stores are generated once per size into bench-data/ (ignored by git) and reused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
flags=()
if [ "${1:-}" = "--explain" ]; then flags+=(--explain); shift; fi
rounds="${1:-2}"; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000000)
./mvnw -q -B -DskipTests -pl bench -am package
mkdir -p bench-data
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.KpiBenchmark bench-data "$rounds" "${flags[@]}" "${sizes[@]}"
