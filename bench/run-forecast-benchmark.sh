#!/usr/bin/env bash
# Forecast benchmark (docs/benchmarks.md, "Forecast", issue 20): the forecast of every channel and queue of a demo
# store against the forecast of one series (phone), same store, same run, alternating order; reports the ratio.
# Usage: bench/run-forecast-benchmark.sh [ROUNDS] [SIZE...]   (default: 2 rounds at 10000000 contacts)
# Demo stores are the KPI benchmark's, generated once per size into bench-data/ (ignored by git) and reused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
rounds="${1:-2}"; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000000)
./mvnw -q -B -DskipTests -pl bench -am package
mkdir -p bench-data
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.ForecastBenchmark bench-data "$rounds" "${sizes[@]}"
