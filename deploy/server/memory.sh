#!/usr/bin/env bash
# How much memory the app takes under load with the heap of deploy/server/technocarte.env, to size
# the unit's MemoryMax: starts the packaged app on the private PostGIS (database technocarte_deploy,
# made anew, demo data), loads it with wrk (200 connections of map reads, tiles and statistics for
# TECHNOCARTE_MEMORY_SECONDS, default 60), samples its RSS every 2 s and prints the peak.
#
#   deploy/local/postgis.sh start && ./mvnw package -DskipTests && deploy/server/memory.sh
#   JAVA_OPTS=-Xmx256m deploy/server/memory.sh        # another heap
#
# Prints figures, asserts nothing (machines are noisy). Loopback only, port TECHNOCARTE_MEMORY_PORT
# (default 18511).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

port="${TECHNOCARTE_MEMORY_PORT:-18511}"
seconds="${TECHNOCARTE_MEMORY_SECONDS:-60}"
pg_port="${TECHNOCARTE_PG_PORT:-55432}"
data_root="${TECHNOCARTE_PG_DIR:-$root/deploy/local/data}"
bindir="/usr/lib/postgresql/${TECHNOCARTE_PG_MAJOR:-15}/bin"
[ -x "$bindir/psql" ] || bindir=$(dirname "$(command -v psql)")
jar="$root/target/quarkus-app/quarkus-run.jar"
database=technocarte_deploy
say() { printf 'memory.sh: %s\n' "$*" >&2; }

[ -f "$jar" ] || { say "no $jar: run ./mvnw package first"; exit 1; }
command -v wrk >/dev/null 2>&1 || {
  say "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=120 wrk >/dev/null
}

as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_super() { as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$data_root/run" -p "$pg_port" -U postgres "$@"; }
psql_super -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database OWNER technocarte"
psql_super -d "$database" -c "SET client_min_messages = warning; CREATE EXTENSION postgis"

work=$(mktemp -d -t technocarte-memory.XXXXXX)
app_pid=
cleanup() {
  [ -z "$app_pid" ] || { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

opts="${JAVA_OPTS:-$(sed -n 's/^JAVA_OPTS="\(.*\)"$/\1/p' deploy/server/technocarte.env)}"
# In the app's folder, as the unit starts it (the archive of its classes, app-cds.jsa, is found there).
# shellcheck disable=SC2086 # a list of options
(cd "$(dirname "$jar")" &&
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$database" \
    QUARKUS_DATASOURCE_USERNAME=technocarte QUARKUS_DATASOURCE_PASSWORD=technocarte \
    TECHNOCARTE_DEMO_DATA=true TECHNOCARTE_PHOTOS_DIR="$work/photos" \
    exec java $opts -jar "$jar" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; say "the app did not start"; exit 1; }
  sleep 1
done
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$app_pid/status"; }
say "JAVA_OPTS: $opts"
say "RSS after start: $(rss) MB"

# Three kinds of reads, one per wrk thread's connections: the map around the Comédie, a tile, the statistics.
cat >"$work/mix.lua" <<'EOF'
local paths = {
  "/api/sightings?bbox=3.86,43.60,3.89,43.62",
  "/tiles/sightings/12/2091/1495.mvt",
  "/api/stats",
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
EOF
peak=0
wrk -t 2 -c 200 -d "${seconds}s" -s "$work/mix.lua" "http://127.0.0.1:$port" >"$work/wrk.log" 2>&1 &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null; do
  now=$(rss)
  [ "$now" -le "$peak" ] || peak=$now
  sleep 2
done
wait "$wrk_pid" || true
grep -E "Requests/sec|requests in|Non-2xx|Socket errors" "$work/wrk.log" | sed 's/^ */wrk: /' >&2
say "RSS peak under 200 connections for ${seconds} s: $peak MB; after: $(rss) MB"
