#!/usr/bin/env bash
# What a daily incremental run costs next to the full load (issue: an incremental run adding one new daily
# file to a warehouse that already holds 3,750 files costs <= 5% of the full load).
# Usage: bench/incremental.sh [ROUNDS] [COPIES | generated]   defaults 5 rounds, 125 copies of the public
#        sample's 30 event logs (3,750 files, ~1M events). Needs ../shared/data/sparkify-sample; ~1 GB of disk.
#        "generated": `sparkify generate --users 119 --days 3750` instead, 3,750 daily files of ~10M events
#        (the issue's 10M scale; a round takes ~2 minutes; ~7 GB of disk).
# Each round, side by side: the full load into a fresh warehouse; on a copy of it, the next day's file (a
# genuine next day, `BenchmarkCommand next-day`); then the same run again, with nothing new. Everything
# runs through the launcher ./sparkify with its defaults. "wall" is the whole process, JVM start included;
# "in-run" is the run itself (`millis` of `etl --json`), without the JVM start and DuckDB's open and close.
# "publish" is the next day's publish of the readers' snapshot, from `etl -v` (target <= 0.5 s at 10M).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-5}"
dataset="${2:-125}"
sample="${SPARKIFY_SAMPLE_DATA:-$here/../shared/data/sparkify-sample}"
work="${BENCH_DIR:-/tmp/sparkify-incremental}"
jar="$here/sparkify-cli/target/sparkify.jar"
sparkify="$here/sparkify"

(cd "$here" && ./mvnw -q -B -DskipTests package -pl sparkify-cli -am)
# The benchmark tools live with the tests, out of the product jar: they run on the test classpath.
benchmark=(java -cp "$here/sparkify-cli/target/test-classes:$here/sparkify-cli/target/classes:$(cd "$here" && ./mvnw -q -B -pl sparkify-cli \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" com.sparkify.bench.BenchmarkCommand)
"$sparkify" --version > /dev/null # the launcher's first start after a build records its class archive
rm -rf "$work" && mkdir -p "$work"
if [ "$dataset" = generated ]; then
  java -jar "$jar" generate --out "$work/all" --users 119 --days 3750 > /dev/null
else
  "${benchmark[@]}" prepare --songs "$sample/song_data" --logs "$sample/log_data" --out "$work/all" \
    --copies "$dataset" > /dev/null
fi
# logs: the 3,750 files of the full load, to which each round adds the next day's file as logs/next/.
cp -al "$work/all/log_data" "$work/logs"
last=$(find "$work/logs" -name '*.json' | sort | tail -1)
"${benchmark[@]}" next-day --out "$work/next" --from "$last" > /dev/null
echo "full load: $(find "$work/logs" -name '*.json' | wc -l) event files," \
  "$(find "$work/logs" -name '*.json' -print0 | xargs -0 cat | wc -l) events;" \
  "next day: $(cat "$work"/next/*.json | wc -l) events"

etl() { # label, warehouse, logs -> "label wall_ms in-run_ms publish_ms"
  local label="$1" warehouse="$2" logs="$3" started ended millis published
  started=$(date +%s%N)
  millis=$("$sparkify" etl -v --json --warehouse "jdbc:duckdb:$warehouse" --songs "$work/all/song_data" \
    --logs "$logs" 2> "$work/etl.log" | grep -o '"millis" *: *[0-9]*' | grep -o '[0-9]*$')
  ended=$(date +%s%N)
  # The readers' snapshot: a checkpoint and a copy of the file after the commit (docs/duckdb.md).
  published=$(grep -o 'SnapshotPublisher - published .* in [0-9]* ms' "$work/etl.log" | grep -o '[0-9]* ms$' \
    | grep -o '^[0-9]*' | tail -1)
  echo "$label $(((ended - started) / 1000000)) $millis ${published:-0}"
}

results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  rm -rf "$work"/full.duckdb* "$work"/inc.duckdb* "$work/logs/next"
  etl full "$work/full.duckdb" "$work/logs" | tee -a "$results"
  cp "$work/full.duckdb" "$work/inc.duckdb"
  # On disk before the next day: else its checkpoint would also write out the copy just made.
  sync "$work/inc.duckdb"
  cp -al "$work/next" "$work/logs/next"
  etl next-day "$work/inc.duckdb" "$work/logs" | tee -a "$results"
  etl nothing-new "$work/inc.duckdb" "$work/logs" | tee -a "$results"
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "medians of $rounds rounds (ms)     wall   in-run   share of the full load (wall / in-run)"
full_wall=$(awk '$1 == "full" {print $2}' "$results" | median)
full_run=$(awk '$1 == "full" {print $3}' "$results" | median)
for label in full next-day nothing-new; do
  wall=$(awk -v l="$label" '$1 == l {print $2}' "$results" | median)
  run=$(awk -v l="$label" '$1 == l {print $3}' "$results" | median)
  awk -v l="$label" -v w="$wall" -v r="$run" -v fw="$full_wall" -v fr="$full_run" \
    'BEGIN {printf "%-30s %7d %8d   %5.1f%% / %4.1f%%\n", l, w, r, 100 * w / fw, 100 * r / fr}'
done

echo
echo "files: $(stat -c '%n %s bytes' "$work"/inc.duckdb "$work"/inc.duckdb.snapshot)"
publish=$(awk '$1 == "next-day" {print $4}' "$results" | median)
echo "publish of the next day's run (median): ${publish} ms; target <= 500 ms: $([ "${publish%.*}" -le 500 ] && echo met || echo NOT MET)"

# The target (issue: hardening): the next day costs <= 5% of the full load. Judged on the run itself
# (in-run): the process adds the JVM's start and DuckDB's open and close, a fixed cost whatever the input
# that alone is a sizeable part of the budget at 1M events; its share is printed beside. Exits 1 when the in-run share is
# above 5% (and earlier, with the command's own code, when a run fails).
awk -v fw="$full_wall" -v fr="$full_run" \
  -v w="$(awk '$1 == "next-day" {print $2}' "$results" | median)" \
  -v r="$(awk '$1 == "next-day" {print $3}' "$results" | median)" 'BEGIN {
    printf "target next day <= 5%% of the full load: in-run %.1f%%, %s; as a process %.1f%%, %s\n",
      100 * r / fr, (r / fr <= 0.05 ? "met" : "NOT MET"), 100 * w / fw, (w / fw <= 0.05 ? "met" : "not met")
    exit (r / fr <= 0.05 ? 0 : 1)
  }'
