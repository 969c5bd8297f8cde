#!/usr/bin/env bash
# Event ingestion benchmark (issue 5; docs/benchmarks.md): EVENTS events POSTed to /api/events in batches of BATCH
# from CLIENTS concurrent clients into a fresh DuckDB store, live alert rules evaluated; then every event is counted.
# Usage: bench/run-event-benchmark.sh [EVENTS] [BATCH] [CLIENTS]   (default: 600000 1000 4)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
./mvnw -q -B -DskipTests -pl bench -am package
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.EventBenchmark "${1:-600000}" "${2:-1000}" "${3:-4}" bench-data
