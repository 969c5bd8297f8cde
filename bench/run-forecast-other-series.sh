#!/usr/bin/env bash
# Forecast accuracy on the other real call series of ../shared/data, through the CLI as a user would, nothing given by
# hand (docs/forecasting.md, "The other real series"): each call becomes one contact (its arrival, local time written
# as UTC), imported with 'yardstick import contacts', forecast with 'yardstick forecast' from one origin a day, and
# scored by bench/forecast/ScoreForecasts.java against the two seasonal baselines on the same days.
# Usage: bench/run-forecast-other-series.sh SERIES INTERVAL HORIZON
#   SERIES: pwc (call-center-pwc: 5,000 calls, 1 January - 31 March 2021, every day of the week)
#           (anonymous-bank, February 1999, is one month: no day of it has the four earlier same weekdays the
#           seasonal-mean baseline needs, so it cannot be scored by this protocol; the script says so)
#   INTERVAL: 30m, 15m or 1d; HORIZON: 1d, 1w or 4w
# Origins: every day from 29 January 2021 (the first with four earlier same weekdays, which the seasonal-mean baseline
# needs) while the horizon fits in the data; the history is every day before the origin (the CLI's default 12 weeks,
# less the days before the first call).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
series="${1:?pwc or anonymous-bank}"; interval="${2:-30m}"; horizon="${3:-1d}"
shared="$root/../shared/data"
work="$root/bench-data/forecast-$series"; mkdir -p "$work"
contacts="$work/contacts.csv"; db="$work/calls.duckdb"
case "$series" in
  pwc)
    data="$shared/call-center-pwc/call_center_pwc.csv"; first=2021-01-29; last=2021-03-31 ;;
  anonymous-bank)
    echo "anonymous-bank holds one month (February 1999): no day has the four earlier same weekdays the seasonal mean" \
      "baseline needs; not scored." >&2; exit 0 ;;
  *) echo "unknown series $series: give pwc or anonymous-bank" >&2; exit 2 ;;
esac
[ -r "$data" ] || { echo "Skipped: $data is absent (../shared/data is not beside this checkout)." >&2; exit 0; }
if [ ! -s "$db" ]; then
  # Date, then Time as a fraction of a day (Excel).
  awk -F, 'BEGIN{print "contact_id,channel,arrived_at"} NR>1{s=int($4*86400+0.5); if(s>=86400)s=86399;
    printf "%s,phone,%sT%02d:%02d:%02dZ\n", $1, $3, s/3600, (s%3600)/60, s%60}' "$data" > "$contacts"
  "$root/yardstick" import contacts "$contacts" --db "$db"
fi
[ -s "$root/cli/target/yardstick.jar" ] || "$root/yardstick" --version > /dev/null
cli=("${JAVA_HOME:-/usr}/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "${YARDSTICK_JAR:-$root/cli/target/yardstick.jar}")
case "$horizon" in *w) days=$(( ${horizon%w} * 7 ));; *d) days=${horizon%d};; esac
minutes=$(case "$interval" in 15m) echo 15;; 30m) echo 30;; 60m|1h) echo 60;; 1d) echo 1440;; esac)
out="$work/$interval-$horizon"; rm -rf "$out"; mkdir -p "$out"
origin="$first"
while [ "$(date -u -d "$origin + $(( days - 1 )) days" +%s)" -le "$(date -u -d "$last" +%s)" ]; do
  "${cli[@]}" forecast --channel phone --interval "$interval" --horizon "$horizon" --start "$origin" --tz UTC \
    --no-save --format csv --db "$db" > "$out/$origin.csv" 2>/dev/null
  origin=$(date -u -d "$origin + 1 day" +%F)
done
echo "$series, $interval, $horizon ahead: $("${JAVA_HOME:-/usr}/bin/java" "$root/bench/forecast/ScoreForecasts.java" "$contacts" "$minutes" "$out")"
