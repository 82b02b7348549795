#!/usr/bin/env bash
# Benchmark of the map's vector tiles (not a test): loads synthetic approved sightings spread over
# mainland France into a database of its own, starts the packaged app against it, and fetches the
# tiles a phone needs at a few zooms. Prints per zoom: tiles, total bytes, the slowest tile, and as a
# baseline measured in the same run the same tiles built by PostGIS without gathering cameras into
# cells (one point per camera, what a naive ST_AsMVT would send).
#
#   TECHNOCARTE_PG_PORT=55434 deploy/bench/tile-bench.sh            # 1,000,000 rows
#   BENCH_ROWS=100000 TECHNOCARTE_PG_PORT=55434 deploy/bench/tile-bench.sh
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
rows="${BENCH_ROWS:-1000000}"
port="${TECHNOCARTE_PG_PORT:-55432}"
http_port="${BENCH_HTTP_PORT:-18091}"
db=technocarte_tilebench
sockdir="${TECHNOCARTE_PG_DIR:-$here/deploy/local/data}/run"
work=$(mktemp -d)
app_pid=

say() { printf 'tile-bench: %s\n' "$*" >&2; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_super() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres "$@"; }
export PGPASSWORD=technocarte
psql_app() { timeout 900 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U technocarte -d "$db" "$@"; }
now() { date +%s.%N; }

cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

TECHNOCARTE_PG_PORT="$port" deploy/local/postgis.sh start
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  say "building the app"
  timeout 900 ./mvnw -B -q --no-transfer-progress package -DskipTests
fi
psql_super -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
psql_super -d postgres -c "CREATE DATABASE $db OWNER technocarte" >/dev/null
psql_super -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION postgis" >/dev/null

QUARKUS_HTTP_PORT="$http_port" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/$db" \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http_port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done

say "loading $rows approved sightings over mainland France"
psql_app -v rows="$rows" <<'SQL'
INSERT INTO sighting (geom, surveillance_type, camera_type, vsa_suspected, observed_at, status)
SELECT ST_SetSRID(ST_MakePoint(-4.5 + random() * 12, 42.5 + random() * 8.5), 4326), 'camera',
       (ARRAY['fixed', 'dome', 'panning', 'unknown'])[1 + g % 4], g % 10 = 0, DATE '2024-01-01', 'approved'
FROM generate_series(1, :rows) g;
ANALYZE sighting;
SQL

# The tiles of a 360x640 phone over Paris (48.86, 2.35) at each zoom: 2x3 tiles around its centre.
tiles_at() { # z
  python3 - "$1" <<'PY'
import math, sys
z = int(sys.argv[1]); lat, lon = 48.86, 2.35
n = 2 ** z
x = int((lon + 180) / 360 * n)
y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
for dx in (0, 1):
    for dy in (-1, 0, 1):
        if 0 <= x + dx < n and 0 <= y + dy < n:
            print(z, x + dx, y + dy)
PY
}

printf '\nTile benchmark: %s approved sightings, %s cores\n' "$rows" "$(nproc)"
printf '  zoom  tiles  app bytes  app slowest s  | raw points bytes  raw slowest s  | bytes ratio\n'
for z in 5 7 9 11; do
  app_bytes=0 app_max=0 raw_bytes=0 raw_max=0 count=0
  while read -r tz tx ty; do
    count=$((count + 1))
    start=$(now)
    curl -fsS --max-time 300 -o "$work/t.mvt" "http://127.0.0.1:$http_port/tiles/sightings/$tz/$tx/$ty.mvt"
    s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    app_bytes=$((app_bytes + $(stat -c %s "$work/t.mvt")))
    app_max=$(awk -v a="$app_max" -v b="$s" 'BEGIN { print (b > a) ? b : a }')
    start=$(now)
    psql_app -At -c "SELECT length(ST_AsMVT(t, 'sightings')) FROM (SELECT ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope($tz, $tx, $ty)) AS g FROM sighting WHERE status = 'approved' AND geom && ST_Transform(ST_TileEnvelope($tz, $tx, $ty), 4326)) t" >"$work/raw"
    s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    raw_bytes=$((raw_bytes + $(cat "$work/raw" | tr -d '[:space:]' | sed 's/^$/0/')))
    raw_max=$(awk -v a="$raw_max" -v b="$s" 'BEGIN { print (b > a) ? b : a }')
  done < <(tiles_at "$z")
  printf '  %4s  %5s  %9s  %13s  | %16s  %13s  | %s\n' "$z" "$count" "$app_bytes" "$app_max" "$raw_bytes" "$raw_max" \
    "$(awk -v a="$app_bytes" -v b="$raw_bytes" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print "n/a" }')"
done
