#!/usr/bin/env bash
# sparkify on PostgreSQL against the classic design it replaces (issue: a full load no slower than the
# classic scripts, a daily run <= 5% of the full load, staging >= 0.8x psql's \copy of the same rows).
# Usage: bench/postgres-vs-classic.sh [ROUNDS] [DAILY_RUNS]   defaults 3 rounds, 30 daily runs.
#   SPARKIFY=path/to/sparkify measures another build's launcher (that of a worktree at another commit).
#   Workload: 125 copies of the public sample's 30 event logs (3,750 daily files, 1,007,000 events) and its
#   71 song files, from ../shared/data/sparkify-sample; ~1.5 GB of disk under $BENCH_DIR.
#   Server: Debian's PostgreSQL (postgresql package), default configuration, started here in a scratch
#   folder on a free port (as the postgres user when run as root), stopped and removed at the end.
# Each round, alternately on the same server: the classic design (bench/postgres-classic.sql: staging
# DDL, one psql \copy per file, INSERT ... SELECT into the five star tables), the same with the JSON parsed
# in the client (bench/postgres-classic-typed.sql: jq, Debian's package, turns each file into CSV rows of
# typed staging tables) and sparkify (create-tables,
# then etl, through the launcher ./sparkify with its defaults), each into an empty schema. Wall clock of the
# whole thing, JVM and psql starts included. Then, once: psql's \copy of the rows sparkify staged into a
# table like staging_events, against sparkify's staging step (from etl -v); and DAILY_RUNS consecutive
# daily runs, one genuine next day's file each (BenchmarkCommand next-day), their in-run time (millis of
# etl --json) against the full load's.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
daily="${2:-30}"
sample="${SPARKIFY_SAMPLE_DATA:-$here/../shared/data/sparkify-sample}"
work="${BENCH_DIR:-/tmp/sparkify-postgres}"
sparkify="${SPARKIFY:-$here/sparkify}"
pgbin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"

(cd "$here" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl sparkify-cli -am)
benchmark=(java -cp "$here/sparkify-cli/target/test-classes:$here/sparkify-cli/target/classes:$(cd "$here" && ./mvnw -q -B -pl sparkify-cli \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)" com.sparkify.bench.BenchmarkCommand)
"$sparkify" --version > /dev/null # the launcher's first start after a build records its class archive

rm -rf "$work" && mkdir -p "$work"
"${benchmark[@]}" prepare --songs "$sample/song_data" --logs "$sample/log_data" --out "$work/all" \
  --copies 125 > /dev/null
# The daily files: each the day after the one before, from the last file of the full load.
previous=$(find "$work/all/log_data" -name '*.json' | sort | tail -1)
for day in $(seq -w 1 "$daily"); do
  "${benchmark[@]}" next-day --out "$work/days/day-$day" --from "$previous" > /dev/null
  previous=$(ls "$work/days/day-$day"/*.json)
done

# The logs folder the full loads read, to which the daily runs add one day's folder each: the same paths, so
# that the ledger knows every file of the full load.
logs="$work/logs"
cp -al "$work/all/log_data" "$logs"

# The server: its own cluster, trust on the loopback only, stopped and removed whatever happens.
as_postgres=()
if [ "$(id -u)" = 0 ]; then as_postgres=(runuser -u postgres --); fi
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust > /dev/null
stop() {
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop > /dev/null 2>&1 || true
  rm -rf "$work/pg"
}
trap stop EXIT
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start > /dev/null
psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
"${psql[@]}" -d postgres -c 'CREATE DATABASE bench'
psql+=(-d bench)
url="jdbc:postgresql://127.0.0.1:$port/bench?user=postgres"
echo "server: $("${psql[@]}" -At -c 'SELECT version()' | cut -d, -f1), port $port, default configuration"
echo "workload: $(find "$work/all/log_data" -name '*.json' | wc -l) event files," \
  "$(find "$work/all/log_data" -name '*.json' -print0 | xargs -0 cat | wc -l) events," \
  "$(find "$work/all/song_data" -name '*.json' | wc -l) song files; $(uptime | sed 's/.*load/load/')"

# The classic design's COPYs: one \copy per file, as its loop over the files did. A song file is one
# pretty-printed JSON object: its lines are joined first (JSON strings hold no raw newline).
csv="WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
{
  find "$work/all/song_data" -name '*.json' | sort | while read -r file; do
    printf '\\copy classic.staging_songs FROM PROGRAM '"'"'paste -sd " " %s'"'"' %s\n' "$file" "$csv"
  done
  find "$work/logs" -name '*.json' | sort | while read -r file; do
    printf '\\copy classic.staging_events FROM '"'"'%s'"'"' %s\n' "$file" "$csv"
  done
} > "$work/copies.sql"
# The client-parsing classic's COPYs: jq turns each file into CSV rows of the typed staging tables.
{
  find "$work/all/song_data" -name '*.json' | sort | while read -r file; do
    printf '\\copy classic.staging_songs FROM PROGRAM '"'"'jq -rf %s %s'"'"' WITH (FORMAT csv)\n' \
      "$here/bench/classic-songs.jq" "$file"
  done
  find "$work/logs" -name '*.json' | sort | while read -r file; do
    printf '\\copy classic.staging_events FROM PROGRAM '"'"'jq -rf %s %s'"'"' WITH (FORMAT csv)\n' \
      "$here/bench/classic-events.jq" "$file"
  done
} > "$work/copies-typed.sql"

millis_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
classic() {
  local started
  started=$(date +%s%N)
  "${psql[@]}" -v part=schema -f "$here/bench/postgres-classic.sql"
  "${psql[@]}" -f "$work/copies.sql"
  "${psql[@]}" -v part=star -f "$here/bench/postgres-classic.sql"
  millis_since "$started"
}
classic_typed() {
  local started
  started=$(date +%s%N)
  "${psql[@]}" -v part=schema -f "$here/bench/postgres-classic-typed.sql"
  "${psql[@]}" -f "$work/copies-typed.sql"
  "${psql[@]}" -v part=star -f "$here/bench/postgres-classic-typed.sql"
  millis_since "$started"
}
full_load() { # -> wall ms; leaves etl -v's log in $work/etl.log and --json in $work/etl.json
  local started
  "${psql[@]}" -c 'DROP SCHEMA IF EXISTS sparkify CASCADE' 2> /dev/null
  started=$(date +%s%N)
  "$sparkify" create-tables --warehouse "$url" --schema sparkify > /dev/null
  "$sparkify" etl -v --json --warehouse "$url" --schema sparkify --songs "$work/all/song_data" \
    --logs "$logs" > "$work/etl.json" 2> "$work/etl.log"
  millis_since "$started"
}
run_millis() { grep -o '"millis" *: *[0-9]*' "$1" | grep -o '[0-9]*$'; }

results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  c=$(classic)
  t=$(classic_typed)
  s=$(full_load)
  echo "round $round: classic $c ms, sparkify $s ms (in-run $(run_millis "$work/etl.json") ms)," \
    "ratio $(awk -v s="$s" -v c="$c" 'BEGIN {printf "%.2f", s / c}'); client-parsing classic $t ms," \
    "ratio $(awk -v s="$s" -v t="$t" 'BEGIN {printf "%.2f", s / t}'); $(uptime | sed 's/.*load/load/')" \
    | tee -a "$results"
  cp "$work/etl.log" "$work/etl-round-$round.log"
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
classic_ms=$(awk '{print $4}' "$results" | median)
sparkify_ms=$(awk '{print $7}' "$results" | median)
echo "full load, median of $rounds: classic $classic_ms ms, sparkify $sparkify_ms ms," \
  "ratio $(awk -v s="$sparkify_ms" -v c="$classic_ms" 'BEGIN {printf "%.2f", s / c}');" \
  "median of the rounds' ratios $(awk '{print $13}' "$results" | tr -d ';' | median);" \
  "client-parsing classic $(awk '{print $16}' "$results" | median) ms, median of the rounds' ratios" \
  "$(awk '{print $19}' "$results" | tr -d ';' | median)"
echo "where the last sparkify run went (etl -v):"
grep -oE '(staged [0-9]+ [a-z]+ files in [0-9]+ ms|[a-z_]+ \(postgres\) took [0-9]+ ms|built .* ms|check [a-z_]+ took [0-9]+ ms|committed in [0-9]+ ms)' \
  "$work/etl.log" | sed 's/^/  /' || true

# Staging against psql's \copy of the same rows (the last full load's) in one transaction, as the run
# stages them: into a table like staging_events without indexes, as a first load stages (it builds them
# after), and with the schema's indexes, as a later run stages.
staged_ms=$(grep -o 'staged [0-9]* events files in [0-9]* ms' "$work/etl.log" | grep -o '[0-9]* ms' | grep -o '[0-9]*')
"${psql[@]}" -c "\\copy sparkify.staging_events TO '$work/staged.txt'"
floor() { # LIKE options -> median ms of 3
  local times=() started i
  printf '%s\n' 'BEGIN;' "CREATE TABLE sparkify.copy_floor (LIKE sparkify.staging_events $1);" \
    "\\copy sparkify.copy_floor FROM '$work/staged.txt'" 'ROLLBACK;' > "$work/copy-floor.sql"
  for i in 1 2 3; do
    started=$(date +%s%N)
    "${psql[@]}" -f "$work/copy-floor.sql"
    times+=("$(millis_since "$started")")
  done
  printf '%s\n' "${times[@]}" | median
}
bare_ms=$(floor 'INCLUDING DEFAULTS')
indexed_ms=$(floor 'INCLUDING ALL')
echo "staging 1,007,000 events: sparkify $staged_ms ms (JSON files parsed in the client); psql \\copy of the" \
  "same rows in COPY text, median of 3: $bare_ms ms without indexes, $indexed_ms ms with the schema's;" \
  "throughput ratios $(awk -v s="$staged_ms" -v b="$bare_ms" -v i="$indexed_ms" \
    'BEGIN {printf "%.2f and %.2f", b / s, i / s}'); $(uptime | sed 's/.*load/load/')"

# Daily runs on the last full load: one new day's file each, added to the logs folder.
full_run=$(run_millis "$work/etl.json")
for day in $(seq -w 1 "$daily"); do
  cp -al "$work/days/day-$day" "$logs/day-$day"
  "$sparkify" etl -v --json --warehouse "$url" --schema sparkify --songs "$work/all/song_data" \
    --logs "$logs" > "$work/daily.json" 2> "$work/daily-$day.log"
  ms=$(run_millis "$work/daily.json")
  echo "daily run $day: in-run $ms ms, $(awk -v d="$ms" -v f="$full_run" 'BEGIN {printf "%.1f", 100 * d / f}')%" \
    "of the full load's $full_run ms" | tee -a "$work/daily.txt"
done
echo "dead rows after $daily daily runs: $("${psql[@]}" -At -c "SELECT string_agg(relname || ' ' || n_dead_tup, ', ')
  FROM pg_stat_user_tables WHERE schemaname = 'sparkify' AND n_dead_tup > 0")"
