# Shared set-up of deploy/bench/run.sh (sourced, not run alone). Before sourcing, set: name (for the
# messages), db (the database, made afresh), http_port, jvm_opts (the app's JVM options).
# Gives: say, now, seconds, ratio, psql_super, psql_app, $work (a temporary folder, removed at the
# end), bench_create_db, bench_load_sightings ($load_s, $vacuum_s), bench_map, bench_start_app / bench_stop_app ($app_pid, $startup_s, $startup_rss_mb).
# At exit the app is stopped, the database dropped, and bench_cleanup_more (if defined) is called.
rows="${BENCH_ROWS:-1000000}"
port="${TECHNOCARTE_PG_PORT:-55432}"
sockdir="${TECHNOCARTE_PG_DIR:-$PWD/deploy/local/data}/run"
pg_bin="/usr/lib/postgresql/${TECHNOCARTE_PG_MAJOR:-15}/bin"
work=$(mktemp -d)
# The site administrator the app creates at its first start, who invites the moderator of the queue
# that run.sh reads over HTTP.
bench_admin_email=admin@bench.test
bench_password="bench password, not a secret"
app_pid=
export PGPASSWORD=technocarte
# The baselines (pgbench, COPY, ogr2ogr, the plans) run with the session settings of the app's
# connections (common/database/StatementTimeouts): PostgreSQL's JIT off.
export PGOPTIONS="-c jit=off"

say() { printf '%s: %s\n' "$name" "$*" >&2; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_super() { as_postgres "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres "$@"; }
psql_app() { timeout 1800 "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U technocarte -d "$db" "$@"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

bench_stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}

bench_cleanup() {
  if declare -F bench_cleanup_more >/dev/null; then bench_cleanup_more || true; fi
  bench_stop_app
  if [ "${BENCH_KEEP_DB:-no}" != yes ]; then
    psql_super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap bench_cleanup EXIT

# The private cluster (started if needed), the app built if missing, $db made afresh with PostGIS.
bench_create_db() {
  TECHNOCARTE_PG_PORT="$port" deploy/local/postgis.sh start
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    say "building the app"
    timeout 1500 ./mvnw -B -q --no-transfer-progress package -DskipTests
  fi
  say "creating database $db"
  psql_super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  psql_super -d postgres -c "CREATE DATABASE $db OWNER technocarte" >/dev/null
  psql_super -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION postgis" >/dev/null
}

# The app for load, as deploy/faults/lib.sh starts it: the server unit's JVM options, no proof of
# work, no per-address limit (every client here is 127.0.0.1). Sets $startup_s (launch to ready)
# and $startup_rss_mb (resident memory once ready).
bench_start_app() {
  local start
  start=$(now)
  # In the app's folder, as the unit starts it: the archive of its classes (app-cds.jsa) is found there.
  # shellcheck disable=SC2086 # $jvm_opts is a list of options, as in the unit
  (cd target/quarkus-app &&
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$http_port" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/$db" \
      TECHNOCARTE_POW_DIFFICULTY=0 TECHNOCARTE_RATE_LIMIT_ENABLED=false \
      TECHNOCARTE_PHOTOS_DIR="$work/photos" \
      TECHNOCARTE_ADMIN_EMAIL="$bench_admin_email" TECHNOCARTE_ADMIN_PASSWORD="$bench_password" \
      exec java $jvm_opts -jar quarkus-run.jar >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 3600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$http_port/q/health/ready" 2>/dev/null; then
      startup_s=$(seconds "$start" "$(now)")
      startup_rss_mb=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$app_pid/status")
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/app.log" >&2; exit 1; }
    sleep 0.05
  done
  say "app not ready after 180 s"
  exit 1
}

# The schema (the app's Flyway, one start on the empty database), then $rows generated sightings and
# QUEUE pending ones in one territory, by COPY (seed $seed). Sets $load_s and $vacuum_s.
bench_load_sightings() {
  local queue="$1" t0
  say "migrating the schema (the app's Flyway, one start on the empty database)"
  bench_start_app
  bench_stop_app
  say "generating and loading $rows sightings + $queue pending in one territory (seed $seed, COPY)"
  t0=$(now)
  node deploy/bench/generate.mjs --rows "$rows" --queue "$queue" --seed "$seed" |
    psql_app -c "\\copy sighting ($(node deploy/bench/generate.mjs --columns)) FROM STDIN"
  load_s=$(seconds "$t0" "$(now)")
  t0=$(now)
  psql_app <<'SQL'
SELECT setval(pg_get_serial_sequence('sighting', 'id'), (SELECT max(id) FROM sighting));
VACUUM (ANALYZE) sighting;
SQL
  vacuum_s=$(seconds "$t0" "$(now)")
  say "loaded in $load_s s, VACUUM ANALYZE $vacuum_s s"
}

# The walker's map in headless Chromium (deploy/bench/map.mjs) against the running app, once per
# device pixel ratio of BENCH_MAP_DPR ("1 3": the browser tests' phone, and a phone's real screen);
# appends its markdown to FILE. Without Chromium (deploy/local/test.sh installs Debian's), says so.
bench_map() {
  local file="$1" dpr
  if [ "${BENCH_MAP:-yes}" = no ]; then return 0; fi
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    printf 'The walker'"'"'s map was not measured: no Chromium at %s (apt-get install chromium).\n' "${CHROMIUM:-/usr/bin/chromium}" >>"$file"
    return 0
  fi
  for dpr in ${BENCH_MAP_DPR:-1 3}; do
    say "the walker's map in headless Chromium, device pixel ratio $dpr"
    printf '#### Device pixel ratio %s\n\n' "$dpr" >>"$file"
    timeout 900 node deploy/bench/map.mjs --url "http://127.0.0.1:$http_port" --dpr "$dpr" >>"$file"
    printf '\n' >>"$file"
  done
}
