#!/usr/bin/env bash
# Import benchmark (docs/benchmarks.md, "Import"): `./yardstick import contacts` (a whole process, Java heap capped at
# 512 MiB) against DuckDB's own CSV reader into a plain table (a whole JVM process through the DuckDB JDBC driver), on
# the same files, in the same run, alternating order. Several shapes of data (canonical, nocases, cases, sparse).
# Usage: bench/run-import-benchmark.sh [ROUNDS] [SHAPES] [SIZE...]   (default: 3 all 1000000)
# Generated files go to bench-data/ (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
rounds="${1:-3}"; shift || true
shapes="${1:-all}"; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000)
./mvnw -q -B -DskipTests -pl bench,cli -am package
./yardstick --version >/dev/null # the launcher builds (if needed) and makes its class-data archive before timing
mkdir -p bench-data
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -XX:+UseSerialGC \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.ImportBenchmark bench-data "$rounds" "$shapes" "${sizes[@]}"
