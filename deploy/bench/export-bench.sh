#!/usr/bin/env bash
# Benchmark of the exports (not a test): loads synthetic approved sightings into a database of its
# own, starts the packaged app with a small heap against it, downloads the GeoJSON and CSV exports
# and prints rows, bytes, seconds, the app's peak memory, and the same data read by psql COPY and by
# ogr2ogr straight from PostgreSQL as baselines measured in the same run.
#
#   TECHNOCARTE_PG_PORT=55434 deploy/bench/export-bench.sh        # 1,000,000 rows
#   BENCH_ROWS=100000 TECHNOCARTE_PG_PORT=55434 deploy/bench/export-bench.sh
#
# It starts the private cluster (deploy/local/postgis.sh) if needed, builds the app if
# target/quarkus-app is missing, and stops the app and drops its database when it ends. Every step
# has a time limit, so it always stops by itself.
set -euo pipefail

cd "$(dirname "$0")/../.."
name=export-bench
db=technocarte_bench
http_port="${BENCH_HTTP_PORT:-18090}"
heap="${BENCH_HEAP:--Xmx256m}"
. deploy/bench/lib.sh
# The heap sampler, if still running.
bench_cleanup_more() { [ -n "${sampler_pid:-}" ] && kill "$sampler_pid" 2>/dev/null || true; }
bench_start_app

say "loading $rows approved sightings (one INSERT … SELECT generate_series)"
t0=$(now)
psql_app -v rows="$rows" <<'SQL'
INSERT INTO sighting (geom, surveillance_type, camera_type, mount, directions, field_of_view, area,
                      zone, operator, operator_type, height, vsa_suspected, vsa_evidence, notes,
                      city_code, city_name, observed_at, check_date, status, source)
SELECT ST_SetSRID(ST_MakePoint(-4.5 + random() * 12, 42.5 + random() * 8.5), 4326),
       (ARRAY['camera', 'camera', 'camera', 'alpr', 'guard', 'other'])[1 + g % 6],
       (ARRAY['fixed', 'dome', 'panning', 'unknown'])[1 + g % 4],
       (ARRAY['pole', 'wall', 'ceiling', 'street_lamp', 'building', 'traffic_signals', 'gantry', 'other'])[1 + g % 8],
       ARRAY[(g * 37) % 360, (g * 91) % 360], 60, 'public', 'town', 'Ville ' || (g % 500), 'public',
       3.5, g % 10 = 0, CASE WHEN g % 10 = 0 THEN 'Délibération n°' || g END,
       CASE WHEN g % 5 = 0 THEN 'Caméra n°' || g || ', "près" du carrefour' END,
       (g % 500)::text, 'Ville ' || (g % 500),
       DATE '2020-01-01' + (g % 2000), DATE '2020-01-01' + (g % 2000), 'approved', 'import'
FROM generate_series(1, :rows) g;
ANALYZE sighting;
SQL
say "loaded in $(seconds "$t0" "$(now)") s"

# Peak heap used, sampled every 200 ms while the downloads run.
jstat -gc "$app_pid" 200 >"$work/jstat.log" 2>/dev/null &
sampler_pid=$!

download() { # format
  local file="$work/export.$1" start end
  start=$(now)
  curl -fsS --max-time 900 -o "$file" "http://127.0.0.1:$http_port/api/export/sightings.$1"
  end=$(now)
  printf '%s\t%s\t%s\n' "$(stat -c %s "$file")" "$(seconds "$start" "$end")" "$file"
}

IFS=$'\t' read -r geojson_bytes geojson_s geojson_file < <(download geojson)
geojson_rows=$(grep -o '"type":"Feature"' "$geojson_file" | wc -l)
rm -f "$geojson_file"
IFS=$'\t' read -r csv_bytes csv_s csv_file < <(download csv)
csv_rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$csv_file") - 1))
rm -f "$csv_file"
kill "$sampler_pid" 2>/dev/null || true
peak_rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$app_pid/status")
peak_heap_kb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%d", max }' "$work/jstat.log")
heap_info=$(jcmd "$app_pid" GC.heap_info 2>/dev/null | sed -n '2,3p' | tr -s ' ' || true)

say "baselines on the same data"
select_all="SELECT s.id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.surveillance_type, s.camera_type, s.mount, array_to_string(s.directions, ';') AS directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type, s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name, s.observed_at, s.check_date, s.status, s.source, s.source_ref, s.version, s.created_at, s.updated_at FROM sighting s WHERE s.status = 'approved' ORDER BY s.id"
start=$(now)
psql_app -c "\\copy ($select_all) TO '$work/copy.csv' WITH (FORMAT csv, HEADER)"
copy_s=$(seconds "$start" "$(now)")
copy_bytes=$(stat -c %s "$work/copy.csv")
rm -f "$work/copy.csv"
start=$(now)
timeout 900 ogr2ogr -f GeoJSON "$work/ogr.geojson" \
  "PG:host=127.0.0.1 port=$port dbname=$db user=technocarte password=technocarte" \
  -sql "$(sed 's/ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat/s.geom/' <<<"$select_all")" -nln sightings
ogr_s=$(seconds "$start" "$(now)")
# The floor of the other design: GeoJSON features built by PostgreSQL itself, one per line.
start=$(now)
psql_app -c "\\copy (SELECT json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom)::json, 'properties', to_jsonb(s) - 'geom' - 'geom_3857' - 'client_id_hash' - 'edit_token_hash') FROM sighting s WHERE s.status = 'approved' ORDER BY s.id) TO '$work/features.jsonl'"
sql_json_s=$(seconds "$start" "$(now)")
rm -f "$work/features.jsonl"
ogr_bytes=$(stat -c %s "$work/ogr.geojson")
rm -f "$work/ogr.geojson"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
cat <<REPORT

Export benchmark: $rows approved sightings, app started with $heap, $(nproc) cores
  format    rows       bytes        seconds   MB/s
  GeoJSON   $geojson_rows  $geojson_bytes  $geojson_s   $(awk -v b="$geojson_bytes" -v s="$geojson_s" 'BEGIN { printf "%.1f", b / 1e6 / s }')
  CSV       $csv_rows  $csv_bytes  $csv_s   $(awk -v b="$csv_bytes" -v s="$csv_s" 'BEGIN { printf "%.1f", b / 1e6 / s }')
  app peak RSS (VmHWM): $((peak_rss_kb / 1024)) MB; peak heap used (jstat, 200 ms samples): $((peak_heap_kb / 1024)) MB
  heap at the end: $heap_info
Baselines, same data, same run:
  psql \\copy CSV:           $copy_s s, $copy_bytes bytes  -> app CSV takes $(ratio "$csv_s" "$copy_s") x as long
  ogr2ogr PG -> GeoJSON:    $ogr_s s, $ogr_bytes bytes  -> app GeoJSON takes $(ratio "$geojson_s" "$ogr_s") x as long
  features built in SQL (psql \\copy of json_build_object): $sql_json_s s -> app GeoJSON takes $(ratio "$geojson_s" "$sql_json_s") x as long
REPORT
