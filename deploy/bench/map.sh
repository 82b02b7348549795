#!/usr/bin/env bash
# The walker's map alone, in headless Chromium (deploy/bench/map.mjs), on BENCH_ROWS generated
# sightings: the same data, app and settings as deploy/bench/run.sh, without its other workloads.
# Appends the figures to deploy/bench/RESULTS.md (BENCH_RESULTS=none prints only).
#
#   TECHNOCARTE_PG_PORT=55463 TECHNOCARTE_PG_DIR=/tmp/pg deploy/bench/map.sh      # 1M rows, about 8 min
#   BENCH_KEEP_DB=yes deploy/bench/map.sh; BENCH_REUSE_DB=yes deploy/bench/map.sh  # load once, run again
#
# Settings: BENCH_ROWS (1000000), BENCH_SEED (1), BENCH_HTTP_PORT (18700), BENCH_JVM_OPTS,
# BENCH_MAP_DPR (the device pixel ratios to run, "1 3"), and those of map.mjs: BENCH_MAP_LOADS (cold
# loads, 7), BENCH_MAP_PANS (20), BENCH_MAP_TRACE (a file for Chromium's trace of the panning),
# CHROMIUM (/usr/bin/chromium). Loopback only.
set -euo pipefail

cd "$(dirname "$0")/../.."
name=bench-map
db=technocarte_bench_map
command_line="$(printf '%q ' "$0" "$@")"
http_port="${BENCH_HTTP_PORT:-18700}"
jvm_opts="${BENCH_JVM_OPTS:-$(sed -n 's/^JAVA_OPTS="\(.*\)"$/\1/p' deploy/server/technocarte.env)}"
jvm_opts="${jvm_opts:--Xmx512m}"
seed="${BENCH_SEED:-1}"
results="${BENCH_RESULTS:-deploy/bench/RESULTS.md}"
. deploy/bench/lib.sh

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "${BENCH_REUSE_DB:-no}" = yes ] && psql_app -At -c 'SELECT 1 FROM sighting LIMIT 1' >/dev/null 2>&1; then
  say "reusing $db"
  loaded="reused"
else
  bench_create_db
  bench_load_sightings 0
  loaded="generated and loaded by COPY in $load_s s (+ VACUUM ANALYZE $vacuum_s s)"
fi
n_approved=$(psql_app -At -c "SELECT count(*) FROM sighting WHERE status = 'approved'")
say "starting the app ($jvm_opts)"
bench_start_app
say "ready in $startup_s s; the map in headless Chromium"
: >"$work/map.md"
bench_map "$work/map.md"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  printf '\n## %s — the walker'"'"'s map, %s sightings (%s approved)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$rows" "$n_approved"
  printf 'Command: `%s` (BENCH_ROWS=%s BENCH_SEED=%s), commit %s; data %s; app `java %s`.\n' \
    "$command_line" "$rows" "$seed" "$(git rev-parse --short HEAD)" "$loaded" "$jvm_opts"
  printf 'Machine: %s cores, load average %s before, %s after (shared with other builds).\n\n' "$(nproc)" "$load_before" "$load_after"
  cat "$work/map.md"
} >"$work/report.md"
cat "$work/report.md"
if [ "$results" != none ]; then
  cat "$work/report.md" >>"$results"
  say "appended to $results"
fi
