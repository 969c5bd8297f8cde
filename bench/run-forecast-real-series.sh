#!/usr/bin/env bash
# Forecast accuracy on a real call series, through the CLI as a user would (docs/forecasting.md, "The real series"):
# the fpp3 bank_calls series (../shared/data/forecasting) is turned into one contact per call, imported with
# 'yardstick import contacts', and forecast with 'yardstick forecast' from a series of origins, nothing given by hand;
# bench/forecast/ScoreForecasts.java scores each forecast against what came and against the two seasonal baselines
# on the same days.
# Usage: bench/run-forecast-real-series.sh INTERVAL HORIZON   (such as 30m 4w, 15m 4w, 1d 4w, 30m 1d)
# Origins: one a week from 2003-05-26 (12 weeks of history before it) while the horizon fits in the data; for
# horizons under a week the origin moves one weekday later each week, so that every weekday is scored.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
interval="${1:-30m}"; horizon="${2:-4w}"
data="$root/../shared/data/forecasting/csv_fpp3_bank_calls.csv"
[ -r "$data" ] || { echo "Skipped: $data is absent (../shared/data is not beside this checkout)." >&2; exit 0; }
work="$root/bench-data/forecast-real"; mkdir -p "$work"
contacts="$work/bank_contacts.csv"; db="$work/bank.duckdb"
if [ ! -s "$db" ]; then
  # One contact per call, spread over its 5 minutes (the series' timestamps are local times written with a Z: UTC).
  awk -F, 'BEGIN{print "contact_id,channel,arrived_at"} NR>1{ts=$2; sub(/Z$/,"",ts); split(ts,a,"T"); split(a[2],b,":");
    for(i=0;i<$3;i++){s=int(i*300/$3); printf "b%d-%d,phone,%sT%s:%02d:%02dZ\n", NR, i, a[1], b[1], b[2]+int(s/60), s%60}}' \
    "$data" > "$contacts"
  "$root/yardstick" import contacts "$contacts" --db "$db"
fi
# The CLI as built (one build, then the same jar for every origin: the launcher would rebuild while sources change).
[ -s "$root/cli/target/yardstick.jar" ] || "$root/yardstick" --version > /dev/null
cli=("${JAVA_HOME:-/usr}/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -jar "${YARDSTICK_JAR:-$root/cli/target/yardstick.jar}")
case "$horizon" in *w) days=$(( ${horizon%w} * 7 ));; *d) days=${horizon%d};; esac
minutes=$(case "$interval" in 15m) echo 15;; 30m) echo 30;; 60m|1h) echo 60;; 1d) echo 1440;; esac)
out="$work/$interval-$horizon"; rm -rf "$out"; mkdir -p "$out"
k=0
for week in $(seq 0 40); do
  origin=$(date -u -d "2003-05-26 + $week weeks" +%F)
  if [ "$days" -lt 7 ]; then origin=$(date -u -d "$origin + $(( k % 5 )) days" +%F); fi
  [ "$(date -u -d "$origin + $days days" +%s)" -le "$(date -u -d 2003-10-27 +%s)" ] || break
  "${cli[@]}" forecast --channel phone --interval "$interval" --horizon "$horizon" --start "$origin" --tz UTC \
    --no-save --format csv --db "$db" > "$out/$origin.csv" 2>/dev/null
  k=$((k + 1))
done
echo "bank_calls, $interval, $horizon ahead: $("${JAVA_HOME:-/usr}/bin/java" "$root/bench/forecast/ScoreForecasts.java" "$contacts" "$minutes" "$out")"
