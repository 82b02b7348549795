#!/usr/bin/env bash
# The benchmark of the public reads and writes (not a test). On generated sightings
# (deploy/bench/generate.mjs) it measures each workload first as PostgreSQL alone (pgbench running the
# SQL the app runs, deploy/bench/pgbench/*.sql) and then through the app over HTTP (wrk with the same
# viewports and tiles, deploy/bench/wrk.lua), and prints app ÷ limit for each, measured in the same
# run: the map read, OGC items, z14 tiles over Paris and Marseille, z7 and z5 tiles over France, POST
# with its duplicate check; then the GeoJSON and CSV exports against COPY and ogr2ogr with the app's
# peak heap and RSS, its start-up time and RSS after start, and EXPLAIN (ANALYZE, BUFFERS) of the
# other reads (moderation queue of a territory with BENCH_QUEUE pending, stats, city page, nearby,
# duplicate check), and the walker's map in headless Chromium (deploy/bench/map.mjs: first render over
# France, long tasks while panning). Appends the whole report to deploy/bench/RESULTS.md.
#
#   TECHNOCARTE_PG_PORT=55463 TECHNOCARTE_PG_DIR=/work/wt/bench-pg deploy/bench/run.sh
#   BENCH_ROWS=100000 BENCH_SECONDS=10 BENCH_QUEUE=5000 … deploy/bench/run.sh      # a few minutes
#
# Settings: BENCH_ROWS (1000000), BENCH_SEED (1), BENCH_SECONDS per workload and side (30),
# BENCH_WARMUP seconds of wrk before each HTTP measure (20: the JIT compiles the path of each workload
# first; in the first 30 s of the map read its threads took 11 % of the machine), BENCH_CLIENTS (8), BENCH_QUEUE (50000),
# BENCH_HTTP_PORT (18700), BENCH_JVM_OPTS (JAVA_OPTS of deploy/server/technocarte.env),
# BENCH_RESULTS (deploy/bench/RESULTS.md; "none" to print only), BENCH_KEEP_DB=yes keeps the data,
# BENCH_MAP=no skips the map in Chromium (BENCH_MAP_DPR and the others: see deploy/bench/map.sh),
# BENCH_PROFILE=yes records the app (JFR) and adds where the CPU goes in each workload
# (deploy/bench/profile.py).
# It starts the private cluster if needed (deploy/local/postgis.sh), builds the app if
# target/quarkus-app is missing, and stops the app and drops its database at the end. Loopback only.
set -euo pipefail

cd "$(dirname "$0")/../.."
name=bench
db=technocarte_bench
command_line="$(printf '%q ' "$0" "$@")"
http_port="${BENCH_HTTP_PORT:-18700}"
jvm_opts="${BENCH_JVM_OPTS:-$(sed -n 's/^JAVA_OPTS="\(.*\)"$/\1/p' deploy/server/technocarte.env)}"
jvm_opts="${jvm_opts:--Xmx512m}"
profile="${BENCH_PROFILE:-no}"
seed="${BENCH_SEED:-1}"
secs="${BENCH_SECONDS:-30}"
warmup="${BENCH_WARMUP:-20}"
clients="${BENCH_CLIENTS:-8}"
queue="${BENCH_QUEUE:-50000}"
n_viewports=2000
results="${BENCH_RESULTS:-deploy/bench/RESULTS.md}"
base="http://127.0.0.1:$http_port"
. deploy/bench/lib.sh
bench_cleanup_more() {
  [ -n "${sampler_pid:-}" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "${rss_pid:-}" ] && kill "$rss_pid" 2>/dev/null
  return 0
}

for tool in wrk ogr2ogr; do
  command -v "$tool" >/dev/null 2>&1 || {
    package=$([ "$tool" = wrk ] && echo wrk || echo gdal-bin)
    say "installing $package"
    apt-get -o DPkg::Lock::Timeout=300 install -y -q "$package" >/dev/null
  }
done

report="$work/report.md"
: >"$work/phases.tsv"
# The columns the app reads of a sighting (SightingRepository.VIEW_COLUMNS).
view_cols="s.id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.surveillance_type, s.camera_type, s.mount, s.directions, s.field_of_view, s.area, s.zone, s.operator, s.operator_type, s.height, s.vsa_suspected, s.vsa_evidence, s.notes, s.city_code, s.city_name, s.observed_at, s.check_date, s.status, s.source, s.source_ref, s.version, s.created_at, s.updated_at"
# The feature of the GeoJSON export as PostgreSQL writes it for the app (FeatureJson.FLAT, the
# expression that pgbench/ogc.sql reads too: FeatureJsonTest holds it to the app's).
flat=$(grep -o "SELECT s.id, (.*) FROM sighting s WHERE" deploy/bench/pgbench/ogc.sql | sed 's/^SELECT s.id, //; s/ FROM sighting s WHERE$//')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

bench_create_db
bench_load_sightings "$queue"

# What both sides read: the viewports and tiles in a schema of the benchmark's own.
node deploy/bench/generate.mjs --viewports "$n_viewports" --seed "$seed" >"$work/viewports.txt"
python3 - "$work" <<'PY'
import math, sys
work = sys.argv[1]
def tile(z, lon, lat):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return x, y
rows = []
# z14: 4 x 4 tiles (about 10 km²) over central Paris and central Marseille.
for lon, lat in ((2.3488, 48.85341), (5.38107, 43.29695)):
    cx, cy = tile(14, lon, lat)
    rows += [(14, x, y) for x in range(cx - 2, cx + 2) for y in range(cy - 2, cy + 2)]
# z7 and z5: every tile that touches mainland France and Corsica.
for z in (7, 5):
    x0, y0 = tile(z, -5.2, 51.1)
    x1, y1 = tile(z, 9.6, 41.3)
    rows += [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
with open(f"{work}/tiles.tsv", "w") as f:
    for i, (z, x, y) in enumerate(rows, 1):
        margin = 2 * 20037508.342789244 / 2 ** z * 64 / 4096
        f.write(f"{i}\t{z}\t{x}\t{y}\t{margin}\n")
for z in (14, 7, 5):
    with open(f"{work}/tiles{z}.txt", "w") as f:
        ids = [i for i, r in enumerate(rows, 1) if r[0] == z]
        f.write("".join(f"/tiles/sightings/{z}/{rows[i-1][1]}/{rows[i-1][2]}.mvt\n" for i in ids))
    with open(f"{work}/tiles{z}.range", "w") as f:
        f.write(f"{ids[0]} {ids[-1]}\n")
# Every zoom, one tile at a time: the 3 × 3 tiles around central Paris and central Marseille.
seen = set()
with open(f"{work}/every-zoom.txt", "w") as f:
    for z in range(17):
        for lon, lat in ((2.3488, 48.85341), (5.38107, 43.29695)):
            cx, cy = tile(z, lon, lat)
            for x in range(cx - 1, cx + 2):
                for y in range(cy - 1, cy + 2):
                    if 0 <= x < 2 ** z and 0 <= y < 2 ** z and (z, x, y) not in seen:
                        seen.add((z, x, y))
                        f.write(f"{z} /tiles/sightings/{z}/{x}/{y}.mvt\n")
PY
awk '{ printf "/api/sightings?bbox=%s,%s,%s,%s\n", $1, $2, $3, $4 }' "$work/viewports.txt" >"$work/map.txt"
awk '{ printf "/ogc/collections/sightings/items?bbox=%s,%s,%s,%s&limit=1000\n", $1, $2, $3, $4 }' "$work/viewports.txt" >"$work/ogc.txt"
awk '{ printf "%d\t%s\t%s\t%s\t%s\n", NR, $1, $2, $3, $4 }' "$work/viewports.txt" >"$work/viewports.tsv"
psql_app <<SQL
CREATE SCHEMA bench;
CREATE TABLE bench.viewport (id int PRIMARY KEY, x0 float8, y0 float8, x1 float8, y1 float8);
CREATE TABLE bench.tile (id int PRIMARY KEY, z int, x int, y int, margin float8);
\\copy bench.viewport FROM '$work/viewports.tsv'
\\copy bench.tile FROM '$work/tiles.tsv'
ANALYZE bench.viewport;
ANALYZE bench.tile;
-- The territory of a local group around Lyon, whose moderation queue the plans below read.
INSERT INTO local_group (name, city_name, territory)
VALUES ('Bench Lyon', 'Lyon', ST_Multi(ST_MakeEnvelope(4.70, 45.65, 5.00, 45.85, 4326)));
SQL
group_id=$(psql_app -At -c "SELECT id FROM local_group WHERE name = 'Bench Lyon'")

counts=$(psql_app -At -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE status = 'approved'), count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'rejected'), count(*) FILTER (WHERE status = 'merged'), count(DISTINCT city_code), pg_size_pretty(pg_total_relation_size('sighting')) FROM sighting")
read -r n_all n_approved n_pending n_rejected n_merged n_cities table_size <<<"$counts"
vp=$(psql_app -At -F ' ' -c "SELECT round(avg(n)), round(avg(b) / 1024) FROM (SELECT (SELECT count(*) FROM sighting s WHERE s.status = 'approved' AND s.geom && ST_MakeEnvelope(v.x0, v.y0, v.x1, v.y1, 4326)) AS n, 0 AS b FROM bench.viewport v WHERE v.id <= 200) t")
read -r vp_rows _ <<<"$vp"

# The start-up figure: three starts on the loaded data with the unit's options, never profiled (a
# flight recording adds its own start), the median of them.
say "three starts of the app ($jvm_opts) on the loaded data"
for _ in 1 2 3; do
  started_lines=$(grep -c 'started in' "$work/app.log" || true)
  bench_start_app
  # Ready may answer a moment before Quarkus writes its line.
  for _ in $(seq 1 100); do
    [ "$(grep -c 'started in' "$work/app.log" || true)" -gt "$started_lines" ] && break
    sleep 0.05
  done
  printf '%s %s %s\n' "$startup_s" "$startup_rss_mb" "$(grep -o 'started in [0-9.]*s' "$work/app.log" | tail -1 | tr -d 'a-z ')" >>"$work/starts"
  bench_stop_app
done
read -r median_startup_s median_rss_mb quarkus_started_s < <(sort -n "$work/starts" | sed -n 2p)
startups=$(cut -d' ' -f1 "$work/starts" | paste -sd' ' | sed 's/ / s, /g')
say "ready in $startups s (median $median_startup_s s, RSS $median_rss_mb MB)"
app_opts="$jvm_opts"
if [ "$profile" = yes ]; then
  jvm_opts="$jvm_opts -XX:StartFlightRecording=filename=$work/app.jfr,settings=default"
fi
say "starting the app ($jvm_opts) for the workloads"
bench_start_app

# pgbench LABEL SCRIPT [-D name=value …]: sets tps, pg_p50, pg_p99 (ms).
pg_measure() {
  local label="$1" script="$2"
  shift 2
  rm -f "$work/pgb_$label".*
  phase_start=$(now)
  timeout $((secs + 120)) "$pg_bin/pgbench" -n -M prepared -c "$clients" -j 2 -T "$secs" -f "$script" \
    -D viewports="$n_viewports" "$@" -l --log-prefix="$work/pgb_$label" \
    -h 127.0.0.1 -p "$port" -U technocarte "$db" >"$work/pgb_$label.out" 2>&1 ||
    { cat "$work/pgb_$label.out" >&2; exit 1; }
  printf '%s pg %s %s\n' "$label" "$phase_start" "$(now)" >>"$work/phases.tsv"
  tps=$(awk '/^tps = / { print $3; exit }' "$work/pgb_$label.out")
  read -r pg_p50 pg_p99 < <(cat "$work/pgb_$label".[0-9]* | awk '{ print $3 / 1000 }' | sort -n |
    awk '{ v[NR] = $1 } END { printf "%.2f %.2f\n", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1] }')
}
# wrk LABEL FILE MODE: sets rps, app_p50, app_p99 (ms), bad (non-2xx + socket errors).
http_measure() {
  local label="$1" file="$2" mode="$3" line
  if [ "$warmup" -gt 0 ]; then
    wrk -t2 -c"$clients" -d"${warmup}s" --timeout 30s -s deploy/bench/wrk.lua "$base" -- "$file" "$mode" >/dev/null
  fi
  phase_start=$(now)
  line=$(wrk -t2 -c"$clients" -d"${secs}s" --timeout 30s -s deploy/bench/wrk.lua "$base" -- "$file" "$mode" |
    tee "$work/wrk_$label.out" | grep '^BENCH')
  printf '%s http %s %s\n' "$label" "$phase_start" "$(now)" >>"$work/phases.tsv"
  read -r _ rps app_p50 app_p99 non2xx sock <<<"$line"
  bad=$((non2xx + sock))
}

rows_table="$work/table.md"
: >"$rows_table"
workload() { # LABEL TITLE SCRIPT WRKFILE MODE [-D …]
  local label="$1" title="$2" script="$3" file="$4" mode="$5"
  shift 5
  say "$title: pgbench ($clients clients, $secs s)"
  pg_measure "$label" "$script" "$@"
  say "$title: wrk ($clients connections, $secs s)"
  http_measure "$label" "$file" "$mode"
  printf '| %s | %.0f/s (p50 %s, p99 %s ms) | %.0f/s (p50 %s, p99 %s ms)%s | **%s** |\n' "$title" "$tps" "$pg_p50" "$pg_p99" \
    "$rps" "$app_p50" "$app_p99" "$([ "$bad" -gt 0 ] && echo ", $bad errors")" "$(ratio "$rps" "$tps")" | tee -a "$rows_table"
}

workload map 'map read `GET /api/sightings?bbox=…`' deploy/bench/pgbench/map.sql "$work/map.txt" get
workload ogc 'OGC items `?bbox=…&limit=1000`' deploy/bench/pgbench/ogc.sql "$work/ogc.txt" get
for z in 14 7 5; do
  read -r first last <"$work/tiles$z.range"
  case $z in 14) where="Paris + Marseille, $((last - first + 1)) tiles" ;; *) where="France, $((last - first + 1)) tiles" ;; esac
  # Up to zoom 12 the app draws an unfiltered tile from the cells its triggers keep counted (V51, V53).
  script=deploy/bench/pgbench/tile.sql
  [ "$z" -le 12 ] && script=deploy/bench/pgbench/tile-cells.sql
  workload "tile$z" "z$z tiles ($where)" "$script" "$work/tiles$z.txt" get -D first="$first" -D last="$last"
done
# Every zoom, one tile at a time (no other load), the tiles of every-zoom.txt read twice; the slowest
# of the second pass (the first warms the caches).
say "every zoom, one tile at a time"
for pass in 1 2; do
  while read -r z path; do
    curl -fsS --max-time 60 -o /dev/null -w "$z %{time_total} %{size_download}\n" "$base$path"
  done <"$work/every-zoom.txt" >"$work/every-zoom-$pass.txt"
done
every_zoom_rows=$(awk '{ n[$1]++; if ($2 > t[$1]) t[$1] = $2; if ($3 > b[$1]) b[$1] = $3 }
  END { for (z = 0; z <= 16; z++) printf "| %d | %d | %.0f ms | %.1f KB |\n", z, n[z], t[z] * 1000, b[z] / 1024 }' "$work/every-zoom-2.txt")
every_zoom_max=$(awk '$2 > m { m = $2 } END { printf "%.0f", m * 1000 }' "$work/every-zoom-2.txt")

# The walker's map in headless Chromium on the same data (deploy/bench/map.mjs), before the POSTs.
: >"$work/map.md"
bench_map "$work/map.md"
# The first submission loads what a POST needs (the gazetteer among others): its time is shown apart.
first_post_ms=$(curl -fsS -o /dev/null -w '%{time_total}' -H 'Content-Type: application/geo+json' \
  -d '{"type":"Feature","geometry":{"type":"Point","coordinates":[2.3488,48.85341]},"properties":{"surveillanceType":"camera"}}' \
  "$base/api/sightings" | awk '{ printf "%.0f", $1 * 1000 }')
workload post '`POST /api/sightings` (clientId check + insert)' deploy/bench/pgbench/post.sql "$work/viewports.txt" post
psql_app -c "DELETE FROM sighting WHERE id > $((rows + queue))" -c "VACUUM (ANALYZE) sighting" >/dev/null

say "exports"
jstat -gc "$app_pid" 200 >"$work/jstat.log" 2>/dev/null &
sampler_pid=$!
( while kill -0 "$app_pid" 2>/dev/null; do awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status"; sleep 0.2; done ) >"$work/rss.log" 2>/dev/null &
rss_pid=$!
download() { # format: sets dl_s, dl_bytes
  local start
  start=$(now)
  curl -fsS --max-time 1800 -o "$work/export.$1" "$base/api/export/sightings.$1"
  dl_s=$(seconds "$start" "$(now)")
  printf 'export-%s http %s %s\n' "$1" "$start" "$(now)" >>"$work/phases.tsv"
  dl_bytes=$(stat -c %s "$work/export.$1")
}
download geojson
geojson_s=$dl_s geojson_bytes=$dl_bytes
geojson_rows=$(grep -o '"type":"Feature"' "$work/export.geojson" | wc -l)
rm -f "$work/export.geojson"
download csv
csv_s=$dl_s csv_bytes=$dl_bytes
csv_rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$work/export.csv") - 1))
rm -f "$work/export.csv"
kill "$sampler_pid" "$rss_pid" 2>/dev/null || true
sampler_pid= rss_pid=
peak_heap_mb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%d", max / 1024 }' "$work/jstat.log")
peak_rss_mb=$(awk '$1 > max { max = $1 } END { printf "%d", max / 1024 }' "$work/rss.log")
if [ "$profile" = yes ]; then
  say "the app's flight recording, and where the CPU went in each workload"
  jcmd "$app_pid" JFR.dump filename="$work/app.jfr" >/dev/null
  python3 deploy/bench/profile.py "$work/app.jfr" "$work/phases.tsv" >"$work/profile.md"
fi

say "export baselines: COPY and ogr2ogr on the same data"
csv_directions="array_to_string(s.directions, ';') AS directions,"
select_all="SELECT ${view_cols/s.directions,/$csv_directions} FROM sighting s WHERE s.status = 'approved' ORDER BY s.id"
start=$(now)
psql_app -c "\\copy ($select_all) TO '$work/copy.csv' WITH (FORMAT csv, HEADER)"
copy_csv_s=$(seconds "$start" "$(now)")
rm -f "$work/copy.csv"
start=$(now)
# The features as the app writes them, built by PostgreSQL (ST_AsGeoJSON, json_build_object), one a line.
features="SELECT json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom)::json, 'properties', json_build_object('surveillanceType', s.surveillance_type, 'cameraType', s.camera_type, 'mount', s.mount, 'directions', s.directions, 'fieldOfView', s.field_of_view, 'area', s.area, 'zone', s.zone, 'operator', s.operator, 'operatorType', s.operator_type, 'height', s.height, 'vsaSuspected', s.vsa_suspected, 'vsaEvidence', s.vsa_evidence, 'notes', s.notes, 'city', CASE WHEN s.city_code IS NOT NULL OR s.city_name IS NOT NULL THEN json_build_object('code', s.city_code, 'name', s.city_name) END, 'observedAt', s.observed_at, 'checkDate', s.check_date, 'status', s.status, 'source', s.source, 'sourceRef', s.source_ref, 'version', s.version, 'createdAt', s.created_at, 'updatedAt', s.updated_at)) FROM sighting s WHERE s.status = 'approved' ORDER BY s.id"
psql_app -c "\\copy ($features) TO '$work/features.jsonl'"
copy_json_s=$(seconds "$start" "$(now)")
rm -f "$work/features.jsonl"
# The app's own statement, one feature a line: what of the app's time is PostgreSQL's.
start=$(now)
psql_app -c "\\copy (SELECT $flat FROM sighting s WHERE s.status = 'approved' AND s.id > 0 ORDER BY s.id OFFSET 0) TO '$work/flat.jsonl'"
copy_flat_s=$(seconds "$start" "$(now)")
rm -f "$work/flat.jsonl"
pg_conn="PG:host=127.0.0.1 port=$port dbname=$db user=technocarte password=technocarte"
start=$(now)
timeout 1800 ogr2ogr -f GeoJSON "$work/ogr.geojson" "$pg_conn" -sql "$(sed 's/ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat/s.geom/' <<<"$select_all")" -nln sightings
ogr_json_s=$(seconds "$start" "$(now)")
rm -f "$work/ogr.geojson"
start=$(now)
timeout 1800 ogr2ogr -f CSV "$work/ogr.csv" "$pg_conn" -sql "$select_all" -nln sightings
ogr_csv_s=$(seconds "$start" "$(now)")
rm -f "$work/ogr.csv"

# The other reads at this size: their plans, and their time over HTTP (the fastest of 5).
paris=2988507
plans="$work/plans.md"
: >"$plans"
explain() { # TITLE SQL
  local sql="$2" text ms
  text=$(psql_app -At -c "EXPLAIN (ANALYZE, BUFFERS) $sql")
  ms=$(awk '/Execution Time/ { print $3 }' <<<"$text")
  printf '#### %s — %s ms\n\n```sql\n%s\n```\n```\n%s\n```\n\n' "$1" "$ms" "$sql" "$text" >>"$plans"
  printf '| %s | %s ms | %s |\n' "$1" "$ms" "$(grep -o 'Scan using [a-z_0-9]*\|Bitmap Index Scan on [a-z_0-9]*\|Seq Scan on [a-z_0-9]*' <<<"$text" | sed 's/^Scan using //; s/^Bitmap Index Scan on //; s/^Seq Scan on \(.*\)/seq scan of \1/' | sort -u | paste -sd, - | sed 's/,/, /g')" >>"$work/plan_rows.md"
}
: >"$work/plan_rows.md"
near() { # lon lat metres statuses excluded rows
  local mpd
  mpd=$(awk -v lat="$2" 'BEGIN { c = cos(lat * 3.14159265358979 / 180); if (c < 0.01) c = 0.01; printf "%.10f", 111320 * c }')
  printf "SELECT %s FROM sighting s WHERE s.status = ANY ('%s') AND s.id <> %s AND s.geom && ST_Expand(ST_SetSRID(ST_MakePoint(%s, %s), 4326), %s) AND ST_DWithin(s.geom::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s) ORDER BY ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography), s.id LIMIT %s" \
    "$view_cols" "$4" "$5" "$1" "$2" "$(awk -v m="$3" -v d="$mpd" 'BEGIN { printf "%.10f", m / d }')" "$1" "$2" "$3" "$1" "$2" "$6"
}
# The moderation queue binds the territory (Territories.coveringBound, EWKB) and is planned with it
# (plan_cache_mode = force_custom_plan): a bytea literal here is the same custom plan. The page's
# 100 (limit=100) read one row more, to know whether there is a next page.
territory=$(psql_app -At -c "SELECT encode(ST_AsEWKB(territory), 'hex') FROM local_group WHERE id = $group_id")
covers="ST_Covers(ST_GeomFromEWKB('\\x$territory'::bytea), s.geom)"
micros="(EXTRACT(EPOCH FROM date_trunc('second', s.created_at))::bigint * 1000000 + EXTRACT(MICROSECONDS FROM s.created_at)::bigint % 1000000)"
# With 50,000 of the pending in it, the app reads this territory's page in queue order
# (QueueQuery.IN_QUEUE_ORDER, ModerationService.readInQueueOrder); a small one, through its GiST index.
in_queue_order="(SELECT * FROM sighting s WHERE s.status = 'pending' ORDER BY s.created_at, s.id OFFSET 0) s"
explain "Moderation queue: a page of the pending in the Lyon territory (ModerationService.queue)" \
  "SELECT s.id, $micros FROM $in_queue_order WHERE s.status = 'pending' AND ($covers) ORDER BY s.created_at, s.id LIMIT 101"
page_ids=$(psql_app -At -c "SELECT string_agg(id::text, ',') FROM (SELECT s.id FROM $in_queue_order WHERE s.status = 'pending' AND ($covers) ORDER BY s.created_at, s.id LIMIT 100) p")
explain "Moderation queue: how many pending in the Lyon territory (ModerationService.queue, its total)" \
  "SELECT count(*) FROM sighting s WHERE s.status = 'pending' AND ($covers)"
explain "Moderation queue of a small territory (Montpellier centre): a page, through its GiST index" \
  "SELECT s.id, $micros FROM sighting s WHERE s.status = 'pending' AND (ST_Covers(ST_GeomFromEWKB('\\x$(psql_app -At -c "SELECT encode(ST_AsEWKB(ST_Multi(ST_MakeEnvelope(3.86, 43.59, 3.90, 43.62, 4326))), 'hex')")'::bytea), s.geom)) ORDER BY s.created_at, s.id LIMIT 101"
explain "Moderation queue: the page's candidate duplicates, 25 m, its 100 items in one statement (SightingRepository.nearEach)" \
  "SELECT q.id AS near_of, n.* FROM unnest('{$page_ids}'::bigint[]) q(id) JOIN sighting p ON p.id = q.id, LATERAL (SELECT $view_cols, ST_Distance(s.geom::geography, p.geom::geography) AS metres FROM sighting s WHERE s.status = ANY ('{approved,pending}') AND s.id <> p.id AND s.geom && ST_Expand(p.geom, 25 / (111320 * greatest(cos(radians(ST_Y(p.geom))), 0.01))) AND ST_DWithin(s.geom::geography, p.geom::geography, 25) ORDER BY metres, s.id LIMIT 10) n ORDER BY q.id, n.metres, n.id"
# The statistics and the city pages read the counts of V52, as CityStatsRepository does
# (CityCountsTest holds these statements to the app's).
per_city="SELECT c.* FROM (SELECT DISTINCT ON (t.city_code) t.city_code, t.city_name, sum(t.n) OVER w AS n, sum(t.vsa) OVER w AS vsa, sum(t.kind_alpr) OVER w AS kind_alpr, sum(t.kind_camera) OVER w AS kind_camera, sum(t.kind_guard) OVER w AS kind_guard, sum(t.kind_other) OVER w AS kind_other, sum(t.shape_dome) OVER w AS shape_dome, sum(t.shape_fixed) OVER w AS shape_fixed, sum(t.shape_panning) OVER w AS shape_panning, sum(t.shape_unknown) OVER w AS shape_unknown FROM sighting_city_count t WHERE t.n > 0 WINDOW w AS (PARTITION BY t.city_code) ORDER BY t.city_code, t.n DESC, t.city_name) c"
explain "Stats: totals (CityStatsRepository.totals, on sighting_month_count)" \
  "SELECT coalesce(sum(t.n) FILTER (WHERE t.status = 'approved'), 0), coalesce(sum(t.n) FILTER (WHERE t.status = 'approved' AND t.vsa_suspected), 0), coalesce(sum(t.n) FILTER (WHERE t.status = 'removed'), 0) FROM sighting_month_count t"
explain "Stats: per city, with its types (CityStatsRepository.perCity)" \
  "$per_city ORDER BY c.n DESC, c.city_code"
explain "Stats: added per month (CityStatsRepository.addedPerMonth)" \
  "SELECT t.added_month, sum(t.n) FROM sighting_month_count t GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1"
explain "Stats: cities with evidence only (CityStatsRepository.evidenceOnly)" \
  "SELECT DISTINCT e.city_code FROM city_evidence e WHERE NOT EXISTS (SELECT 1 FROM sighting_city_count t WHERE t.city_code = e.city_code AND t.n > 0) ORDER BY 1"
in_paris="WHERE t.n > 0 AND t.city_code = '$paris'"
explain "City page, Paris (CityStatsRepository.city)" "${per_city/WHERE t.n > 0/$in_paris}"
explain "City page map, Paris: its approved cameras (the GeoJSON export with city=, ApprovedSightings.streamJson)" \
  "SELECT s.id, $flat FROM sighting s WHERE s.status = 'approved' AND (s.city_code = '$paris') AND s.id > 0 ORDER BY s.id OFFSET 0"
explain "Tile z5 over northern France, from the cells (ApprovedSightings.cellTile)" \
  "WITH t AS (SELECT ST_TileEnvelope(5, 16, 11) AS box) SELECT ST_AsMVT(f, 'sightings', 4096, 'geom') FROM (SELECT c.n AS count, c.vsa, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(c.sx / c.n, c.sy / c.n), 3857), t.box, 4096, 64, true) AS geom FROM sighting_cell c, t WHERE c.z = 5 AND c.cx BETWEEN 512 AND 544 AND c.cy BETWEEN 352 AND 384 AND c.n > 0) f WHERE f.geom IS NOT NULL"
explain "Nearby, central Paris, 200 m (SightingRepository.approvedNear)" "$(near 2.3488 48.85341 200 '{approved}' -1 51)"
explain "Duplicate check, central Paris, 25 m (nearby at its default radius)" "$(near 2.3488 48.85341 25 '{approved}' -1 51)"
explain "Duplicate check of POST: the clientId (SightingRepository.findIdByClientIdHash)" \
  "SELECT s.id FROM sighting s WHERE s.client_id_hash = sha256('bench'::bytea)"
fastest() { # URL [curl options]: the fastest of 5, in ms, and the status when it is not 200
  for _ in 1 2 3 4 5; do curl -sS --max-time 120 -o /dev/null -w '%{time_total} %{http_code}\n' "$@" || true; done |
    sort -n | head -1 | awk '{ printf "%.0f", $1 * 1000; if ($2 != 200) printf " (HTTP %s)", $2 }'
}
# The moderation queue of the Lyon territory as its moderator reads it, through the API: the site
# administrator invites a moderator into the group, who joins and logs in.
json_member() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
login() { # EMAIL: sets $cookie and $csrf
  local body
  body=$(curl -sS -f -D "$work/login.headers" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"$bench_password\"}" "$base/api/auth/login")
  cookie=$(awk 'tolower($1) == "set-cookie:" { sub(/;.*/, "", $2); print $2; exit }' "$work/login.headers" | tr -d '\r')
  csrf=$(json_member csrfToken <<<"$body")
}
login "$bench_admin_email"
invite=$(curl -sS -f -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"role": "moderator"}' "$base/api/groups/$group_id/invites" | json_member token)
moderator="moderator.$(date +%s)@bench.test"
curl -sS -f -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"token\": \"$invite\", \"email\": \"$moderator\", \"displayName\": \"Bench\", \"password\": \"$bench_password\"}" \
  "$base/api/groups/join"
login "$moderator"
queue_page=$(curl -sS -f -H "Cookie: $cookie" -D "$work/queue.headers" "$base/api/moderation/queue?limit=100" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
queue_total=$(awk 'tolower($1) == "x-total-count:" { print $2 }' "$work/queue.headers" | tr -d '\r')
http_rows="| \`GET /api/moderation/queue?limit=100\` (the Lyon territory's moderator: $queue_page items of $queue_total pending, with their candidate duplicates) | $(fastest "$base/api/moderation/queue?limit=100" -H "Cookie: $cookie") ms |
| \`GET /api/stats\` | $(fastest "$base/api/stats") ms |
| \`GET /api/cities/$paris\` | $(fastest "$base/api/cities/$paris") ms |
| \`GET /cities/$paris\` (page) | $(fastest "$base/cities/$paris") ms |
| \`GET /api/sightings/nearby\` (Paris, default radius) | $(fastest "$base/api/sightings/nearby?lon=2.3488&lat=48.85341") ms |
| \`GET /api/sightings/nearby\` (Paris, 200 m) | $(fastest "$base/api/sightings/nearby?lon=2.3488&lat=48.85341&radius=200") ms |"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  printf '\n## %s — %s sightings, %s s per workload\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$rows" "$secs"
  printf 'Command: `%s` (BENCH_ROWS=%s BENCH_SECONDS=%s BENCH_QUEUE=%s BENCH_SEED=%s), commit %s.\n' \
    "$command_line" "$rows" "$secs" "$queue" "$seed" "$(git rev-parse --short HEAD)"
  printf 'Machine: %s cores, load average %s before, %s after.\n' "$(nproc)" "$load_before" "$load_after"
  printf 'Data: %s rows (%s approved, %s pending of which %s in the Lyon territory, %s rejected, %s merged), %s cities, table %s; ' \
    "$n_all" "$n_approved" "$n_pending" "$queue" "$n_rejected" "$n_merged" "$n_cities" "$table_size"
  printf 'generated and loaded by COPY in %s s (+ VACUUM ANALYZE %s s). A viewport (2 × 2 km near one of the 50 largest cities) holds %s approved cameras on average.\n' \
    "$load_s" "$vacuum_s" "$vp_rows"
  printf 'App: `java %s`, ready in **%s s** (launch to /q/health/ready, the median of three starts: %s s; Quarkus says "started in %s s"), RSS after start **%s MB**; the workloads ran on a start with `%s`. %s clients/connections, %s s of wrk warm-up before each HTTP measure; the first POST took %s ms.\n\n' \
    "$app_opts" "$median_startup_s" "$startups" "$quarkus_started_s" "$median_rss_mb" "$jvm_opts" "$clients" "$warmup" "$first_post_ms"
  printf '| workload | PostgreSQL alone (pgbench, the same SQL) | the app over HTTP (wrk) | app ÷ limit |\n|---|---|---|---|\n'
  cat "$rows_table"
  printf '\n| export | app | COPY | ogr2ogr | app ÷ COPY | app ÷ ogr2ogr |\n|---|---|---|---|---|---|\n'
  printf '| GeoJSON (%s features, %s MB) | %s s | %s s (features by ST_AsGeoJSON + json_build_object) | %s s | **%s** | **%s** |\n' "$geojson_rows" "$((geojson_bytes / 1000000))" \
    "$geojson_s" "$copy_json_s" "$ogr_json_s" "$(ratio "$geojson_s" "$copy_json_s")" "$(ratio "$geojson_s" "$ogr_json_s")"
  printf '| CSV (%s rows, %s MB) | %s s | %s s | %s s | **%s** | **%s** |\n' "$csv_rows" "$((csv_bytes / 1000000))" \
    "$csv_s" "$copy_csv_s" "$ogr_csv_s" "$(ratio "$csv_s" "$copy_csv_s")" "$(ratio "$csv_s" "$ogr_csv_s")"
  printf '\nPostgreSQL alone writing the features of the GeoJSON export as the app has it write them (its statement, FeatureJson.FLAT, by COPY): %s s; the app ÷ that: **%s**.\n' "$copy_flat_s" "$(ratio "$geojson_s" "$copy_flat_s")"
  printf '\nDuring the exports: peak heap used **%s MB** (jstat, 200 ms samples), peak RSS **%s MB**. ' "$peak_heap_mb" "$peak_rss_mb"
  printf 'Ratios of throughput are app ÷ PostgreSQL (1 = the limit); ratios of export times are app time ÷ baseline time (1 = as fast).\n\n'
  printf '\n### Every zoom, one tile at a time (3 × 3 tiles around central Paris and central Marseille, the second of two reads)\n\n'
  printf 'Slowest tile of all: **%s ms** (target: every tile ≤ 50 ms).\n\n| zoom | tiles | slowest | largest |\n|---|---|---|---|\n%s\n\n' "$every_zoom_max" "$every_zoom_rows"
  if [ -s "$work/profile.md" ]; then
    printf '### Where the CPU went (BENCH_PROFILE=yes: the app'"'"'s flight recording, deploy/bench/profile.py)\n\n'
    cat "$work/profile.md"
    printf '\n'
  fi
  if [ -s "$work/map.md" ]; then
    printf '### The walker'"'"'s map at %s rows (deploy/bench/map.mjs)\n\n' "$rows"
    cat "$work/map.md"
  fi
  printf '### Other reads at %s rows\n\n| read | time over HTTP (fastest of 5) |\n|---|---|\n%s\n\n' "$rows" "$http_rows"
  printf '| query | execution time (EXPLAIN ANALYZE) | indexes / scans |\n|---|---|---|\n'
  cat "$work/plan_rows.md"
  printf '\n<details><summary>Plans (EXPLAIN (ANALYZE, BUFFERS))</summary>\n\n'
  cat "$plans"
  printf '</details>\n'
} >"$report"
cat "$report"
if [ "$results" != none ]; then
  cat "$report" >>"$results"
  say "appended to $results"
fi
