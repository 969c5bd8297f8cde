#!/usr/bin/env bash
# Held-out check (issue 14, acceptance; docs/benchmarks.md): a contacts file of another shape, made elsewhere, imported
# by ./yardstick beside DuckDB's own read_csv, then the issue's KPI questions by ./yardstick kpi beside one hand-written
# single-scan query, by the scan and again from the rollups; every figure a whole process, all in one run.
# Usage: bench/run-heldout-check.sh FILE ROWS FROM TO [ZONE] [ROUNDS]
#   FROM, TO: the file's first and last local days; ZONE defaults to Europe/Madrid, ROUNDS to 3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/bench/java.sh"
file="$1"; rows="$2"; from="$3"; to="$4"; zone="${5:-Europe/Madrid}"; rounds="${6:-3}"
./mvnw -q -B -DskipTests -pl bench,cli -am package
./yardstick --version >/dev/null # the launcher builds (if needed) and makes its class-data archive before timing
mkdir -p bench-data/heldout-check
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -XX:+UseSerialGC \
  -cp "bench/target/yardstick-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.yardstick.bench.HeldOutCheck bench-data/heldout-check "$file" "$rows" "$from" "$to" "$zone" "$rounds"
