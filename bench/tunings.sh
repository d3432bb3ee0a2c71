#!/usr/bin/env bash
# Runs two builds of sparkify alternately on the same data (A B A B ...) and prints each run's wall time
# and peak RSS, both sides' medians, and the ratio A/B pair by pair and of the medians. Use it to judge a
# tuning: build once with it and once with it switched off, copy each build's sparkify-cli/target/launch folder (with
# the `sparkify` launcher beside it if you want the launcher's options), and compare.
#
# Usage: bench/tunings.sh [-n PAIRS] [-w WARMUPS] [--template FILE] [--work DIR] A B -- SPARKIFY_ARGS...
#   A, B        a folder holding a `sparkify` launcher script (run as is), or a launch folder holding
#               sparkify.jar (run with the launcher's default JVM options)
#   -n PAIRS    pairs of runs (default 3)
#   -w WARMUPS  untimed warm-up runs of each side first (default 1: page cache, the launcher's class archive)
#   --template  a warehouse file copied to the run's warehouse before each run, outside the timing
#               (e.g. a loaded warehouse, for a daily run); without it each run starts from no warehouse
#   --work DIR  where warehouses and logs go (default /tmp/sparkify-tunings)
#   In SPARKIFY_ARGS, {wh} stands for the run's warehouse file; it is deleted before and after each run.
# Example, a 1M-event full load:
#   bench/tunings.sh -n 3 /tmp/with /tmp/without -- etl --warehouse 'jdbc:duckdb:{wh}' \
#     --songs data/song_data --logs data/log_data
# Needs GNU time (/usr/bin/time). Each run's output is kept in WORK/A-N.log and WORK/B-N.log.
set -euo pipefail
pairs=3
warmups=1
template=""
work="/tmp/sparkify-tunings"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) pairs="$2"; shift 2 ;;
    -w) warmups="$2"; shift 2 ;;
    --template) template="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --) shift; break ;;
    *) if [ -z "${side_a:-}" ]; then side_a="$1"; elif [ -z "${side_b:-}" ]; then side_b="$1"; else
         echo "unexpected argument: $1" >&2; exit 2; fi; shift ;;
  esac
done
[ -n "${side_a:-}" ] && [ -n "${side_b:-}" ] && [ $# -gt 0 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
mkdir -p "$work"
wh="$work/warehouse.duckdb"

command_of() { # folder -> the command that runs that build
  local dir; dir="$(cd "$1" && pwd)"
  if [ -x "$dir/sparkify" ]; then
    echo "$dir/sparkify"
  elif [ -f "$dir/sparkify.jar" ]; then
    echo "java -Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar $dir/sparkify.jar"
  else
    echo "no sparkify launcher or sparkify.jar in $1" >&2; exit 2
  fi
}
cmd_a="$(command_of "$side_a")"
cmd_b="$(command_of "$side_b")"
args=("${@//\{wh\}/$wh}")

clean() { rm -rf "$wh" "$wh.wal" "$wh.tmp"; }
run() { # label index -> appends "label seconds peak_mib" to results
  local label="$1" index="$2" cmd
  [ "$label" = A ] && cmd="$cmd_a" || cmd="$cmd_b"
  clean
  [ -n "$template" ] && cp "$template" "$wh"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$work/time" $cmd "${args[@]}" > "$work/$label-$index.log" 2>&1 || true
  clean
  local secs kib
  read -r secs kib < <(tail -1 "$work/time")
  printf "%s %s %d\n" "$label" "$secs" $((kib / 1024)) | tee -a "$work/results"
}

: > "$work/results"
echo "A: $cmd_a"
echo "B: $cmd_b"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$warmups"); do
  run A "w$i" > /dev/null
  run B "w$i" > /dev/null
done
: > "$work/results"
for i in $(seq 1 "$pairs"); do
  run A "$i"
  run B "$i"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  function median(list,   n, a, i, j, x) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { x = a[i]; a[i] = a[j]; a[j] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  $1 == "A" { ta = ta " " $2; ma = ma " " $3; last = $2 }
  $1 == "B" { tb = tb " " $2; mb = mb " " $3; ratios = ratios " " (last / $2) }
  END {
    printf "A: median %.2f s, peak RSS median %d MiB\n", median(ta), median(ma)
    printf "B: median %.2f s, peak RSS median %d MiB\n", median(tb), median(mb)
    printf "A/B time: %.3f (pairs:%s)\n", median(ta) / median(tb), ratios
    printf "A-B peak RSS: %+d MiB\n", median(ma) - median(mb)
  }' "$work/results"
