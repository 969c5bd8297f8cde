#!/usr/bin/env bash
# SLA refresh benchmark (docs/sla.md, "Measured"): generated tickets and timelines in a fresh store, then the refreshes
# a server runs (first, unchanged, 5 and 10 minutes later, a day later, after new replies to 1% of the tickets), each
# with its time, what it wrote and whether the data version rose.
# Usage: bench/run-sla-benchmark.sh [TICKETS] [postgres]   (default 5000 tickets on DuckDB)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
./mvnw -q -B -DskipTests -pl bench -am package
mkdir -p bench-data
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.SlaBenchmark "${1:-5000}" bench-data ${2:-}
