#!/usr/bin/env bash
# Import benchmark (README, "Benchmarks"): Yardstick's validated import against DuckDB's own CSV reader, same files,
# same run, alternating order. Usage: bench/run-import-benchmark.sh [ROUNDS] [SIZE...]   (default: 2 1000000 10000000)
# The Java heap is capped at 512 MiB: the import must stream. Generated files go to bench-data/ (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -z "${JAVA_HOME:-}" ] || [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')" -lt 21 ]; then
  for dir in /usr/lib/jvm/*; do
    v="$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' || echo 0)"
    [ "${v:-0}" -ge 21 ] && export JAVA_HOME="$dir"
  done
fi
rounds="${1:-2}"; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
./mvnw -q -B -DskipTests -pl bench -am package
mkdir -p bench-data
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -XX:+UseSerialGC \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.ImportBenchmark bench-data "$rounds" "${sizes[@]}"
