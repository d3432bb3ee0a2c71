#!/usr/bin/env bash
# Memory and incremental cost at scale (issue: flat memory at 10M events, cheap incremental runs).
# Usage: bench/scale.sh [SIZES] [sample|generated]
#   sample (default): SIZES = copies of the public sample's event logs (default "125 375 1250": about 1M, 3M
#        and 10M events); then the incremental runs and the generator. Needs ../shared/data/sparkify-sample.
#   generated: SIZES = days of `sparkify generate --users 119` (default "375 1125 3750": about 1M, 3M and
#        10M events, the largest 3,750 daily files and 4.2 GB); the etl runs only.
#   Needs GNU time; ~6 GB of disk (generated: ~9 GB).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${2:-sample}"
if [ "$data" = generated ]; then sizes="${1:-375 1125 3750}"; else sizes="${1:-125 375 1250}"; fi
sample="${SPARKIFY_SAMPLE_DATA:-$here/../shared/data/sparkify-sample}"
work="${BENCH_DIR:-/tmp/sparkify-scale}"
jar="$here/sparkify-cli/target/sparkify.jar"
max=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -1)

(cd "$here" && ./mvnw -q -B -DskipTests package -pl sparkify-cli -am)
# The benchmark tools live with the tests, out of the product jar: they run on the test classpath.
benchmark=(java -cp "$here/sparkify-cli/target/test-classes:$here/sparkify-cli/target/classes:$(cd "$here" && ./mvnw -q -B -pl sparkify-cli \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" com.sparkify.bench.BenchmarkCommand)
"$here/sparkify" --version > /dev/null # the launcher's first start after a build records its class archive
rm -rf "$work" && mkdir -p "$work"
if [ "$data" = sample ]; then
  "${benchmark[@]}" prepare --songs "$sample/song_data" --logs "$sample/log_data" --out "$work/all" \
    --copies "$((max + 1))"
fi

run() { # label, command... -> "label wall_s peak_rss_mb [in-run seconds of an etl --json]"
  local label="$1"; shift
  local out
  out=$( { /usr/bin/time -f "%e %M" "$@" > "$work/$label.out"; } 2>&1 | tail -1)
  local inrun
  inrun=$(grep -o '"millis" *: *[0-9]*' "$work/$label.out" | grep -o '[0-9]*$' | awk '{printf ", in-run %.2f s", $1 / 1000}' || true)
  echo "$label $(echo "$out" | awk '{printf "%s s, peak RSS %d MB", $1, $2/1024}')$inrun"
  echo "$label $out" >> "$work/peaks.txt"
}
# The product as users run it: the launcher, with its default JVM and DuckDB memory settings.
sparkify="$here/sparkify"

if [ "$data" = generated ]; then
  echo "--- etl of growing generated inputs (DuckDB, the launcher's default memory settings)"
  for days in $sizes; do
    run "generate-$days-days" java -jar "$jar" generate --out "$work/generated-$days" --users 119 --days "$days"
    events=$(find "$work/generated-$days/log_data" -name "*.json" -print0 | xargs -0 cat | wc -l)
    run "etl-$days-days-$events-events" "$sparkify" etl --json --warehouse "jdbc:duckdb:$work/w-$days.duckdb" \
      --songs "$work/generated-$days/song_data" --logs "$work/generated-$days/log_data"
    rm -rf "$work/generated-$days" "$work/w-$days.duckdb"*
  done
fi

if [ "$data" = sample ]; then
echo "--- etl of growing inputs (DuckDB, the launcher's default memory settings)"
for copies in $sizes; do
  tree="$work/logs-$copies"
  mkdir -p "$tree"
  for i in $(seq 0 $((copies - 1))); do cp -al "$work/all/log_data/$(printf 'copy-%04d' "$i")" "$tree/"; done
  events=$(find "$tree" -name "*.json" -print0 | xargs -0 cat | wc -l)
  run "etl-$copies-copies-$events-events" "$sparkify" etl --json --warehouse "jdbc:duckdb:$work/w-$copies.duckdb" \
    --songs "$work/all/song_data" --logs "$tree"
done

first=$(echo "$sizes" | awk '{print $1}')
echo "--- incremental: the next day's file on top of the $first-copies warehouse"
"${benchmark[@]}" next-day --out "$work/logs-$first/next" \
  --from "$work/logs-$first/$(printf 'copy-%04d' $((first - 1)))/2018-11-30-events.json"
run "incremental-next-day" "$sparkify" etl --json --warehouse "jdbc:duckdb:$work/w-$first.duckdb" \
  --songs "$work/all/song_data" --logs "$work/logs-$first"
run "rerun-nothing-new" "$sparkify" etl --json --warehouse "jdbc:duckdb:$work/w-$first.duckdb" \
  --songs "$work/all/song_data" --logs "$work/logs-$first"
echo "--- incremental: a late file, the last day again from another copy, among events already loaded"
cp "$work/all/log_data/$(printf 'copy-%04d' "$max")/2018-11-30-events.json" "$work/logs-$first/late-day.json"
run "incremental-late-file" "$sparkify" etl --json --warehouse "jdbc:duckdb:$work/w-$first.duckdb" \
  --songs "$work/all/song_data" --logs "$work/logs-$first"

echo "--- the generator streams: 10M-scale generation"
run "generate-1250-users-365-days" java -jar "$jar" generate --out "$work/generated" --users 1250 --days 365
du -sh "$work/generated/log_data"
fi

# The targets (issue: hardening): the etl runs' peak RSS <= 1 GB at every size (the generator's plain
# java -jar, with the JVM's default heap, is reported above, not judged), and flat: the largest input's
# peak within 1.5 times the smallest's. Exits 1 when one is missed (and earlier, with the command's own
# code, when a run fails).
min=$(echo "$sizes" | tr ' ' '\n' | sort -n | head -1)
awk -v min="etl-$min-" -v max="etl-$max-" '
  $1 ~ /^(etl|incremental|rerun)-/ { rss = $3 / 1024; if (rss > top) { top = rss; where = $1 } }
  index($1, min) == 1 { low = $3 / 1024 }
  index($1, max) == 1 { high = $3 / 1024 }
  END {
    printf "target peak RSS <= 1024 MB: %d MB (%s), %s\n", top, where, (top <= 1024 ? "met" : "NOT MET")
    printf "target flat memory: %d MB at the largest input, %d MB at the smallest (x%.2f, at most x1.5), %s\n",
      high, low, high / low, (high <= 1.5 * low ? "met" : "NOT MET")
    exit (top <= 1024 && high <= 1.5 * low ? 0 : 1)
  }' "$work/peaks.txt"
