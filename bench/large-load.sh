#!/usr/bin/env bash
# How far one machine goes (issue: 100M events on one machine): a load larger than the machine's memory,
# measured against a 10M load from a warm and a cold page cache, then the daily run that follows.
# Usage: bench/large-load.sh DATA WAREHOUSE [DATA_10M]   the load, then a daily run on its warehouse
#        bench/large-load.sh --daily DATA WAREHOUSE       a daily run only, on a warehouse loaded from DATA
#   DATA: a `sparkify generate` folder, e.g. `generate --users 1190 --days 3750` (~100M events, ~42 GB).
#   WAREHOUSE: the DuckDB file to load; the script refuses one that exists. It is kept, with DATA, for
#        later daily runs (delete both by hand).
#   DATA_10M: e.g. `generate --users 119 --days 3750` (~10M events, 4.2 GB): loaded from a cold page cache,
#        then a warm one, into BENCH_DIR (default /tmp/sparkify-large), deleted after.
# A daily run adds a genuine next day (`BenchmarkCommand next-day` of the latest day) under
# DATA/log_data/daily/ and loads it in place: each daily run adds one more day. The logs are given by the
# same absolute path as at the load, as the ledger knows files by it.
# Every etl runs through ./sparkify with its defaults and -v (the step timings), timed by GNU time -v. A
# sampler reads, every second, the size of the warehouse's spill folder (WAREHOUSE.tmp) and WAL: their sum's
# peak is the temp disk. The page cache is dropped before each cold run (needs root; where it cannot be,
# the script says so and goes on). Before anything runs it says the disk each part needs and refuses when
# less is free than that plus BENCH_KEEP_FREE_GB (default 10) left for the rest of the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
daily_only=false
if [ "${1:-}" = --daily ]; then daily_only=true; shift; fi
if [ $# -lt 2 ]; then sed -n '4,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; fi
data="$(cd "$1" && pwd)"
warehouse="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
data10="${3:+$(cd "$3" && pwd)}"
work="${BENCH_DIR:-/tmp/sparkify-large}"
keep_free=$(( ${BENCH_KEEP_FREE_GB:-10} * 1000000000 ))
sparkify="$here/sparkify"

if $daily_only && [ ! -f "$warehouse" ]; then echo "no warehouse at $warehouse: load it first" >&2; exit 2; fi
if ! $daily_only && [ -e "$warehouse" ]; then
  echo "$warehouse exists: remove it (and its .wal, .tmp) for a load, or use --daily" >&2; exit 2
fi

(cd "$here" && ./mvnw -q -B -DskipTests package -pl sparkify-cli -am)
# The benchmark tools live with the tests, out of the product jar: they run on the test classpath.
benchmark=(java -cp "$here/sparkify-cli/target/test-classes:$here/sparkify-cli/target/classes:$(cd "$here" && ./mvnw -q -B -pl sparkify-cli \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" com.sparkify.bench.BenchmarkCommand)
"$sparkify" --version > /dev/null # the launcher's first start after a build records its class archive
rm -rf "$work" && mkdir -p "$work"

# Disk a run needs, from the input's JSON bytes: the warehouse (~0.15 of them) and, at its peak, the spill
# folder and the WAL (measured: see docs/performance.md), with a margin. A daily run needs room for the day,
# the WAL, and two copies of the warehouse where it publishes a read snapshot.
gb() { awk -v b="$1" 'BEGIN {printf "%.1f GB", b / 1e9}'; }
input_bytes() { du -sb "$1/song_data" "$1/log_data" | awk '{s += $1} END {print s}'; }
free_bytes() { df -B1 --output=avail "$1" | tail -1; }
need_load() { awk -v b="$(input_bytes "$1")" 'BEGIN {printf "%.0f", b * 0.3}'; }
need_daily() { echo $(( 2 * $(stat -c %s "$warehouse") + 2 * 1024 * 1024 * 1024 )); }
check_disk() { # what, bytes needed, folder
  local free; free=$(free_bytes "$3")
  echo "disk: $1 needs ~$(gb "$2") in $3; $(gb "$free") free, $(gb "$keep_free") kept free for the rest"
  if [ $(( free - keep_free )) -lt "$2" ]; then echo "not enough disk for $1: stopping" >&2; exit 3; fi
}
if [ -n "$data10" ] && ! $daily_only; then check_disk "the 10M load" "$(need_load "$data10")" "$work"; fi
if ! $daily_only; then check_disk "the load of $data" "$(need_load "$data")" "$(dirname "$warehouse")"; fi

drop_cache() { # BENCH_DROP_CACHE=no spares the other users of a shared machine their cache
  sync
  if [ "${BENCH_DROP_CACHE:-yes}" = no ] || ! (echo 3 > /proc/sys/vm/drop_caches) 2> /dev/null; then
    echo "note: the page cache was not dropped (it needs root): this cold run starts as warm as it is"
  fi
}

results="$work/results.txt"
: > "$results"
measure() { # label, warehouse, data folder -> one line of results, and the run's files under $work
  local label="$1" db="$2" from="$3" load_before sampler started ended rc=0
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  ( while :; do
      echo "$(du -sb "$db.tmp" 2> /dev/null | cut -f1 || echo 0) $(stat -c %s "$db.wal" 2> /dev/null || echo 0)" \
        "$(stat -c %s "$db" 2> /dev/null || echo 0)"
      sleep 1
    done ) > "$work/$label.disk" &
  sampler=$!
  started=$(date +%s%N)
  /usr/bin/time -v -o "$work/$label.time" "$sparkify" etl -v --json --warehouse "jdbc:duckdb:$db" \
    --songs "$from/song_data" --logs "$from/log_data" > "$work/$label.out" 2> "$work/$label.log" || rc=$?
  ended=$(date +%s%N)
  kill "$sampler" && wait "$sampler" 2> /dev/null || true
  local rss cpu millis events temp disk repeats
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/$label.time")
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%d", s * 1000}' "$work/$label.time")
  temp=$(awk '{if ($1 + $2 > top) top = $1 + $2} END {print top + 0}' "$work/$label.disk")
  disk=$(awk '{if ($1 + $2 + $3 > top) top = $1 + $2 + $3} END {print top + 0}' "$work/$label.disk")
  if [ "$rc" -ne 0 ]; then # what it cost up to the failure, and its last step
    echo "$label: etl exited $rc after $(((ended - started) / 1000000)) ms, CPU $cpu ms, peak RSS $rss MiB," \
      "temp peak $(gb "$temp"), disk peak $(gb "$disk"), load average $load_before / $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    grep -E '^[0-9:.]+ DEBUG (SqlScripts|RunExecution|QualityChecks)' "$work/$label.log" | tail -3 >&2 || true
    grep -m1 '^error:' "$work/$label.log" >&2 || true
    exit "$rc"
  fi
  millis=$(grep -o '"millis" *: *[0-9]*' "$work/$label.out" | grep -o '[0-9]*$')
  events=$(grep -o '"events" *: *{[^}]*}' "$work/$label.out" | grep -o '"read" *: *[0-9]*' | grep -o '[0-9]*$')
  repeats=$(grep -ciE 'again|retry|retried|out of memory' "$work/$label.log" || true)
  printf '%s %d %d %d %d %d %d %d %s %s %s %d\n' "$label" "$events" "$(((ended - started) / 1000000))" "$millis" \
    "$rss" "$(stat -c %s "$db")" "$temp" "$disk" "$repeats" "${load_before// /,}" \
    "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)" "$cpu" | tee -a "$results"
}

if ! $daily_only; then
  if [ -n "$data10" ]; then
    echo "--- the 10M load, cold page cache, then warm"
    drop_cache
    measure 10m-cold "$work/w10m.duckdb" "$data10"
    rm -rf "$work"/w10m.duckdb*
    measure 10m-warm "$work/w10m.duckdb" "$data10"
    rm -rf "$work"/w10m.duckdb*
  fi
  echo "--- the load of $data, cold page cache"
  rm -rf "$data/log_data/daily" # days of earlier daily runs are not part of a load
  drop_cache
  measure load "$warehouse" "$data"
fi

echo "--- the daily run: the next day's file on top of $warehouse, cold page cache"
latest=$(find "$data/log_data" -name '*-events.json' -printf '%f %p\n' | sort | tail -1 | cut -d' ' -f2)
check_disk "the daily run" "$(need_daily)" "$(dirname "$warehouse")"
"${benchmark[@]}" next-day --from "$latest" --out "$data/log_data/daily"
drop_cache
measure daily "$warehouse" "$data"

echo
awk 'BEGIN {printf "%-9s %11s %8s %8s %8s %8s %7s %7s %7s %7s  %s\n", "run", "events", "wall s", "in-run s",
       "CPU s", "peak MiB", "file GB", "temp GB", "disk GB", "repeats", "load average before / after"}
     {printf "%-9s %11d %8.1f %8.1f %8.1f %8d %7.2f %7.2f %7.2f %7d  %s / %s\n", $1, $2, $3 / 1000, $4 / 1000,
       $12 / 1000, $5, $6 / 1e9, $7 / 1e9, $8 / 1e9, $9, $10, $11}' "$results"
echo "(CPU: user and system time of the process, less moved by other work on the machine than wall time;" \
  "file: the warehouse after the run; temp: the peak of its spill folder and WAL together; disk: the peak" \
  "of the file, spill folder and WAL together; repeats: lines" \
  "of the -v log that say something ran again or ran out of memory; the logs are in $work)"

# The targets (issue: 100M events on one machine): every run's peak RSS <= 512 MiB; nothing repeated; the
# large load within 12 times the 10M load's wall time, against the warm and the cold 10M load alike.
# Exits 1 when one is missed (and earlier, with the command's own code, when a run fails).
awk '{rss[$1] = $5; wall[$1] = $3; cpu[$1] = $12; if ($5 > top) {top = $5; where = $1}; repeats += $9}
  END {
    ok = top <= 512 && repeats == 0
    printf "target peak RSS <= 512 MiB: %d MiB (%s), %s\n", top, where, (top <= 512 ? "met" : "NOT MET")
    printf "target nothing repeated: %d repeated steps, %s\n", repeats, (repeats == 0 ? "met" : "NOT MET")
    split("10m-warm 10m-cold", base, " ")
    for (i = 1; i <= 2; i++) if (("load" in wall) && (base[i] in wall)) {
      r = wall["load"] / wall[base[i]]; ok = ok && r <= 12
      printf "target the load within 12x of the %s load: x%.1f, %s (CPU time x%.1f)\n", base[i], r,
        (r <= 12 ? "met" : "NOT MET"), cpu["load"] / cpu[base[i]]
    }
    exit (ok ? 0 : 1)
  }' "$results"
