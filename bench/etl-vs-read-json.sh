#!/usr/bin/env bash
# Measures `sparkify etl` against DuckDB's bare read_json of the same event files, side by side in one run.
# Usage: bench/etl-vs-read-json.sh [COPIES] [ROUNDS]
#   COPIES  copies of the public sample's event logs (default 125 = 1,007,000 events)
#   ROUNDS  alternating rounds of floor and etl (default 3)
# Needs ../shared/data/sparkify-sample (or $SPARKIFY_SAMPLE_DATA) and GNU time (/usr/bin/time).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
copies="${1:-125}"
rounds="${2:-3}"
sample="${SPARKIFY_SAMPLE_DATA:-$here/../shared/data/sparkify-sample}"
work="${BENCH_DIR:-/tmp/sparkify-bench}"
jar="$here/sparkify-cli/target/sparkify.jar"

[ -d "$sample/log_data" ] || { echo "no sample data at $sample" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
(cd "$here" && ./mvnw -q -B -DskipTests package -pl sparkify-cli -am)
# The benchmark tools live with the tests, out of the product jar: they run on the test classpath.
benchmark=(java -cp "$here/sparkify-cli/target/test-classes:$here/sparkify-cli/target/classes:$(cd "$here" && ./mvnw -q -B -pl sparkify-cli \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" com.sparkify.bench.BenchmarkCommand)
"$here/sparkify" --version > /dev/null # the launcher's first start after a build records its class archive

rm -rf "$work" && mkdir -p "$work"
"${benchmark[@]}" prepare --songs "$sample/song_data" --logs "$sample/log_data" --out "$work/data" --copies "$copies"
bytes=$(du -sb "$work/data/log_data" | cut -f1)
echo "events: $(cat "$work"/data/log_data/*/*.json | wc -l) lines, $((bytes / 1024 / 1024)) MB"

# Warm the page cache so both sides read from memory.
cat "$work"/data/log_data/*/*.json > /dev/null

measure() { # label, command... -> prints "label seconds peak_rss_mb"
  local label="$1"; shift
  local out
  out=$( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 | tail -1)
  echo "$label $(echo "$out" | awk '{printf "%s %d", $1, $2/1024}')"
}

results="$work/results.txt"
: > "$results"
: > "$work/sample.txt"
for round in $(seq 1 "$rounds"); do
  measure floor "${benchmark[@]}" floor --logs "$work/data/log_data" --database "$work/floor-$round.duckdb" | tee -a "$results"
  measure etl "$here/sparkify" etl --warehouse "jdbc:duckdb:$work/etl-$round.duckdb" \
    --songs "$work/data/song_data" --logs "$work/data/log_data" | tee -a "$results"
  rm -f "$work"/*.duckdb "$work"/*.duckdb.wal
done

echo "--- the real sample end to end (create-tables + etl), JVM start included"
for round in $(seq 1 "$rounds"); do
  start=$(date +%s%N)
  "$here/sparkify" create-tables --warehouse "jdbc:duckdb:$work/sample.duckdb" > /dev/null
  "$here/sparkify" etl --warehouse "jdbc:duckdb:$work/sample.duckdb" --songs "$sample/song_data" --logs "$sample/log_data" > /dev/null
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "sample $elapsed ms"
  echo "sample-ms $elapsed" >> "$work/sample.txt"
  rm -f "$work"/sample.duckdb*
done

echo "--- medians over $rounds rounds (wall seconds, peak RSS MB)"
awk '
  { t[$1] = t[$1] " " $2; m[$1] = ($3 > m[$1] ? $3 : m[$1]) }
  function median(list,   n, a, i, j, x) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
    return a[int((n + 1) / 2)]
  }
  END {
    f = median(t["floor"]); e = median(t["etl"])
    printf "floor (bare read_json): %.2f s, peak RSS %d MB\n", f, m["floor"]
    printf "etl (stage+transform+checks): %.2f s, peak RSS %d MB\n", e, m["etl"]
    printf "ratio etl / floor: %.2fx\n", e / f
  }' "$results"

# The targets (issue: foundation): etl within 1.5x of the floor, the real sample under 2 s. Exits 1 when
# one is missed, so that a run shows a broken promise.
verdict=$(awk '
  $1 == "floor" || $1 == "etl" { t[$1] = t[$1] " " $2 }
  $1 == "sample-ms" { t["sample"] = t["sample"] " " $2 }
  function median(list,   n, a, i, j, x) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { x = a[i]; a[i] = a[j]; a[j] = x }
    return a[int((n + 1) / 2)]
  }
  END {
    r = median(t["etl"]) / median(t["floor"]); s = median(t["sample"]) / 1000
    printf "target etl <= 1.5x the floor: %.2fx, %s\n", r, (r <= 1.5 ? "met" : "NOT MET")
    printf "target real sample < 2 s: %.2f s, %s\n", s, (s < 2 ? "met" : "NOT MET")
  }' "$results" "$work/sample.txt")
echo "$verdict"
! grep -q "NOT MET" <<< "$verdict"
