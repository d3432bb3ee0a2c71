#!/usr/bin/env bash
# Times `sparkify etl` staging many small song files (the size of the public song_data set by default) from:
#   local        a local folder
#   loopback-s3  a loopback server answering ListObjectsV2 and GetObject from memory (sparkify's side alone)
#   s3mock       S3Mock, the S3-compatible server of the tests (it re-reads its whole key index on every
#                request, so with many objects in one bucket it measures mostly itself)
# Each etl is a fresh JVM (`java -jar sparkify-cli/target/sparkify.jar`, under GNU time) and a fresh DuckDB file; the servers
# run in the benchmark's JVM on the same machine. Reported per run: wall time, CPU of the etl process, CPU of
# the server JVM, peak memory of the etl.
# Usage: bench/s3-small-objects.sh [FILES] [ROUNDS] [S3MOCK_ROUNDS]
#   FILES          song files (default 15000)
#   ROUNDS         alternating rounds of local and loopback-s3 (default 3)
#   S3MOCK_ROUNDS  rounds from S3Mock after uploading the files to it (default 1; 0 skips S3Mock)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-15000}"
rounds="${2:-3}"
s3mock_rounds="${3:-1}"
work="${BENCH_DIR:-/tmp/sparkify-s3-bench}"

[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
cd "$here"
./mvnw -q -B -DskipTests package -pl sparkify-cli -am
classpath="$(./mvnw -q -B -pl sparkify-cli dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -cp "sparkify-cli/target/test-classes:sparkify-cli/target/classes:$classpath" com.sparkify.bench.S3SmallObjectsBenchmark \
  "$work" "$files" "$rounds" "$s3mock_rounds" "sparkify-cli/target/sparkify.jar" 2>&1 | grep -v "Commons Logging discovery"
