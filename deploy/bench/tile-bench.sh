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

cd "$(dirname "$0")/../.."
name=tile-bench
db=technocarte_tilebench
http_port="${BENCH_HTTP_PORT:-18091}"
heap="${BENCH_HEAP:--Xmx256m}"
. deploy/bench/lib.sh
bench_start_app

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
printf '  zoom  tiles  app bytes  app slowest s  | raw points bytes  raw slowest s  | bytes ratio  time ratio\n'
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
  printf '  %4s  %5s  %9s  %13s  | %16s  %13s  | %11s  %s\n' "$z" "$count" "$app_bytes" "$app_max" "$raw_bytes" "$raw_max" \
    "$(awk -v a="$app_bytes" -v b="$raw_bytes" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print "n/a" }')" \
    "$(awk -v a="$app_max" -v b="$raw_max" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
done
