#!/usr/bin/env bash
# What the read commands cost on the 10M-event warehouse (issue: report <= 3 s and <= 512 MiB; check
# <= 512 MiB there).
# Usage: bench/read-commands.sh [WAREHOUSE.duckdb]   default: builds one from
#        `sparkify generate --users 119 --days 3750` (9.87M events, 4.2 GB of JSON, ~6 GB of disk with the
#        warehouse; the load takes a minute or two). A given warehouse is copied first, never written.
# Runs `report` and `check` 3 times each, alternating, through the launcher ./sparkify with its defaults,
# and prints each run's wall time and peak RSS (GNU time's "Maximum resident set size"), the medians, and
# the medians against the targets. Exits 1 when a median misses its target.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
given="${1:-}"
work="${BENCH_DIR:-/tmp/sparkify-read-commands}"
sparkify="$here/sparkify"
rounds=3

[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
(cd "$here" && ./mvnw -q -B -DskipTests package -pl sparkify-cli -am)
"$sparkify" --version > /dev/null # the launcher's first start after a build records its class archive
rm -rf "$work" && mkdir -p "$work"
warehouse="$work/w10m.duckdb"
if [ -n "$given" ]; then
  cp "$given" "$warehouse"
else
  "$sparkify" generate --out "$work/data" --users 119 --days 3750 > /dev/null
  "$sparkify" etl --warehouse "jdbc:duckdb:$warehouse" --songs "$work/data/song_data" \
    --logs "$work/data/log_data" > /dev/null
  rm -rf "$work/data"
fi
echo "warehouse: $warehouse, $(du -m "$warehouse" | cut -f1) MB;" \
  "$("$sparkify" query --format csv --warehouse "jdbc:duckdb:$warehouse" \
    --sql 'SELECT COUNT(*) FROM songplays' | tail -1) songplays"

measure() { # label, command... -> "label wall_ms peak_mib"
  local label="$1" started ended
  shift
  started=$(date +%s%N)
  # check exits 7 when a check fails: still a measurement.
  /usr/bin/time -f '%M' -o "$work/time.txt" "$@" > /dev/null || [ $? -eq 7 ]
  ended=$(date +%s%N)
  echo "$label $(((ended - started) / 1000000)) $(($(tail -1 "$work/time.txt") / 1024))"
}

results="$work/results.txt"
: > "$results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  measure report "$sparkify" report --warehouse "jdbc:duckdb:$warehouse" --out "$work/report.html" | tee -a "$results"
  measure check "$sparkify" check --warehouse "jdbc:duckdb:$warehouse" | tee -a "$results"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); report.html $(du -k "$work/report.html" | cut -f1) KB"

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
report_ms=$(awk '$1 == "report" {print $2}' "$results" | median)
report_mib=$(awk '$1 == "report" {print $3}' "$results" | median)
check_ms=$(awk '$1 == "check" {print $2}' "$results" | median)
check_mib=$(awk '$1 == "check" {print $3}' "$results" | median)
echo
echo "medians of $rounds runs: report ${report_ms} ms, ${report_mib} MiB; check ${check_ms} ms, ${check_mib} MiB"
awk -v rm="$report_ms" -v rr="$report_mib" -v cr="$check_mib" 'BEGIN {
  ok = (rm <= 3000) && (rr <= 512) && (cr <= 512)
  printf "target report <= 3 s: %s; report <= 512 MiB: %s; check <= 512 MiB: %s\n",
    rm <= 3000 ? "met" : "MISSED", rr <= 512 ? "met" : "MISSED", cr <= 512 ? "met" : "MISSED"
  exit ok ? 0 : 1
}'
